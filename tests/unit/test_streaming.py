"""Streamed multipart uploads (parts, Content-Length, progress, chunked file
reads) and atomic downloads (nothing at the target unless complete)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import IO, Any

import pytest
import requests
import responses

from kitsu_models import errors, streaming
from kitsu_models.credentials import Tokens
from kitsu_models.streaming import MultipartBody, write_atomically
from kitsu_models.transport import Transport

from .conftest import API


def _parse(body: bytes, content_type: str) -> list[tuple[dict[str, str], bytes]]:
    """The parts of a multipart/form-data body: (headers, content) each."""
    match = re.fullmatch(r"multipart/form-data; boundary=(\S+)", content_type)
    assert match, content_type
    delimiter = b"--" + match.group(1).encode()
    assert body.startswith(delimiter + b"\r\n")
    assert body.endswith(b"\r\n" + delimiter + b"--\r\n")
    pieces = body[len(delimiter) + 2 : -len(delimiter) - 6].split(b"\r\n" + delimiter + b"\r\n")
    parts = []
    for piece in pieces:
        head, _, content = piece.partition(b"\r\n\r\n")
        headers = dict(line.decode().split(": ", 1) for line in head.split(b"\r\n"))
        parts.append((headers, content))
    return parts


def _read_all(body: MultipartBody, size: int) -> bytes:
    out = bytearray()
    while chunk := body.read(size):
        assert len(chunk) <= size
        out += chunk
    return bytes(out)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    movie = tmp_path / "shot 010.mov"
    movie.write_bytes(os.urandom(2 * streaming.CHUNK_SIZE + 12345))
    note = tmp_path / "notes.txt"
    note.write_text("line one\r\n--not a boundary--\r\n", encoding="utf-8")
    return movie, note


def test_parts_and_length(files: tuple[Path, Path]) -> None:
    movie, note = files
    body = MultipartBody([("file", movie), ("file-1", note)], fields={"task_status_id": "abc", "comment": "Très bien"})
    data = _read_all(body, 16384)
    assert len(body) == body.length == len(data)
    parts = _parse(data, body.content_type)
    assert [(h["Content-Disposition"], h.get("Content-Type")) for h, _ in parts] == [
        ('form-data; name="task_status_id"', None),
        ('form-data; name="comment"', None),
        ('form-data; name="file"; filename="shot 010.mov"', "video/quicktime"),
        ('form-data; name="file-1"; filename="notes.txt"', "text/plain"),
    ]
    assert [content for _, content in parts] == [
        b"abc",
        "Très bien".encode(),
        movie.read_bytes(),
        note.read_bytes(),
    ]
    assert body.read(16384) == b""  # exhausted


def test_quotes_in_names_cannot_break_the_headers(tmp_path: Path) -> None:
    odd = tmp_path / 'a "quoted"\nname.bin'
    odd.write_bytes(b"x")
    body = MultipartBody([("fi\"le", odd)])
    head = _read_all(body, 1 << 20).split(b"\r\n\r\n")[0]
    assert b'name="fi\\"le"; filename="a \\"quoted\\" name.bin"' in head
    assert head.count(b"\r\n") == 2  # boundary, Content-Disposition, Content-Type


def test_unknown_types_are_octet_streams(tmp_path: Path) -> None:
    blob = tmp_path / "scene.zzzunknown"
    blob.write_bytes(b"\0\1")
    data = _read_all(MultipartBody([("file", blob)]), 100)
    assert b"Content-Type: application/octet-stream\r\n" in data


@pytest.mark.parametrize("size", [1, 1000, 16384, streaming.CHUNK_SIZE + 1, -1])
def test_progress_adds_up(files: tuple[Path, Path], size: int) -> None:
    movie, note = files
    calls: list[tuple[int, int | None]] = []
    sources = [("file", note)] if size == 1 else [("file", movie), ("file-1", note)]  # 1-byte reads: keep it small
    body = MultipartBody(sources, {"a": "b"}, progress=lambda done, total: calls.append((done, total)))
    data = body.read() if size < 0 else _read_all(body, size)
    total = len(body)
    assert len(data) == total
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)  # strictly growing
    assert body.read(100) == b"" and len(calls) == len(done)  # no call once finished


class _SpyFile:
    def __init__(self, stream: IO[bytes], reads: list[int]) -> None:
        self._stream = stream
        self._reads = reads

    def read(self, size: int = -1) -> bytes:
        self._reads.append(size)
        return self._stream.read(size)

    def __enter__(self) -> _SpyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def test_files_are_read_in_chunks_only_as_the_body_is_sent(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    movie, _ = files
    reads: list[int] = []
    real_open = Path.open

    def spy_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(self, mode, *args, **kwargs)
        return _SpyFile(stream, reads) if "b" in mode and self == movie else stream

    monkeypatch.setattr(Path, "open", spy_open)
    body = MultipartBody([("file", movie)])
    assert reads == []  # nothing read before sending
    first = body.read(16384)
    assert len(first) == 16384
    assert reads == [streaming.CHUNK_SIZE]  # one chunk, not the whole file
    rest = _read_all(body, 16384)
    assert all(size == streaming.CHUNK_SIZE for size in reads)
    assert len(reads) == movie.stat().st_size // streaming.CHUNK_SIZE + 2  # the last read hits the end
    assert movie.read_bytes() in first + rest


def test_rewind_sends_the_same_body_again(files: tuple[Path, Path]) -> None:
    movie, note = files
    calls: list[int] = []
    body = MultipartBody([("file", movie), ("file-1", note)], progress=lambda d, t: calls.append(d))
    head = body.read(5000)
    body.rewind()
    assert calls[-1] == 5000
    again = _read_all(body, 70000)
    assert again.startswith(head) and len(again) == len(body)
    assert calls[-1] == len(body)


def test_upload_sends_the_multipart_body_with_its_length(mocked: responses.RequestsMock, files: tuple[Path, Path]) -> None:
    movie, note = files
    mocked.post(API + "actions/tasks/t/comment", json={"id": "c"}, status=201)
    calls: list[tuple[int, int | None]] = []
    transport = Transport(API, tokens=Tokens.from_strings("a"))
    answer = transport.upload(
        "actions/tasks/t/comment",
        [("file", movie), ("file-1", note)],
        fields={"task_status_id": "s", "comment": "ok"},
        progress=lambda done, total: calls.append((done, total)),
        params={"no_job": True},
    )
    assert answer == {"id": "c"}
    request = mocked.calls[0].request
    assert request.url == API + "actions/tasks/t/comment?no_job=true"
    body = request.body
    assert isinstance(body, bytes)
    assert request.headers["Content-Length"] == str(len(body))
    parts = _parse(body, request.headers["Content-Type"])
    assert [content for _, content in parts] == [b"s", b"ok", movie.read_bytes(), note.read_bytes()]
    assert calls[-1] == (len(body), len(body))


def test_upload_on_a_real_socket_streams_the_body(files: tuple[Path, Path]) -> None:
    """Through http.client, not responses: requests must send the file object
    in blocks with a Content-Length (never chunked, never whole in memory)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    received: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            received["headers"] = dict(self.headers)
            received["body"] = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        movie, _ = files
        sizes: list[int] = []
        last = [0]

        def progress(done: int, total: int | None) -> None:
            sizes.append(done - last[0])
            last[0] = done

        transport = Transport(f"http://127.0.0.1:{server.server_address[1]}")
        assert transport.upload("pictures/preview-files/p", [("file", movie)], progress=progress) == {}
    finally:
        server.shutdown()
        server.server_close()
    headers = received["headers"]
    assert "Transfer-Encoding" not in headers
    assert int(headers["Content-Length"]) == len(received["body"]) == sum(sizes)
    assert max(sizes) < streaming.CHUNK_SIZE  # sent block by block
    parts = _parse(received["body"], headers["Content-Type"])
    assert parts[0][1] == movie.read_bytes()


