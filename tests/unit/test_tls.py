"""``verify=`` against a local HTTPS server with a private CA: the
explicit option wins over REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import certifi
import pytest

from kitsu_models import errors
from kitsu_models.policy import NO_RETRY
from kitsu_models.transport import Transport



def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A studio's private CA and a certificate it signed for 127.0.0.1."""
    folder = tmp_path_factory.mktemp("ca")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Studio CA",
             "-keyout", "ca.key", "-out", "ca.pem", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=folder)
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", "san.cnf", "-out", "server.pem", cwd=folder)
    return folder


class _Index(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = b'{"api": "Zou", "version": "1.0.97"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def https_url(private_ca: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Index)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(private_ca / "server.pem", private_ca / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_an_explicit_ca_wins_over_the_environment(
    https_url: str, private_ca: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, certifi.where())  # a bundle without the studio's CA
    transport = Transport(https_url, verify=str(private_ca / "ca.pem"), retry=NO_RETRY)
    assert transport.get("")["api"] == "Zou"


def test_verify_false_wins_over_the_environment(https_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    assert Transport(https_url, verify=False, retry=NO_RETRY).get("")["api"] == "Zou"


def test_without_an_option_the_environment_applies(
    https_url: str, private_ca: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(private_ca / "ca.pem"))
    assert Transport(https_url, retry=NO_RETRY).get("")["api"] == "Zou"
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    with pytest.raises(errors.TLSError):
        Transport(https_url, retry=NO_RETRY).get("")
