"""The deadline a task's own text names when its clause names none: 2024年6月底前, 每年3月底前…,
力争2023年 / 到2020年 / 2023年底 (that year), 年内, 每季度至少1次. Exactly one such phrase, or none
is taken; but every year-less step (10月底前…，12月底前…) is taken, each a date (h18g)."""

from __future__ import annotations

import re

from duban.plan_import.action_year import action_year
from duban.plan_import.bracket_dates import bracket_phrase
from duban.plan_import.chinese import ASCII_DIGITS, simplified
from duban.plan_import.date_forms import (
    DONE_IN_MONTH,
    FINISHED,
    masked,
    without_clock,
    without_validity,
)
from duban.plan_import.five_year_end import five_year_end
from duban.plan_import.next_year import next_year_phrases
from duban.plan_import.year_points import (
    DATED,
    MONTH_BEFORE,
    as_written,
    dated_points,
    lone_span,
    several_years,
)

RECURRING_PROSE = re.compile(
    r"每(?:半年|年|季度|月)(?:\d{1,2}月)?(?:底|末|\d{1,2}日)?前[^，,。；;]{0,40}"
)
YEARLESS = re.compile(
    rf"{MONTH_BEFORE}|(?<![\d年月])(?:年底[之以]?前|年底(?={FINISHED})"
    r"|(?:1[0-2]|0?[1-9])月[上中下]旬前?)"  # h18ak: 3月中旬完成 / 6月上旬前
    # h18br: 10月份建设计算机实训室安装完毕 (a point of a target line): the month it is done in
    rf"|(?:^|(?<=[，,；;:：\s]))(?:1[0-2]|0?[1-9])月份?"
    rf"(?={FINISHED}|[^，,。；;\n]{{0,24}}?{FINISHED}(?:[，,。；;\s]|$))"
)
"""6月底前 / 3月15日前 (or 之前, 以前) / 年底前 / 3月中旬 with no year (the plan's year): every
one the text names; h18br: 年底完成 (by the year's end) and a month at a clause's start whose
work is done in it (10月份…安装完毕, 9月份完成…: by its last day; 开工 is a start, not read)."""
YEAR_AIM = re.compile(r"(?:力争|到|至)[ \u3000]?\d{4}年(?![\d月])|\d{4}年(?:底|末)(?!前)")
"""h18br: 到 2011年 (a law site's reprint puts a space before the year, 徐州) is 到2011年."""


CITED = re.compile(r"《[^《》\n]*》")
"""h18br: 推动《…三年行动计划(2021-2023年)》落地实施 (青岛 2022): the years in a cited document's
title are that document's, not when this work is due."""


RELATIVE_SPAN = re.compile(r"(?<![0-9])[0-9]{1,2}年内|[一二两三四五六七八九十几数多]年内")
"""h18aq: 5年内 / 两年内 (广州 2012): a span counted from the work's start, not the plan year's
end (SOURCES.md 第十九批); 2023年内 is that year."""


SCORED = re.compile(r"[得扣加奖]\s*[0-9.]+\s*分|不得分|[（(]\s*[0-9.]+\s*分\s*[)）]|比例[得扣]分")
"""h18bi: an assessment rubric's criterion (得4分, 扣2分, 不得分, （5分）): a 年内 or 全年 in it is
the period assessed (年内无案例不得分, 年内至少3次), not when the work is due (第二十三批)."""


STANDING = re.compile(r"(?<=[。；;])\s*(长期坚持|持续推进|长期开展|常态化推进)\s*[。；;]?\s*$")
"""h18ab: the last sentence of a task's text that only says the work goes on."""


PROGRESS_COLUMN = re.compile(
    r"^(?!.*(?:目标|目標|时间|時間))[^：:]{0,8}(?:进展|進展|进度|進度|完成情况|完成情況|推进情况|推進情況"
    r"|完成状况|完成狀況|落实情况|落實情況|备注|備註)"  # h18an: 落实情况 (淮南 2025)
)
"""h18j: a progress table's column (进展情况, 实际完成情况, 当前进度, 备注): how far the work got by
the report's day, not when it is due (临安 2022: 计划12月底前完成 in 进展情况). The table's row
writes the cell under its column's name, and a task's deadline is not read from it."""
PROGRESS_CELL = re.compile(
    r"(?:^|[；\s])[^：:；\s]{0,8}(?:进展|进度|完成情况|推进情况|完成状况|落实情况|备注)[^：:；\s]{0,4}[：:][^；]*"
)


