"""Fetching another duban site's open-data export: the one module of ``load`` on a network.

HTTPS only (the certificate checked, against a PEM bundle of the office's own CA when the
source names one), no redirects followed, one deadline for the whole fetch (connecting, the TLS
handshake, every read, and the name lookup too: the system resolver's own timeouts can add up
to tens of seconds, so the name is looked up in a thread the fetch stops waiting for), the body read
in pieces and refused as soon as it passes the size limit (a 50 MB answer stops at the limit,
never in memory whole), and conditional requests (``If-None-Match`` / ``If-Modified-Since``:
a 304 keeps the copy). Every failure is a reason in one line, in the chosen language; nothing
here raises for a bad server.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit

from duban import __version__
from duban.i18n.messages import say
from duban.load.untrusted import MB
from duban.model.problems import printable

UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    outcome: str
    """UPDATED (``body`` holds the answer), UNCHANGED (a 304) or FAILED (``reason``)."""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None


class _Failed(Exception):
    """A reason already in words."""


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    ca_bundle: Path | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET ``url`` (https only) within ``timeout`` seconds in all, at most ``max_bytes``."""
    deadline = time.monotonic() + timeout
    try:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise _Failed(
                say(
                    "only https:// addresses are fetched (the export travels over the network: "
                    "an http:// copy could be changed on the way)",
                    "只获取 https:// 地址（数据经网络传输，http:// 可能在途中被篡改）",
                )
            )
        context = _context(ca_bundle)
        port = parts.port or 443
        address = _looked_up(parts.hostname, port, deadline, timeout)
        connection = _PinnedConnection(
            parts.hostname, address, port=port, timeout=timeout, context=context
        )
        try:
            return _get(connection, parts, deadline, max_bytes, etag, last_modified)
        finally:
            connection.close()
    except _Failed as failed:
        return Fetched(FAILED, reason=str(failed))
    except TimeoutError:
        return Fetched(FAILED, reason=_timed_out(timeout))
    except ssl.SSLCertVerificationError as error:
        detail = printable(error.verify_message or str(error))
        return Fetched(
            FAILED,
            reason=say(
                f"the certificate could not be verified ({detail}); for an intranet CA set "
                "ca_bundle",
                f"证书无法验证（{detail}）；内网自建证书请在 federation.yaml 中设置 ca_bundle",
            ),
        )
    except ssl.SSLError as error:
        return Fetched(FAILED, reason=say(f"TLS failed: {error}", f"TLS 连接失败：{error}"))
    except socket.gaierror:
        return Fetched(FAILED, reason=say("host not found", "找不到该主机（域名无法解析）"))
    except ConnectionRefusedError:
        return Fetched(FAILED, reason=say("connection refused", "连接被拒绝"))
    except (OSError, http.client.HTTPException) as error:
        text = printable(str(error) or type(error).__name__)
        return Fetched(FAILED, reason=say(f"connection failed: {text}", f"连接失败：{text}"))


class _PinnedConnection(http.client.HTTPSConnection):
    """An HTTPS connection to an address already looked up, the certificate checked against
    the host's name (SNI and verification as usual)."""

    def __init__(self, host: str, address: tuple[Any, ...], **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection(self._address[:2], self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _looked_up(host: str, port: int, deadline: float, timeout: float) -> tuple[Any, ...]:
    """The first address of ``host``, found before the deadline. ``getaddrinfo`` takes no
    timeout, so it runs in a daemon thread the fetch stops waiting for at the deadline (the
    thread ends by itself when the resolver gives up)."""
    found: list[Any] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as error:
            found.append(error)

    thread = threading.Thread(target=look_up, name="duban-dns", daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if thread.is_alive() or not found:
        raise _Failed(_timed_out(timeout))
    if isinstance(found[0], OSError):
        raise found[0]
    return found[0][4]


def _context(ca_bundle: Path | None) -> ssl.SSLContext:
    if ca_bundle is None:
        return ssl.create_default_context()
    try:
        return ssl.create_default_context(cafile=str(ca_bundle))
    except (OSError, ssl.SSLError) as error:
        reason = printable(getattr(error, "strerror", None) or str(error))
        raise _Failed(
            say(
                f"the CA bundle {ca_bundle.name} cannot be read ({reason})",
                f"根证书文件 {ca_bundle.name} 无法读取（{reason}）",
            )
        ) from None


def _get(
    connection: http.client.HTTPSConnection,
    parts: SplitResult,
    deadline: float,
    max_bytes: int,
    etag: str | None,
    last_modified: str | None,
) -> Fetched:
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "User-Agent": f"duban/{__version__}",
        "Accept": "application/json",
        "Accept-Encoding": "identity",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    connection.request("GET", path, headers=headers)
    _remaining(connection, deadline)
    response = connection.getresponse()
    if response.status == 304:
        return Fetched(UNCHANGED, etag=etag, last_modified=last_modified)
    if response.status != 200:
        status = f"HTTP {response.status}"
        if 300 <= response.status < 400:
            where = printable(response.getheader("Location") or "")[:200]
            raise _Failed(
                say(
                    f"{status}: the export moved to {where}; write that address in federation.yaml",
                    f"服务器返回 {status}：数据已移到 {where}，请在 federation.yaml 中改写地址",
                )
            )
        raise _Failed(say(f"the server answered {status}", f"服务器返回 {status}"))
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _Failed(_too_large(max_bytes))
    pieces: list[bytes] = []
    size = 0
    while True:
        _remaining(connection, deadline)
        piece = response.read1(_CHUNK)
        if not piece:
            break
        size += len(piece)
        if size > max_bytes:
            raise _Failed(_too_large(max_bytes))
        pieces.append(piece)
    return Fetched(
        UPDATED,
        b"".join(pieces),
        etag=_header(response.getheader("ETag")),
        last_modified=_header(response.getheader("Last-Modified")),
    )


def _remaining(connection: http.client.HTTPSConnection, deadline: float) -> None:
    """Give the next read only the time left of the whole fetch."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    if connection.sock is not None:
        connection.sock.settimeout(left)


def _header(value: str | None) -> str | None:
    """A validator header kept for the next request: short, printable, or not at all."""
    if not value or len(value) > 200 or printable(value) != value:
        return None
    return value


def _timed_out(timeout: float) -> str:
    return say(f"no answer within {timeout:g} s", f"{timeout:g} 秒内没有应答（超时）")


def _too_large(limit: int) -> str:
    size = f"{limit / MB:g} MB" if limit >= MB else f"{limit} bytes"
    return say(
        f"larger than the {size} limit (max_bytes): reading stopped",
        f"超过 {size} 的大小上限（max_bytes），已停止读取",
    )
