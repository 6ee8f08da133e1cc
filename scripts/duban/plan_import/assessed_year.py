"""The year a rectification plan's title names is the year assessed, not the plan's (branch h18ac,
issue 18; SOURCES.md, 第十三批: 射箭乡《2017年度脱贫攻坚成效考核反馈问题整改实施方案》, published
2018-09-05).

An office writes its 整改方案 after an assessment, an inspection tour or an audit has found
problems in a year's work: ``2017年度脱贫攻坚成效考核反馈问题整改实施方案`` /
``关于2021年度审计发现问题的整改方案`` / ``2019年巡察反馈意见整改工作方案``. That year is what was
assessed; the plan is the next year's work. The title's year is left out of the plan's year and
period (the signing date, the 文号 or the page's 发布日期 names it; else the text's dates).
"""

from __future__ import annotations

import re

ASSESSED = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\s*年度?"
    r"(?=[^，,。；;\n]{0,40}?(?:考核|巡视|巡察|督察|督查|审计|检查|评估|测评|评价|暗访|核查)"
    r"[^，,。；;\n]{0,20}?(?:问题|意见)[^，,。；;\n]{0,8}?整改)"
)


def without_assessed(title: str) -> str:
    """The title without the year it says was assessed (the rest of it unchanged)."""
    return ASSESSED.sub("", title)
