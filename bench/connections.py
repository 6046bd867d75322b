"""How many TCP connections this process holds open to a port (stdlib only,
Linux): the sockets among its file descriptors that /proc/net/tcp lists as
established with that remote port. Used to show a pool's reuse."""

from __future__ import annotations

import os

ESTABLISHED = "01"


def _socket_inodes() -> set[str]:
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def open_connections(port: int | str) -> int:
    """Established connections from this process to ``port`` (any host)."""
    mine = _socket_inodes()
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as handle:
                next(handle)
                for line in handle:
                    fields = line.split()
                    remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                    if remote_port == int(port) and fields[3] == ESTABLISHED and fields[9] in mine:
                        count += 1
        except OSError:
            continue
    return count
