"""Streaming bodies: multipart uploads read from disk chunk by chunk, and
downloads written to a temporary file that is renamed only when complete."""

from __future__ import annotations

import mimetypes
import os
import tempfile
import uuid
from collections.abc import Generator, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Callable, Union

#: Called with (bytes done so far, total bytes or None when unknown).
ProgressCallback = Callable[[int, Union[int, None]], None]

StrPath = Union[str, "os.PathLike[str]"]

CHUNK_SIZE = 1024 * 1024


class MultipartBody:
    """A ``multipart/form-data`` body that reads its files only as it is sent.

    ``requests`` sees a file-like object with a known length, so it sends a
    ``Content-Length`` and streams the parts; a 2 GB movie is never held in
    memory. ``progress`` is told the bytes sent after each read.
    """

    def __init__(
        self,
        files: Sequence[tuple[str, StrPath]],
        fields: Mapping[str, str] | None = None,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.boundary: str = uuid.uuid4().hex
        self._progress = progress
        self._parts: list[bytes | Path] = []
        for name, value in (fields or {}).items():
            self._parts.append(
                self._header(name) + b"\r\n" + str(value).encode("utf-8") + b"\r\n"
            )
        for name, file_path in files:
            path = Path(file_path)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self._parts.append(self._header(name, path.name, content_type) + b"\r\n")
            self._parts.append(path)
            self._parts.append(b"\r\n")
        self._parts.append(f"--{self.boundary}--\r\n".encode())
        self.length: int = sum(
            part.stat().st_size if isinstance(part, Path) else len(part)
            for part in self._parts
        )
        self._sent = 0
        self._chunks = self._iter_chunks()
        self._pending = memoryview(b"")
        self._offset = 0

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def _header(self, name: str, filename: str | None = None, content_type: str | None = None) -> bytes:
        disposition = f'form-data; name="{_quote(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quote(filename)}"'
        lines = [f"--{self.boundary}", f"Content-Disposition: {disposition}"]
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")

    def rewind(self) -> None:
        """Start over from the first byte, to send the body again (a request
        replayed after a token refresh); progress restarts from zero."""
        self._chunks.close()
        self._sent = 0
        self._chunks = self._iter_chunks()
        self._pending = memoryview(b"")
        self._offset = 0

    def _iter_chunks(self) -> Generator[bytes, None, None]:
        for part in self._parts:
            if isinstance(part, bytes):
                yield part
                continue
            with part.open("rb") as stream:
                while chunk := stream.read(CHUNK_SIZE):
                    yield chunk

    def __len__(self) -> int:
        return self.length

    def read(self, size: int = -1) -> bytes:
        """The next bytes of the body (at most ``size``; all when negative).

        The current chunk is held as a memoryview with an offset, so small
        reads from a large chunk copy only what they return.
        """
        parts: list[bytes] = []
        wanted = size
        while wanted != 0:
            if self._offset >= len(self._pending):
                chunk = next(self._chunks, None)
                if chunk is None:
                    break
                self._pending, self._offset = memoryview(chunk), 0
            end = len(self._pending) if wanted < 0 else min(len(self._pending), self._offset + wanted)
            parts.append(self._pending[self._offset : end].tobytes())
            if wanted > 0:
                wanted -= end - self._offset
            self._offset = end
        out = b"".join(parts)
        self._sent += len(out)
        if out and self._progress is not None:
            self._progress(self._sent, self.length)
        return out


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")


def file_parts(paths: Sequence[StrPath]) -> list[tuple[str, Path]]:
    """Files as multipart parts ``file``, ``file-1``, ``file-2``...: the
    server reads one file per part name."""
    return [("file" if index == 0 else f"file-{index}", Path(path)) for index, path in enumerate(paths)]


def multipart_length(files: Sequence[tuple[str, StrPath]], fields: Mapping[str, str] | None = None) -> int:
    """The byte length of the multipart body these parts make (no file is read)."""
    return MultipartBody(files, fields).length


class CallProgress:
    """One progress report over every request body of a call (a comment
    with attachments, then its previews): the sizes of all bodies are known
    before the first is sent, and each request's own ``(done, total)`` is
    shifted by the bodies sent before it."""

    def __init__(self, callback: ProgressCallback | None, sizes: Sequence[int]) -> None:
        self.callback = callback
        self.total: int = sum(sizes)
        self.offset: int = 0

    def part(self) -> ProgressCallback | None:
        """The callback for the next body."""
        callback, offset, total = self.callback, self.offset, self.total
        if callback is None:
            return None

        def report(done: int, _size: int | None) -> None:
            callback(offset + done, total)

        return report

    def sent(self, size: int) -> None:
        """A body of ``size`` bytes was sent."""
        self.offset += size


def write_atomically(
    chunks: Iterable[bytes],
    target: StrPath,
    total: int | None,
    progress: ProgressCallback | None = None,
) -> int:
    """Write ``chunks`` to ``target`` through a temporary file in the same
    folder, renamed over the target only once every byte is on disk.

    An interruption (a dropped connection, a short body, Ctrl-C) removes the
    temporary file and leaves the target untouched. Returns the bytes written.
    """
    with AtomicFile(target, total, progress) as sink:
        for chunk in chunks:
            sink.write(chunk)
    return sink.done


class AtomicFile:
    """A file written through a temporary one in the same folder, renamed
    over ``target`` when the block ends without error and every byte of
    ``total`` came (else removed, the target untouched): what a download
    writes into, chunk by chunk, whichever way the chunks arrive."""

    def __init__(self, target: StrPath, total: int | None, progress: ProgressCallback | None = None) -> None:
        self.target: Path = Path(target)
        self.total: int | None = total
        self.progress: ProgressCallback | None = progress
        #: Bytes written so far.
        self.done: int = 0

    def __enter__(self) -> AtomicFile:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle, self._temp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent)
        self._out = os.fdopen(handle, "wb")
        return self

    def write(self, chunk: bytes) -> None:
        """Write the next chunk, and tell the progress callback."""
        self._out.write(chunk)
        self.done += len(chunk)
        if self.progress is not None:
            self.progress(self.done, self.total)

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        try:
            try:
                if kind is None:
                    self._out.flush()
                    os.fsync(self._out.fileno())
            finally:
                self._out.close()
            if kind is None and self.total is not None and self.done != self.total:
                raise OSError(f"short download: {self.done} of {self.total} bytes")
            if kind is None:
                os.replace(self._temp, self.target)
        finally:
            Path(self._temp).unlink(missing_ok=True)  # gone already once renamed

