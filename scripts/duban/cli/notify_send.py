"""Sending the messages of ``duban notify``: the group bots' small sender, Apprise for e-mail and
the other services, retries with backoff, and the state file that keeps a second run on the same
day from sending again.

Why not Apprise for the three group bots (checked against apprise 2.3.0, the newest in 2026):

- WeCom (``wecombot://``): sends ``msgtype: text`` only, and cuts at 2,048 *characters*, while
  WeCom counts 2,048 *bytes* of UTF-8: a Chinese reminder of 700 characters is already refused.
- DingTalk (``dingtalk://secret@token``): URL-encodes the signature and then hands it to
  ``requests`` as a parameter, which encodes it again (``%253D``): a signed bot refuses it.
- Feishu (``feishu://``): has no way to sign a message, so a bot with 签名校验 refuses it.
- None of the three lets the host be set, so a test cannot see what goes on the wire.

So the bots get the JSON their documents describe (outputs/notify_messages.py) from this module,
over ``urllib``; e-mail (``mailto://``, ``mailtos://``), generic JSON webhooks (``json://``) and
every other Apprise service go through Apprise, imported only when such a route sends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duban.i18n.messages import say
from duban.load.files import write_atomically
from duban.load.notify_config import DIRECT_KINDS, Route
from duban.outputs.notify_messages import Message, dingtalk_url, signed_body

TIMEOUT = 15.0
RETRIES = 3
"""Attempts after the first; the waits between them double: 2, 4, 8 seconds."""
BASE_DELAY = 2.0

Sleep = Callable[[float], None]


class SendError(Exception):
    """One attempt failed; the text says why, without the address or key."""


@dataclass(frozen=True)
class Channel:
    """A route with its address and secret, read from the environment."""

    route: Route
    url: str
    secret: str | None = None

    def redact(self, text: str) -> str:
        for value in (self.url, self.secret):
            if value:
                text = text.replace(value, "***")
        return text


def check_address(kind: str, url: str) -> str | None:
    """Why a bot's address cannot be used (https only; plain http only to this machine)."""
    if kind not in DIRECT_KINDS:
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname:
        try:
            if parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname).is_loopback:
                return None
        except ValueError:
            pass
    return say("the address must start with https://", "地址须以 https:// 开头")


def _post_json(url: str, data: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(100_000)
    except urllib.error.HTTPError as error:
        raise SendError(f"HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SendError(str(reason)) from None
    try:
        answer = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SendError(say("the answer is not JSON", "返回的不是 JSON")) from None
    return answer if isinstance(answer, dict) else {}


def send_direct(channel: Channel, message: Message, now: float) -> None:
    """One message to a WeCom, DingTalk or Feishu bot; raises SendError on a refusal."""
    kind = channel.route.kind
    url = channel.url
    if kind == "dingtalk":
        url = dingtalk_url(url, channel.secret, int(now * 1000))
    answer = _post_json(
        url, signed_body(kind, message.title, message.body, channel.secret, int(now))
    )
    # WeCom and DingTalk answer errcode 0, Feishu code 0 (older bots StatusCode 0)
    code = answer.get("errcode", answer.get("code", answer.get("StatusCode", 0)))
    if code not in (0, "0", None):
        detail = answer.get("errmsg") or answer.get("msg") or ""
        raise SendError(f"errcode {code} {detail}".strip())


def send_apprise(channel: Channel, message: Message) -> None:
    """One message through Apprise (e-mail, JSON webhooks, any other Apprise URL)."""
    import apprise  # only this command, only when such a route sends (never `duban validate`)

    notifier = apprise.Apprise()
    if not notifier.add(channel.url):
        raise SendError(say("Apprise does not accept this address", "Apprise 不接受这个地址"))
    with apprise.LogCapture(level=apprise.logging.WARNING) as log:
        sent = notifier.notify(
            body=message.body, title=message.title, body_format=apprise.NotifyFormat.MARKDOWN
        )
        said = log.getvalue().strip().splitlines()
    if not sent:
        reason = said[-1] if said else say("not delivered", "未送达")
        raise SendError(channel.redact(reason)[-300:])


def deliver(
    channel: Channel,
    message: Message,
    sleep: Sleep = time.sleep,
    retries: int = RETRIES,
    base_delay: float = BASE_DELAY,
    clock: Callable[[], float] = time.time,
) -> tuple[bool, str, int]:
    """(delivered, the last error, attempts): retried with doubling waits, never more than
    ``retries`` times. ``sleep`` and ``clock`` are injectable (tests do not wait)."""
    error = ""
    for attempt in range(retries + 1):
        if attempt:
            sleep(base_delay * 2 ** (attempt - 1))
        try:
            if channel.route.kind in DIRECT_KINDS:
                send_direct(channel, message, clock())
            else:
                send_apprise(channel, message)
            return True, "", attempt + 1
        except SendError as failure:
            error = channel.redact(str(failure))
    return False, error, retries + 1


# -- the state file --------------------------------------------------------------------------------
def message_key(route: str, message: Message) -> str:
    """What was sent where: the route and the message's digest, title and text."""
    text = f"{route}\0{message.key}\0{message.title}\0{message.body}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class State:
    """Messages sent for one as-of date; another date starts afresh."""

    path: Path | None
    as_of: dt.date
    sent: set[str]

    @classmethod
    def read(cls, path: Path | None, as_of: dt.date) -> State:
        if path is None:
            return cls(None, as_of, set())
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path, as_of, set())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return cls(path, as_of, set())  # unreadable: sending twice beats never sending
        if not isinstance(data, dict) or data.get("as_of") != as_of.isoformat():
            return cls(path, as_of, set())
        sent = data.get("sent")
        return cls(
            path,
            as_of,
            {s for s in sent if isinstance(s, str)} if isinstance(sent, list) else set(),
        )

    def remember(self, key: str) -> None:
        """Record one message as sent, at once (a run cut short keeps what it sent)."""
        self.sent.add(key)
        if self.path is None:
            return
        data = {"as_of": self.as_of.isoformat(), "sent": sorted(self.sent)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
