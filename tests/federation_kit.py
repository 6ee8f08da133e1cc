"""Helpers of the federation tests: two repositories split from the cascade fixture (the province
``top`` and the city ``city``, whose tasks implement ``top:prov/...``), and a local HTTPS server
with a self-signed certificate made by openssl, serving what each test asks for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from helpers import ROOT

CASCADE = ROOT / "tests" / "fixtures" / "cascade" / "data"
AS_OF = dt.date(2024, 9, 30)


def split_cascade(target: Path, source_export: str = "../../city/data") -> tuple[Path, Path]:
    """(top data folder, city data folder): the cascade fixture's two plans as two repositories."""
    top, city = target / "top" / "data", target / "city" / "data"
    for folder in (top, city):
        shutil.copytree(CASCADE, folder)
    shutil.rmtree(top / "plans" / "city")
    for unit in ("qu-a", "qu-b", "qu-c"):
        (top / "status" / f"{unit}.yaml").unlink()
    shutil.rmtree(city / "plans" / "prov")
    (city / "status" / "shiju.yaml").unlink()
    for path in (city / "plans" / "city" / "tasks").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for before in ("to: prov/", "[prov/", "  - prov/"):
            text = text.replace(before, before.replace("prov/", "top:prov/"))
        path.write_text(text, encoding="utf-8")
    write_federation(top, "top", "测试省", [("city", "测试市", source_export, "")])
    (city / "federation.yaml").write_text("id: city\nname: 测试市\n", encoding="utf-8")
    return top, city


def write_federation(
    data: Path, own: str, name: str, sources: list[tuple[str, str, str, str]]
) -> None:
    """``sources``: (id, name, export, more YAML lines of the entry, each ending in a newline)."""
    text = f"id: {own}\nname: {name}\nsources:\n"
    for source_id, source_name, export, more in sources:
        text += f"  - id: {source_id}\n    name: {source_name}\n    export: '{export}'\n"
        text += "    site: https://city.example.gov.cn/\n" + more
    (data / "federation.yaml").write_text(text, encoding="utf-8")


Responder = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Server:
    url: str
    ca: Path
    routes: dict[str, Responder]
    sent: dict[str, int] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)


def certificate(folder: Path) -> tuple[Path, Path]:
    """(cert.pem, key.pem): a self-signed certificate for localhost and 127.0.0.1."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@contextmanager
def https_server(folder: Path, routes: dict[str, Responder]) -> Iterator[Server]:
    """Serve ``routes`` (path -> responder) over HTTPS on a free port of 127.0.0.1."""
    cert, key = certificate(folder)
    server_state: list[Server] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state = server_state[0]
            state.requests.append({k: v for k, v in self.headers.items()})
            responder = state.routes.get(self.path)
            if responder is None:
                self.send_error(404)
                return
            # the client may stop reading: what the limits are for
            with contextlib.suppress(OSError):
                responder(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    state = Server(f"https://localhost:{httpd.server_address[1]}", cert, routes)
    server_state.append(state)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.released.set()
        httpd.shutdown()
        httpd.server_close()


def send_json(body: bytes, etag: str = '"v1"') -> Responder:
    """200 with an ETag, or 304 when the request names that ETag."""

    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("ETag", etag)
        handler.send_header("Last-Modified", "Mon, 30 Sep 2024 00:00:00 GMT")
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def never_answer(state: Callable[[], Server]) -> Responder:
    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        state().released.wait(30)

    return respond


def drip(state: Callable[[], Server]) -> Responder:
    """Headers, then one byte every 0.2 s (each read is quick; the whole never ends)."""

    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        while not state().released.is_set():
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)

    return respond


def flood(state: Callable[[], Server], total: int, declare: bool) -> Responder:
    """``total`` bytes of JSON-looking text, with or without a Content-Length saying so."""

    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        if declare:
            handler.send_header("Content-Length", str(total))
        handler.end_headers()
        chunk = b"[" + b"1," * 32_767 + b"1"
        sent = 0
        while sent < total:
            handler.wfile.write(chunk)
            sent += len(chunk)
            state().sent[handler.path] = sent

    return respond
