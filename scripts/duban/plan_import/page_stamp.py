"""A news page's time stamp on a line of its own under the title (branch h18y; 鹰潭 2023 on
澎湃号: ``2023-10-25 19:33``; 黄冈 2018: ``2018/11/27 11:14``): the date and time the page was
published, with no label. Such a line among the page's first lines is page furniture (set aside
as chrome) and its year is the page's 发布日期's (the plan's year when the text gives none)."""

from __future__ import annotations

import re

STAMP = re.compile(
    r"^\s*(?:发布于\s*)?(?P<year>(?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"\s+\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?\s*$"
)
FIRST_LINES = 12
"""The stamp stands near the title: among the page's first non-empty lines."""


def page_stamp(line: str, seen: int) -> bool:
    """Whether ``line`` (the ``seen``-th non-empty line) is such a time stamp."""
    return seen <= FIRST_LINES and STAMP.match(line) is not None


def stamp_year(line: str) -> int | None:
    match = STAMP.match(line)
    return int(match.group("year")) if match else None
