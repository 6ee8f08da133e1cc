"""The year a task's text says its work is done or begun (issue 18, h18u): ``2017年开工建设鄱余
高等级公路`` (江西 2017), ``……,2016年安排500亿元`` (国办 2016), ``2019年建成`` (the eighth batch's
rule, SOURCES.md): the one year the text names, right before what happens in it, is the task's
period, as ``到2020年`` is. A year of comparison (比2015年, 与2019年相比, 2018年以来) is no aim."""

from __future__ import annotations

import re

ACTION_YEAR = re.compile(
    r"(?<![比较與与自从從至到截止\d])(?P<year>(?:19|20)\d{2})年(?:内|內)?\s*"
    r"(?=(?:全面|基本|力争|力爭|计划|計劃|要|将|將|再)?"
    r"(?:开工|開工|建成|完成|启动|啟動|实施|實施|安排|实现|實現|竣工|投入|投用|新建|新增|建设|建設"
    r"|开展|開展|达到|達到|出台|推进|推進|落实|落實|改造|培训|培訓|发放|發放|下达|下達))"
)
ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def action_year(folded: str) -> tuple[str, int] | None:
    """The phrase and its year when the text names exactly one year and that year opens what
    is done in it; None otherwise."""
    years = set(ANY_YEAR.findall(folded))
    match = ACTION_YEAR.search(folded)
    if match is None or years != {match.group("year")}:
        return None
    if re.match(r"\s*(?:以来|相比|基础)", folded[match.end() :]):
        return None
    return match.group(), int(match.group("year"))
