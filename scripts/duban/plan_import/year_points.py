"""h18as: the years a task's own text sets as points in time (广州 2012 民生幸福工程): 到2015年,
2014年前建成, 2013年底, 2012－2015年 (its last year) and a year that opens a clause (2012年，
将……). A text that names several such years sets one deadline at each (SOURCES.md 第二十批,
as a 目标进度 column's every time point is kept, 第五批); a span alone is its last year (遂宁
“2016—2017 年底前”). Counts of years (年均, 5年内, 三年行动) are no points in time."""

from __future__ import annotations

import re

YEAR_POINT = re.compile(
    r"\d{4}\s*年?\s*(?:－|—|–|-|~|～|至|到)\s*(?P<span>\d{4})\s*年"
    r"|(?:力争|到|至)(?P<aim>\d{4})年(?![\d月])"
    r"|(?P<end>\d{4})年(?:底|末)"
    r"|(?P<before>\d{4})年(?:前|以前|之前)"
    r"|(?:^|(?<=[。；;，,：:]))(?P<opening>\d{4})年(?=[，,])"
)
MONTH_DATED = re.compile(r"\d{4}年\s*\d{1,2}月")
"""A month written with its year (2024年6月底前): the text's dates are read as dates, not here."""


def year_points(folded: str, own: str) -> list[re.Match[str]]:
    """The year points, in order, one for each year (the first phrase naming it); ``folded`` is
    ``own`` in simplified characters."""
    seen: set[str] = set()
    points = []
    for match in YEAR_POINT.finditer(folded):
        year = next(group for group in match.groups() if group)
        if year not in seen:
            seen.add(year)
            points.append(match)
    return points


def as_written(own: str, folded: str, at: int, phrase: str) -> str:
    """``phrase``, found at ``at`` in ``folded``, as the page wrote it in ``own`` (traditional
    characters kept) when the folding kept the length, else as folded."""
    return own[at : at + len(phrase)] if len(folded) == len(own) else phrase


def _written(match: re.Match[str], folded: str, own: str) -> str:
    return as_written(own, folded, match.start(), match.group(0))


def several_years(folded: str, own: str) -> str | None:
    """The year points joined (one deadline each) when the text names two years or more and no
    month of a year; otherwise None (one year is read as before, 力争2023年 / 2023年底)."""
    if MONTH_DATED.search(folded):
        return None
    points = year_points(folded, own)
    return "，".join(_written(p, folded, own) for p in points) if len(points) > 1 else None


def lone_span(folded: str, own: str) -> str | None:
    """2012－2015年，城镇年均新增就业…: a span that is the text's only year point."""
    points = year_points(folded, own)
    if len(points) == 1 and points[0]["span"] and not MONTH_DATED.search(folded):
        return _written(points[0], folded, own)
    return None
