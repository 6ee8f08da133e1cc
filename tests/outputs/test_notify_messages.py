"""The reminders of ``duban notify`` as messages: split within each platform's size limit between
items, a too-long item cut and said so, the rate limit, text from data made inert, the
signatures against the platforms' documented algorithms."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse

import pytest

from duban.outputs.notify_digest import Digest, link, plain
from duban.outputs.notify_messages import (
    LIMITS,
    MAX_PER_RUN,
    Message,
    dingtalk_sign,
    dingtalk_url,
    feishu_sign,
    payload,
    signed_body,
    size,
    split,
    within_rate,
)

pytestmark = pytest.mark.usefixtures("chinese")  # the words of the messages, in Chinese


def long_digest(items: int, length: int = 120) -> Digest:
    lines = tuple(
        f"{n}. **逾期 {n} 天** · " + "落实" * length + f" 第{n}项" for n in range(1, items + 1)
    )
    return Digest(
        "baqiao",
        "督办提醒：灞桥区司法局（截至 2011-03-31）",
        ("逾期 200 项（其中未报送 200 项），30 天内到期 0 项。",),
        lines,
        ("[本单位公开页](https://example.org/units/baqiao.html)",),
        ("baqiao",),
    )


@pytest.mark.parametrize("kind", ["wecom", "dingtalk", "feishu"])
def test_a_long_digest_is_split_between_items_within_the_limit(kind: str) -> None:
    digest = long_digest(200)
    messages = split(digest, kind)
    assert len(messages) > 1
    for number, message in enumerate(messages, 1):
        assert size(kind, message.title, message.body) <= LIMITS[kind]
        assert message.title.endswith(f"（第 {number}/{len(messages)} 条）")
        assert "[本单位公开页](https://example.org/units/baqiao.html)" in message.body
        assert ("（接下一条）" in message.body) == (number < len(messages))
    body = json.dumps(payload(kind, messages[0].title, messages[0].body), ensure_ascii=False)
    if kind == "wecom":
        assert len(payload(kind, "t", messages[0].body)["markdown"]["content"].encode()) <= 4096
    else:
        assert len(body.encode()) <= 20_000
    # every item whole, once, in order; the counts only in the first message
    lines = [line for m in messages for line in m.body.splitlines() if line[:1].isdigit()]
    assert lines == list(digest.items)
    assert [m.body.count("逾期 200 项") for m in messages] == [1] + [0] * (len(messages) - 1)


def test_a_short_digest_is_one_message_without_a_part_number() -> None:
    (message,) = split(long_digest(3), "wecom")
    assert message.title == "督办提醒：灞桥区司法局（截至 2011-03-31）"
    assert message.label == "baqiao"
    assert "（接下一条）" not in message.body


def test_an_item_longer_than_a_message_is_cut_and_says_so() -> None:
    digest = long_digest(1, length=5000)
    (message,) = split(digest, "wecom")
    assert size("wecom", message.title, message.body) <= 4096
    assert "…（过长已截断，详见网站）" in message.body
    assert "第1项" not in message.body  # its end did not fit


def test_more_messages_than_a_bot_takes_in_a_minute_end_in_one_that_names_the_rest() -> None:
    messages = [
        Message(f"unit-{n}", 1, 1, f"督办提醒：单位{n}", "正文", (f"unit-{n}",)) for n in range(30)
    ]
    kept = within_rate(messages, "wecom", "https://example.org/overdue.html")
    assert len(kept) == MAX_PER_RUN
    assert kept[:-1] == messages[: MAX_PER_RUN - 1]
    last = kept[-1]
    assert last.units == tuple(f"unit-{n}" for n in range(MAX_PER_RUN - 1, 30))
    assert "另有 11 条提醒未逐条发送" in last.body
    assert "unit-29" in last.body and "[督办清单](https://example.org/overdue.html)" in last.body
    assert within_rate(messages[:20], "wecom", None) == messages[:20]


def test_text_from_data_can_neither_link_mention_nor_format() -> None:
    hostile = '[点我](javascript:alert(1)) <@all> <font color="warning">x</font> **粗** `c`\n# 标题'
    text = plain(hostile)
    for character in "[]()<>*`#\n@":
        assert character not in text
    assert text.startswith("［点我］（javascript:alert（1））")
    assert link("本单位", "javascript:alert(1)") == "本单位"
    assert link("本单位", "http://example.org/") == "本单位"
    assert link("本单位", "https://example.org/a b") == "本单位"
    assert link("[x]", "https://example.org/u.html") == "[［x］](https://example.org/u.html)"


def test_the_bodies_are_the_platforms_documented_json() -> None:
    assert payload("wecom", "标题", "正文") == {
        "msgtype": "markdown",
        "markdown": {"content": "**标题**\n正文"},
    }
    assert payload("dingtalk", "标题", "正文") == {
        "msgtype": "markdown",
        "markdown": {"title": "标题", "text": "#### 标题\n正文"},
    }
    card = payload("feishu", "标题", "正文")
    assert card["msg_type"] == "interactive"
    assert card["card"]["header"]["title"] == {"tag": "plain_text", "content": "标题"}
    assert card["card"]["elements"] == [
        {"tag": "div", "text": {"tag": "lark_md", "content": "正文"}}
    ]


def test_dingtalk_signature_is_hmac_sha256_of_timestamp_and_secret_url_encoded_once() -> None:
    secret, timestamp = "SEC000111", 1_700_000_000_000
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    ).decode()
    assert urllib.parse.unquote_plus(dingtalk_sign(secret, timestamp)) == expected
    assert "%25" not in dingtalk_sign(secret, timestamp)  # not encoded twice
    url = dingtalk_url("https://h/robot/send?access_token=t", secret, timestamp)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {"access_token": ["t"], "timestamp": [str(timestamp)], "sign": [expected]}
    assert dingtalk_url("https://h/robot/send?access_token=t", None, timestamp).endswith("=t")


def test_feishu_signature_is_in_the_body() -> None:
    secret, timestamp = "abc", 1_700_000_000
    key = f"{timestamp}\n{secret}".encode()
    expected = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    assert feishu_sign(secret, timestamp) == expected
    body = signed_body("feishu", "t", "b", secret, timestamp)
    assert body["timestamp"] == str(timestamp) and body["sign"] == expected
    assert "sign" not in signed_body("feishu", "t", "b", None, timestamp)
    assert "sign" not in signed_body("wecom", "t", "b", secret, timestamp)
