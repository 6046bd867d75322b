"""Sockets whose every read ends by the request's total deadline.

A read timeout bounds the wait between two reads only: a server sending
one header byte a second never trips it, and requests reads the status
line and the headers before the transport sees a response. The transport
mounts :class:`DeadlineAdapter`, whose connections' sockets take, before
each read, the smaller of the read timeout and what is left until the
deadline of the request in progress on this thread (:func:`bounded`): the
whole answer, headers included, ends by the deadline.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


@contextmanager
def bounded(deadline: float, read_timeout: float) -> Iterator[None]:
    """Reads of this thread's sockets end by ``deadline`` (a monotonic time),
    each waiting at most ``read_timeout``, inside the block."""
    before = getattr(_current, "limits", None)
    _current.limits = (deadline, read_timeout)
    try:
        yield
    finally:
        _current.limits = before


def _bound(sock: socket.socket) -> None:
    """Give ``sock`` the wait its next read may take (none left: a timeout)."""
    limits = getattr(_current, "limits", None)
    if limits is None:
        return
    deadline, read_timeout = limits
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the answer took longer than the total timeout")
    socket.socket.settimeout(sock, min(read_timeout, left))


class _DeadlineSocket(socket.socket):
    __slots__ = ()

    def recv(self, size: int, flags: int = 0) -> bytes:
        _bound(self)
        return super().recv(size, flags)

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        _bound(self)
        return super().recv_into(buffer, nbytes, flags)


class _DeadlineSSLSocket(ssl.SSLSocket):
    def recv(self, buflen: int = 1024, flags: int = 0) -> bytes:
        _bound(self)
        return super().recv(buflen, flags)

    def recv_into(self, buffer: Any, nbytes: int | None = None, flags: int = 0) -> int:
        _bound(self)
        return super().recv_into(buffer, nbytes, flags)


def _adopt(sock: Any) -> None:
    """Make a connected socket bound its reads (same layout: only its class changes)."""
    if type(sock) is ssl.SSLSocket:
        sock.__class__ = _DeadlineSSLSocket
    elif type(sock) is socket.socket:
        sock.__class__ = _DeadlineSocket


class _Connection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


class _SecureConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _adopt(self.sock)


# (pyright finds urllib3's own connection classes unlike its protocols for them)
class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection  # pyright: ignore[reportAssignmentType]


class _SecurePool(HTTPSConnectionPool):
    ConnectionCls = _SecureConnection  # pyright: ignore[reportAssignmentType]


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections' reads honour :func:`bounded`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """requests' pool manager, with this module's connection pools."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _SecurePool}
