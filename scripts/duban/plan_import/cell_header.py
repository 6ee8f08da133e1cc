"""The header of a table copied one cell a line (h18ca: out of text_tables, which had grown
long): 序号 / 工作任务 / 牵头单位 / 完成时限, one word a line, blank lines between them too; a
column's name split over two lines (完成 / 时限, 总投资 / (万元), 市政府 / 分管领导) read as
one; the sub-columns a spanning cell is divided into (一季度 / 二季度 / 三季度 / 四季度 under
工作绩效目标), read as part of that cell."""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import cell_type, column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.column_names import CONTACT_COLUMN, column_name, header_word, last_column
from duban.plan_import.header_cells import HEADER_WORD, ROLE_OR_TIME
from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.table_end import bare, next_filled


def header_down(lines: list[str], index: int) -> tuple[list[str], int]:
    """序号 / 工作任务 / 牵头单位 / 完成时限, one a line (blank lines between them too, as a web
    page's cells are copied)."""
    header: list[str] = []
    at = after = index
    while at < len(lines):
        word = PINYIN_NOTE.sub("", bare(lines[at]))  # 序號(hào): a converter's pinyin (h18a)
        if not word and header:
            at += 1
            continue
        if header and _split_word(lines, at, word):  # h18j: 總投資 / (萬元), 2023年 / 目標進度
            ahead = next_filled(lines, at + 1)
            if UNIT_NOTE.match(word):
                header[-1] += word
                at = after = at + 1
            else:
                header.append(word + PINYIN_NOTE.sub("", bare(lines[ahead])))
                at = after = ahead + 1
            continue
        if header and (past := _sub_columns(lines, at, header)) is not None:
            at = after = past  # h18ca: 一季度 / … / 四季度, the parts of 工作绩效目标
            continue
        known = HEADER_WORD.match(header_word(simplified(word.replace(" ", ""))))
        if not (known or CONTACT_COLUMN.fullmatch(word)) and not (  # h18ap: 2022年度…, 监督电话
            header and _unknown_column(lines, at, word)
        ):
            break
        header.append(word)
        at += 1
        after = at
    if len(header) >= 3 and any(ROLE_OR_TIME.search(simplified(w)) for w in header):
        return header, after
    return [], index


UNIT_NOTE = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}[)）]$")
"""(萬元): the unit of the column named on the line above (h18j)."""
PERIOD_PART = r"第?[一二三四1-4１-４]季度|[上下]半年"
"""A part of a year a header names (第二季度, 上半年): above a column's name, or under one."""
YEAR_WORD = re.compile(rf"^(?:(?:19|20)\d{{2}}年度?|{PERIOD_PART})$")


def _split_word(lines: list[str], at: int, word: str) -> bool:
    """h18j: a column's name a page split over two cells of one a line: the unit (萬元) under
    總投資, the period 2023年 / 第二季度 above 目標進度 / 完成情况 (a header word follows), or a
    name broken in two (责任 / 领导, 责任 / 科室: a word of two characters after it, the two make a
    header word, and the first alone is none or the two name a column of roles or time)."""
    if UNIT_NOTE.match(word):
        return True
    ahead = next_filled(lines, at + 1)
    following = PINYIN_NOTE.sub("", bare(lines[ahead])) if ahead < len(lines) else ""
    if YEAR_WORD.match(word):
        return bool(HEADER_WORD.match(simplified(following.replace(" ", ""))))
    joined = simplified((word + following).replace(" ", ""))
    alone = HEADER_WORD.match(simplified(word.replace(" ", "")))
    if _whose_leaders(word, following):
        return True
    short = re.fullmatch(r"[\u4e00-\u9fff]{2}", following) is not None
    return bool(
        re.fullmatch(r"[\u4e00-\u9fff]{2,6}", word)
        and short
        and HEADER_WORD.match(joined)
        and (not alone or column_kind(joined) != "text")
    )


def _whose_leaders(word: str, following: str) -> bool:
    """h18bk: 市政府 / 分管领导 (广州 2021, split over two lines): a unit's name alone names no
    column; before a leader column's word it says whose leaders they are (市政府分管领导)."""
    folded = simplified(following.replace(" ", ""))
    return (
        cell_type(word) == "unit"
        and column_kind(simplified(word)) == "text"  # 落实科室(部门) / 责任人: two columns
        and not HEADER_WORD.match(simplified(word.replace(" ", "")))
        and column_kind(folded) == "leader"
        and bool(HEADER_WORD.match(folded))
    )


def _unknown_column(lines: list[str], at: int, word: str) -> bool:
    """h18f: a column's name the importer does not know (民生实事), between known ones: a short
    word of Chinese characters after 序号 (the header has begun), followed by a known one."""
    if not column_name(word):  # h18z: 工作举措及实施计划, 进展情况、存在问题及下一步打算
        return False
    ahead = next_filled(lines, at + 1)
    following = PINYIN_NOTE.sub("", bare(lines[ahead])) if ahead < len(lines) else ""
    if UNIT_NOTE.match(following):  # 總投資 / (萬元) / 2023年 / 目標進度 (h18j)
        return _unknown_column(lines, ahead, word)
    return (
        bool(HEADER_WORD.match(simplified(following.replace(" ", ""))))
        or bool(YEAR_WORD.match(following) and _split_word(lines, ahead, following))
        or last_column(word, following)  # h18z: 存在问题和改进措施 / 1
    )


SUB_PERIOD = re.compile(rf"^(?:{PERIOD_PART})$")
SPANNING = re.compile(r"目标|进度|安排|计划|节点")
"""The name of a column a page divides into periods (工作绩效目标, 进度安排, 时间节点)."""


def _sub_columns(lines: list[str], at: int, header: list[str]) -> int | None:
    """h18ca: a run of two or more periods (一季度 / 二季度 / 三季度 / 四季度, 上半年 / 下半年) in a
    header with a column named for targets or a schedule (渝中 2020: 工作绩效目标 over its four
    quarters, written after 完成时限, the header's second row): the second row of that column,
    no columns of their own; the line after the run, or None. A row's cells under them are the
    spanning column's (cell_rows joins several cells of one column)."""
    if not any(SPANNING.search(simplified(word)) for word in header):
        return None
    index, seen = at, 0
    while index < len(lines) and SUB_PERIOD.match(bare(lines[index]).replace(" ", "")):
        seen += 1
        index = next_filled(lines, index + 1)
    return index if seen >= 2 else None
