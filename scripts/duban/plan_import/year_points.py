"""h18as: the years a task's own text sets as points in time (广州 2012 民生幸福工程): 到2015年,
2014年前建成, 2013年底, 2012－2015年 (its last year) and a year that opens a clause (2012年，
将……). A text that names several such years sets one deadline at each (SOURCES.md 第二十批,
as a 目标进度 column's every time point is kept, 第五批); a span alone is its last year (遂宁
“2016—2017 年底前”). Counts of years (年均, 5年内, 三年行动) are no points in time."""

from __future__ import annotations

import re

BARE_YEAR_BEFORE = r"(?<!\d)((?:19|20)\d{2})(?:前|以前|之前)"
"""h18bx: 2011前完成 (东莞 2009: the page drops 年), read as 2011年前: to the year's end (a task's
year point here, a deadline cell's period in deadlines.py)."""

YEAR_POINT = re.compile(
    r"\d{4}\s*年?\s*(?:－|—|–|-|~|～|至|到)\s*(?P<span>\d{4})\s*年"
    r"|(?:力争|到|至)(?P<aim>\d{4})年(?![\d月])"
    r"|(?P<end>\d{4})年(?:底|末)"
    # h18cb: 2012年上半年前…，2012年底前… (水利部 2012): a half-year is a point of its own, the
    # period 2012-H1, beside the same year's end (SOURCES.md 第三十二批)
    r"|(?P<half>\d{4})年(?P<side>[上下])半年"
    r"|(?P<before>\d{4})年(?:前|以前|之前)"
    rf"|{BARE_YEAR_BEFORE}"  # h18bx: 2011前完成
    r"|(?:^|(?<=[。；;，,：:]))(?P<opening>\d{4})年(?=[，,]|全面|基本|实现|完成|建成"
    # h18az: 2020年要有所突破，2021年底前要基本实现: a year the work is urged to reach, staged
    # before another year in the same sentence (alone, 2017年要重点… is a plan year's focus)
    r"|要(?=[^。；;]*\d{4}年))"
)
MONTH_DATED = re.compile(r"\d{4}年\s*\d{1,2}月")
"""A month written with its year (2024年6月底前): the text's dates are read as dates, not here
(h18az: except by dated_points, when the text names two points or more)."""
DATED = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年)?(?:底|末)?[之以]?前")
"""2021年3月底前 / 2020年底前 / 2021年前: a dated phrase of a task's text (prose_deadlines reads
its deadlines with this one pattern too)."""
MONTH_BEFORE = r"(?<![\d年月])(?:1[0-2]|0?[1-9])月(?:份)?(?:底|末|(?:[12]?\d|3[01])日)?[之以]?前"
"""6月底前 / 3月15日前 (or 之前, 以前) / 6月份前: a month without its year (prose_deadlines.YEARLESS
is this and the year-less forms beside it)."""
CARRIED = re.compile(MONTH_BEFORE)
"""12月底前 with no year of its own: the year of a dated phrase before it in its sentence."""


def year_points(folded: str, own: str) -> list[re.Match[str]]:
    """The year points, in order, one for each year (the first phrase naming it); ``folded`` is
    ``own`` in simplified characters."""
    seen: set[str] = set()
    points = []
    for match in YEAR_POINT.finditer(folded):
        year = next(group for group in match.groups() if group)
        if match.group("half"):
            year += match.group("side")
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


def dated_points(folded: str, own: str) -> tuple[str, str] | None:
    """h18az: every point in time of a text that names two or more and a month with its year
    among them (2020年底前…，2021年3月底前…; 2021年6月底前…，12月底前… the second in 2021), as
    (the phrases as written, the phrases to parse); else None (one phrase is read as before)."""
    found: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.group()) for m in DATED.finditer(folded)
    ]
    for match in year_points(folded, own):
        if not any(start < match.end() and match.start() < end for start, end, _ in found):
            found.append((match.start(), match.end(), match.group()))
    for match in CARRIED.finditer(folded):
        sentence = re.split(r"[。；;]", folded[: match.start()])[-1]
        years = re.findall(r"(\d{4})年\d{1,2}月", sentence)
        if years and not any(start <= match.start() < end for start, end, _ in found):
            found.append((match.start(), match.end(), f"{years[-1]}年{match.group()}"))
    if len(found) < 2 or not MONTH_DATED.search(folded):
        return None
    found.sort()
    written = "，".join(
        as_written(own, folded, start, folded[start:end]) for start, end, _ in found
    )
    return written, "，".join(phrase for _, _, phrase in found)


def lone_span(folded: str, own: str) -> str | None:
    """2012－2015年，城镇年均新增就业…: a span that is the text's only year point (h18az: or a
    year opening a clause before its verb, 2021年全面推广…)."""
    points = year_points(folded, own)
    lone = points[0]["span"] or points[0]["opening"] if len(points) == 1 else None
    if lone and not MONTH_DATED.search(folded):
        return _written(points[0], folded, own)
    return None
