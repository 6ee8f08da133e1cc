"""Digests as the messages each platform takes: within its size limit, whole items only, and
within its rate limit; and the JSON body each group bot expects.

Limits, from the platforms' documents (docs/notify.md names them):

- 企业微信 (WeCom) group bot: ``markdown.content`` at most 4,096 bytes of UTF-8; 20 messages a
  minute per bot.
- 钉钉 (DingTalk) custom bot: about 20,000 bytes a message; 20 messages a minute per bot; a
  signed bot takes ``timestamp`` and ``sign`` in the URL (:func:`dingtalk_sign`).
- 飞书 (Feishu / Lark) custom bot: a request body of at most 20 KB; a signed bot takes
  ``timestamp`` and ``sign`` in the body (:func:`feishu_sign`).

A digest too long for one message is split between items (never inside one); every part
carries the title with 第 i/n 条 and the links. One item longer than a whole message (a task
heading of thousands of characters) is cut, and the cut is said in the message. A route that
would get more messages in one run than its platform takes in a minute gets the first ones and
then one message naming the units left out, with the link to the overdue list.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse
from dataclasses import dataclass
from typing import Any

from duban.i18n.messages import say
from duban.outputs.notify_digest import Digest

LIMITS = {
    "wecom": 4096,  # bytes of markdown.content
    "dingtalk": 18_000,  # bytes of the JSON body, under DingTalk's ~20,000
    "feishu": 18_000,  # bytes of the JSON body, under Feishu's 20 KB
    "email": 200_000,
    "webhook": 100_000,
    "apprise": 4_000,  # other Apprise services: a safe size for most chat services
}
MAX_PER_RUN = 20
"""Messages one route gets in one run: the group bots take about 20 a minute."""

CUT = "…"


@dataclass(frozen=True)
class Message:
    """One message to send: its digest, which part of how many, its title and Markdown body."""

    key: str
    part: int
    parts: int
    title: str
    body: str
    units: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.key if self.parts == 1 else f"{self.key} {self.part}/{self.parts}"


def payload(kind: str, title: str, body: str) -> dict[str, Any]:
    """The JSON body of a group bot's message (without a signature)."""
    if kind == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": f"**{title}**\n{body}"}}
    if kind == "dingtalk":
        return {
            "msgtype": "markdown",
            "markdown": {"title": title, "text": f"#### {title}\n{body}"},
        }
    if kind == "feishu":
        return {
            "msg_type": "interactive",
            "card": {
                "header": {"title": {"tag": "plain_text", "content": title}},
                "elements": [{"tag": "div", "text": {"tag": "lark_md", "content": body}}],
            },
        }
    return {"title": title, "body": body}


def shown(kind: str, title: str, body: str) -> str:
    """The text the group reads, as it goes in the platform's message (for --dry-run)."""
    if kind == "wecom":
        content: str = payload(kind, title, body)["markdown"]["content"]
        return content
    if kind == "dingtalk":
        text: str = payload(kind, title, body)["markdown"]["text"]
        return text
    return f"{title}\n{body}"  # Feishu's card header, e-mail's subject, a webhook's title


def size(kind: str, title: str, body: str) -> int:
    """The bytes the platform's limit counts."""
    if kind == "wecom":
        return len(payload(kind, title, body)["markdown"]["content"].encode("utf-8"))
    if kind in ("dingtalk", "feishu"):
        # room for the signature fields (Feishu's go into the body)
        return len(json.dumps(payload(kind, title, body), ensure_ascii=False).encode()) + 100
    return len(title.encode("utf-8")) + len(body.encode("utf-8"))


def _title(digest: Digest, part: int, parts: int) -> str:
    if parts == 1:
        return digest.title
    return digest.title + say(f" (part {part}/{parts})", f"（第 {part}/{parts} 条）")


def _body(intro: tuple[str, ...], items: list[str], links: tuple[str, ...], more: bool) -> str:
    lines = [*intro, *items]
    if more:
        lines.append(say("(continued in the next message)", "（接下一条）"))
    if links:
        lines.append(" · ".join(links))
    return "\n".join(lines)


