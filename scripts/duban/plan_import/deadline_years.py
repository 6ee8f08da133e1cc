"""The years a document's deadline labels name (branch h18y; 安顺 2017, an 整改措施清单 whose
problems tell of 2015 and whose 整改时限 says 2017年9月30日前): when the plan's year must be
taken from the dates in its text, the year its own deadlines name comes before the earliest year
the text mentions (a problem's history, a baseline 比2015年)."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

LABELLED = re.compile(
    r"(?:时限|期限|完成时间|时间节点|完成节点)(?:要求)?\s*[:：]?\s*((?:19|20)\d{2})\s*"
    r"(?:年|(?=[；;）)，,。]|\s*$))",  # h18ca: 完成时限：2020） (a year alone in its cell)
    re.MULTILINE,
)


def deadline_years(text: str) -> list[int]:
    """The years written right after a deadline label, in order."""
    return [int(y) for y in LABELLED.findall(simplified(text))]


def deadline_year(text: str) -> int | None:
    """The earliest year written right after a deadline label, or None."""
    years = deadline_years(text)
    return min(years) if years else None