# --------------------------------------------------------------- downloads
def test_download_writes_the_file_and_reports_progress(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    payload = os.urandom(3 * 1024 * 1024 + 17)
    mocked.add(
        responses.Response(
            "GET", API + "pictures/originals/preview-files/p.png", body=payload, auto_calculate_content_length=True
        )
    )
    calls: list[tuple[int, int | None]] = []
    target = tmp_path / "sub" / "p.png"
    transport = Transport(API, tokens=Tokens.from_strings("a"))
    written = transport.download("pictures/originals/preview-files/p.png", target, progress=lambda d, t: calls.append((d, t)))
    assert written == target.stat().st_size == len(payload)
    assert target.read_bytes() == payload
    assert calls[-1] == (len(payload), len(payload))
    assert len(calls) > 1  # streamed in pieces
    assert sorted(os.listdir(target.parent)) == ["p.png"]  # no temporary file left
    assert getattr(mocked.calls[0].request, "req_kwargs")["stream"] is True


def test_a_short_body_leaves_nothing_behind(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    mocked.add(
        responses.Response(
            "GET",
            API + "pictures/originals/preview-files/p.png",
            body=b"x" * 1000,
            headers={"Content-Length": "5000"},
            auto_calculate_content_length=False,
        )
    )
    target = tmp_path / "p.png"
    transport = Transport(API, tokens=Tokens.from_strings("a"))
    with pytest.raises(errors.DownloadError) as caught:
        transport.download("pictures/originals/preview-files/p.png", target)
    assert "/pictures/originals/preview-files/p.png" in str(caught.value)
    assert not target.exists()
    assert os.listdir(tmp_path) == []


def test_a_failed_download_keeps_the_previous_file(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    mocked.add(
        responses.Response(
            "GET", API + "files/f", body=b"new" * 10, headers={"Content-Length": "999"}, auto_calculate_content_length=False
        )
    )
    mocked.get(API + "files/missing", status=404, json={"message": "no such file"})
    target = tmp_path / "f.bin"
    target.write_bytes(b"previous version")
    transport = Transport(API, tokens=Tokens.from_strings("a"))
    with pytest.raises(errors.DownloadError):
        transport.download("files/f", target)
    with pytest.raises(errors.NotFoundError):
        transport.download("files/missing", target)
    assert target.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == ["f.bin"]


def test_a_connection_lost_mid_download_leaves_nothing_behind(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    class Dropping(io.RawIOBase):
        """A socket that gives 100 bytes, then is reset by the peer."""

        def __init__(self) -> None:
            self.sent = False

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            if self.sent:
                raise ConnectionResetError(104, "Connection reset by peer")
            self.sent = True
            buffer[:100] = b"y" * 100
            return 100

    mocked.add(
        responses.Response(
            "GET",
            API + "files/f",
            body=io.BufferedReader(Dropping(), buffer_size=100),
            headers={"Content-Length": "100000"},
            auto_calculate_content_length=False,
        )
    )
    target = tmp_path / "f.bin"
    with pytest.raises(errors.DownloadError) as caught:
        Transport(API).download("files/f", target)
    assert str(caught.value) == "GET /files/f: download failed (ChunkedEncodingError)"
    assert caught.value.__cause__ is None and caught.value.__context__ is None  # nothing holds the request
    assert os.listdir(tmp_path) == []


def test_write_atomically_cleans_up_on_any_interruption(tmp_path: Path) -> None:
    def chunks() -> Any:
        yield b"a" * 10
        raise KeyboardInterrupt

    target = tmp_path / "out.bin"
    with pytest.raises(KeyboardInterrupt):
        write_atomically(chunks(), target, total=None)
    assert os.listdir(tmp_path) == []
    assert write_atomically(iter([b"ab", b"cd"]), target, total=4) == 4
    assert target.read_bytes() == b"abcd" and os.listdir(tmp_path) == ["out.bin"]
    with pytest.raises(OSError):
        write_atomically(iter([b"ab"]), target, total=4)
    assert target.read_bytes() == b"abcd" and os.listdir(tmp_path) == ["out.bin"]