def _cut_to_fit(kind: str, title: str, intro: tuple[str, ...], item: str, digest: Digest) -> str:
    """An item longer than a whole message, cut where it still fits, and saying so."""
    note = say(" (cut: too long for one message; see the site)", "（过长已截断，详见网站）")
    low, high = 0, len(item)
    while low < high:  # the longest prefix that fits with the note
        middle = (low + high + 1) // 2
        body = _body(intro, [item[:middle] + CUT + note], digest.links, True)
        if size(kind, title, body) <= LIMITS[kind]:
            low = middle
        else:
            high = middle - 1
    return item[:low] + CUT + note


def split(digest: Digest, kind: str) -> list[Message]:
    """The digest as messages within the platform's size limit, split between items."""
    limit = LIMITS[kind]
    reserve = _title(digest, 99, 99)  # the longest title a part can have
    groups: list[list[str]] = []
    current: list[str] = []
    for item in digest.items:
        intro = digest.intro if not groups else ()
        if size(kind, reserve, _body(intro, [*current, item], digest.links, True)) > limit:
            if current:
                groups.append(current)
                current = []
                intro = ()
            if size(kind, reserve, _body(intro, [item], digest.links, True)) > limit:
                item = _cut_to_fit(kind, reserve, intro, item, digest)
        current.append(item)
    groups.append(current)
    parts = len(groups)
    return [
        Message(
            digest.key,
            part,
            parts,
            _title(digest, part, parts),
            _body(digest.intro if part == 1 else (), items, digest.links, part < parts),
            digest.units,
        )
        for part, items in enumerate(groups, 1)
    ]


def within_rate(messages: list[Message], kind: str, overdue_url: str | None) -> list[Message]:
    """At most :data:`MAX_PER_RUN` messages: past that, one message names the units left out."""
    if len(messages) <= MAX_PER_RUN:
        return messages
    kept, rest = messages[: MAX_PER_RUN - 1], messages[MAX_PER_RUN - 1 :]
    left_out = [u for m in rest for u in m.units if not any(u in k.units for k in kept)]
    names = "、".join(dict.fromkeys(left_out))
    title = say("More reminders", "其余单位的督办提醒")
    where = f"[{say('the overdue list', '督办清单')}]({overdue_url})" if overdue_url else ""
    body = say(
        f"{len(rest)} more messages were not sent one by one (a bot takes about "
        f"{MAX_PER_RUN} a minute). Units: {names}. See {where or 'the site'}.",
        f"另有 {len(rest)} 条提醒未逐条发送（机器人每分钟约限 {MAX_PER_RUN} 条）。"
        f"涉及单位：{names}。详见{where or '网站'}。",
    )
    while size(kind, title, body) > LIMITS[kind] and names:
        names = names[: len(names) * 3 // 4]  # shorter, and said: 等
        body = say(
            f"{len(rest)} more messages were not sent one by one. Units: {names}{CUT} "
            f"({len(set(left_out))} in all). See {where or 'the site'}.",
            f"另有 {len(rest)} 条提醒未逐条发送。涉及单位：{names}{CUT}等 "
            f"{len(set(left_out))} 个。详见{where or '网站'}。",
        )
    summary = Message("more", 1, 1, title, body, tuple(dict.fromkeys(left_out)))
    return [*kept, summary]


# -- signatures ------------------------------------------------------------------------------------
def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk: HmacSHA256 of ``timestamp\\nsecret`` keyed by the secret, Base64, URL-encoded
    (once: the value goes into the URL as it is)."""
    text = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode("utf-8"), text, hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest))


def dingtalk_url(url: str, secret: str | None, timestamp_ms: int) -> str:
    if not secret:
        return url
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp_ms}&sign={dingtalk_sign(secret, timestamp_ms)}"


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu: HmacSHA256 keyed by ``timestamp\\nsecret`` of an empty message, Base64."""
    key = f"{timestamp_s}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode("ascii")


def signed_body(
    kind: str, title: str, body: str, secret: str | None, timestamp_s: int
) -> dict[str, Any]:
    """The JSON body to post, with Feishu's signature fields when the route has a secret."""
    data = payload(kind, title, body)
    if kind == "feishu" and secret:
        data = {"timestamp": str(timestamp_s), "sign": feishu_sign(secret, timestamp_s), **data}
    return data
