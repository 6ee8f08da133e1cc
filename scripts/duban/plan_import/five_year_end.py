"""The end of a five-year plan period as a task's aim (issue 18, h18u): ``“十三五”末三级以上县道
比重稳步提升`` (江西 2017), ``十四五期末`` , ``到“十二五”末``: the plan period's last year (十一五
2010, 十二五 2015, 十三五 2020, 十四五 2025, 十五五 2030), read as ``到2020年`` is (SOURCES.md,
the tenth batch's rules); and the first year of the five-year plan a notice breaks down
(h18af: 分解落实《…第十一个五年规划纲要》…, 天津 2006: 2006)."""

from __future__ import annotations

import re

_ORDINAL = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}
FIVE_YEAR_END = re.compile(
    r"(?:到|至|力争)?[“\"'‘「]?十(?P<n>[一二三四五])五[”\"'’」]?\s*(?:规划)?(?:时期|期间)?(?:期末|末期|末)"
)


def five_year_end(folded: str) -> tuple[str, int] | None:
    """The one five-year plan end a simplified text names: (the phrase, its last year); None
    when it names none or several different ones."""
    found = {m.group(): _ORDINAL[m.group("n")] for m in FIVE_YEAR_END.finditer(folded)}
    years = set(found.values())
    if len(years) != 1:
        return None
    return next(iter(found)), years.pop()


_FIRST = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}
BROKEN_DOWN = re.compile(
    r"(?:第十(?P<n>[一二三四五])个五年规划|[“\"'‘「]?十(?P<m>[一二三四五])五[”\"'’」]?\s*规划)"
    r"[^\n]{0,200}?(?:分解|分工)"
)
"""《…第十一个五年规划纲要》……分解落实: the plan whose aims and tasks the notice divides up."""


def broken_down_plan_start(folded: str) -> int | None:
    """The first year of the five-year plan the opening paragraph of a simplified text says it
    breaks down (分解 / 分工 in the same paragraph), or None."""
    opening = folded.lstrip().split("\n", 1)[0]
    match = BROKEN_DOWN.search(opening)
    return _FIRST[match.group("n") or match.group("m")] if match else None
