"""Targets, amounts and counts written in a task's text (专业法律知识培训不少于60学时, 可网办率达到
90%, 压缩至1个工作日内) that the import did not turn into data: listed in the review, never
dropped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from duban.plan_import.chinese import simplified

UNITS = (  # h18m: 1.5万户 / 3万人次 (a count of ten thousands), whole
    r"(?:万|亿)(?:人次|户|人|亩|平方米|吨|千瓦|套|个|辆|株|公里|元)|%|％|个百分点|个工作日|个月|个|项|人次|人|次|学时|课时|家|万元|亿元|万|亿|元|小时|天|所|件|户"
    r"|公里|千米|平方米|亩|吨|座|条|套|台|名|批|场|期|篇|份|倍"
)
FIGURE = re.compile(
    r"(?:(?:不少于|不低于|不超过|不高于|不大于|达到|至少|超过|控制在|增长|下降|提高|提升|减少|压缩至|压缩到"
    r"|压减|新增|累计|保持|稳定在|以上|以内)\s*)?"
    rf"(?<![\d.])(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:\.\d+)?\s*(?:{UNITS})(?:以上|以内|左右|以下|内)?"
)


def figures(text: str, due: list[dict]) -> Iterator[str]:
    """The figures of ``text`` that no deadline of ``due`` was read from."""
    written = " ".join(
        simplified(str(d.get(key, ""))) for d in due for key in ("as_written", "trigger")
    )
    amounts = {str(d.get(k)) for d in due for k in ("amount", "times") if d.get(k) is not None}
    for match in FIGURE.finditer(simplified(text)):
        figure = match.group(0).strip()
        number = re.search(r"\d+(?:\.\d+)?", figure.replace(",", ""))
        if figure in written or (number and number.group(0) in amounts and "次" in figure):
            continue
        if number and number.group(0) in amounts and figure.endswith(("学时", "课时", "小时")):
            continue
        yield text[match.start() : match.end()].strip()


def all_due(item: dict) -> list[dict]:
    found = list(item.get("due", []))
    for child in item.get("items", []):
        found += all_due(child)
    return found