def prose_deadline(own: str, next_year: int | None = None) -> tuple[str, str] | None:
    """(the phrase, the phrase to parse), or None. The phrases are read in simplified text; a
    year aimed at is given as the page wrote it (力爭2023年); a progress cell's words are not read
    (h18j)."""
    folded = masked(PROGRESS_CELL, simplified(own))
    folded = without_clock(folded.translate(ASCII_DIGITS))  # h18au: 6月20日18：00前
    folded = without_validity(folded)  # h18bp: 政策延续执行至2027年底: no deadline of this work
    folded = masked(CITED, folded)  # h18br: another's years
    phrases = RECURRING_PROSE.findall(folded)  # 每年3月底前…公布上一年度…: yearly, not once
    if len(phrases) != 1 and (several := several_years(folded, own)):
        return several, several  # h18as: 2014年前建成…到2015年…: a deadline at each year
    if len(phrases) != 1:
        phrases = list(dict.fromkeys(DATED.findall(folded)))  # 2021年3月底前; h18az: one, twice
        if phrases and (points := dated_points(folded, own)):
            return points  # h18az: 2020年底前…，2021年3月底前…: a deadline at each
    if not phrases and (dated := bracket_phrase(own)):  # h18y: …改造12个(2023年6月30日)。
        return dated, dated
    if not phrases:  # 力争2023年全国重点实验室达到25家以上 / 到2020年 / 2023年底: that year
        aims = list(dict.fromkeys(YEAR_AIM.findall(folded)))
        if len(aims) == 1:
            written = as_written(own, folded, folded.find(aims[0]), aims[0])
            return written, f"{re.findall(r'[0-9]{4}', aims[0])[0]}年底"
        if not aims and (span := lone_span(folded, own)):  # h18as: 2012－2015年，… (2015)
            return span, span
        if not aims and (end := five_year_end(folded) or action_year(folded)):  # h18u
            return as_written(own, folded, folded.find(end[0]), end[0]), f"{end[1]}年底"
    if not phrases and next_year:  # h18p: 明年7月份建成…明年年底 (the signing year's next)
        ahead = next_year_phrases(folded, next_year)
        if ahead:
            return ahead
    if not phrases:  # 10月底前完成第一阶段，12月底前全面完成: each step's date (h18g)
        steps = list(dict.fromkeys(YEARLESS.findall(folded)))
        if steps:
            return "，".join(steps), "，".join(steps)
    if not phrases:
        # h18an: 年内 with the verb of its completion (…年内建成通车, 临沂 2020) is read as
        # 宏图路年内完成… is: by the year's end, a period (SOURCES.md 第五批)
        spans = masked(RELATIVE_SPAN, folded)
        if SCORED.search(spans):  # h18bi: 年内无案例不得分: the period assessed, no deadline
            spans = re.sub(r"年内|全年", "##", spans)
        # h18ax: 2019年上半年 with its year (that year's half, not the plan year's)
        phrases = re.findall(
            rf"年内{DONE_IN_MONTH}|年内|年底前|全年|(?:\d{{4}}年)?[上下]半年", spans
        )
        phrases = phrases[:1]
    if not phrases:  # h18ab: …县市场监管局负责。长期坚持。 (a sentence of its own at the end)
        phrases = STANDING.findall(folded)
    if not phrases:
        phrases = re.findall(
            r"每(?:半年|年|季度|月)[^，,。；;]{0,12}?(?:至少|不少于)\s*\d+\s*次", folded
        )
    return (phrases[0], phrases[0]) if len(phrases) == 1 else None


def part_dated(own: str) -> bool:
    """h18ak: whether a sub-item's own words date it (⑴…3月中旬完成, (5)…6月上旬前完成,
    2020年底前…): a month, a part of a month or a year, not 全年 / 年内 alone, which in a part
    of an item (实际全年需监督检查15670家) count or describe more often than they set a time."""
    found = prose_deadline(own)
    return (
        found is not None and re.search(r"[0-9]{1,2}月|[上中下]旬|[0-9]{4}年", found[0]) is not None
    )
