"""Deadline phrases counted from an event or spread over a few days → ``after`` and ``window``.

自（本方案）印发之日起30日内 / 印发后3个月内 / 自印发之日起10个工作日内 are counted from the plan's
own dates: 印发/发布/下发 from ``published`` (plan.yaml; until it is written the occurrence waits,
never overdue), 成文/签发 from ``signed``. An event the text names but the data cannot date
(收到通知后15个工作日内) is left unread: the reviewer writes it (another deadline's id). 12月4日前后
is a window of three days either side. Each reading a clerk should check is an assumption.
"""

from __future__ import annotations

import datetime as dt
import re

from duban.plan_import.chinese import numeral_value

N = r"[0-9]+|[一二三四五六七八九十两]+"
EVENTS = {
    "印发": "published",
    "发布": "published",
    "下发": "published",
    "成文": "signed",
    "签发": "signed",
}
AFTER = re.compile(
    r"(?:自|从)?(?:本方案|本通知|本意见|本文件|方案|通知)?(印发|发布|下发|成文|签发)"
    rf"(?:之日|后|以后|起)*(?:起)?\s*({N})\s*(?:个)?(工作日|日|天|月)(?:内|之内|以内)"
)
AROUND = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前后|左右)")
AROUND_DAYS = 3


def event_due(folded: str, part: str, default_year: int, assumptions: list[str]) -> dict | None:
    """The ``after`` or ``window`` item of one deadline part (simplified text), or None."""
    match = AFTER.search(folded)
    if match:
        return _after(match, part, assumptions)
    match = AROUND.search(folded)
    if match:
        return _window(match, part, default_year, assumptions)
    return None


def _after(match: re.Match[str], part: str, assumptions: list[str]) -> dict | None:
    event, count, unit = (
        EVENTS[match.group(1)],
        numeral_value(match.group(2).replace("两", "二")),
        match.group(3),
    )
    if not count:
        return None
    after: dict = {"event": event}
    if unit == "月":
        after["months"] = count
    else:
        after["days"] = count
        if unit == "工作日":
            after["working_days"] = True
    if event == "published":
        assumptions.append(
            f"“{part}”从印发日期起算：在 plan.yaml 写上 published（印发日期）后才有到期日"
        )
    return {"kind": "after", "after": after, "as_written": part}


def _window(
    match: re.Match[str], part: str, default_year: int, assumptions: list[str]
) -> dict | None:
    year = int(match.group(1)) if match.group(1) else default_year
    try:
        day = dt.date(year, int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    if not match.group(1):
        assumptions.append(f"“{part}”未写年份，按{default_year}年理解")
    assumptions.append(f"“{part}”读作{day.month}月{day.day}日前后各{AROUND_DAYS}天")
    return {"kind": "window", "around": {"date": day, "days": AROUND_DAYS}, "as_written": part}
