"""A column's name the importer does not know, in a table flattened one cell a line
(branch h18z): a short word of Chinese characters (民生实事), or a few short words joined
by 、 及 和 与 (``工作举措及实施计划``, ``进展情况、存在问题及下一步打算``): the names a
table written as ``|`` rows may hold in one of its columns
(:func:`~duban.plan_import.text_tables.is_header` lets one pass)."""

from __future__ import annotations

import re

from duban.plan_import.numbering import arabic, separator

JOINED = re.compile(r"[、及和与]")


def column_name(word: str) -> bool:
    if re.fullmatch(r"[\u4e00-\u9fff]{2,8}", word):
        return True
    parts = JOINED.split(word)
    return (
        re.fullmatch(r"[\u4e00-\u9fff、]{4,24}", word) is not None
        and len(parts) >= 2
        and all(1 < len(part) <= 8 for part in parts)
    )


def last_column(word: str, following: str) -> bool:
    """The header's last column named by joined words (存在问题和改进措施), the first row's
    number 1 on the next line."""
    return len(JOINED.split(word)) >= 2 and re.fullmatch(r"\s*[1１]\s*", following) is not None


# h18bf: 1﹒ and １． as numbering reads them (a variant of 中山 2021 lost its rows after 2.)
FIRST_CELL_NUMBER = re.compile(
    rf"^{arabic(3, group=True)}{separator(small=True)}(?![0-9０-９])(?=\S)"
)
"""h18z: ``1.城市人居环境提升项目``: a table with no 序号 column, one cell a line, whose rows are
numbered in their first cell (the same table as ``|`` rows reads each line as a row)."""


def first_cell_number(line: str, numbered_column: bool) -> re.Match[str] | None:
    """The number of a row that starts in its first cell, in a table without a 序号 column."""
    return None if numbered_column else FIRST_CELL_NUMBER.match(line)


PERIOD_PREFIX = re.compile(
    r"^(?:(?:19|20)\d{2}年度?|\d{1,2}[-—–~至]\d{1,2}月份?)(?=[\u4e00-\u9fff]{2})"
)
"""h18an: a column named with the period it covers (``2022年度任务目标``, ``1-9月份工作完成情况``,
招远 2022): the name after the period is the column's word."""

CONTACT_COLUMN = re.compile(r"^(?:监督|联系|举报|投诉)?电话|联系人$")
"""h18an: a progress table's 监督电话 column (招远 2022): a column of the table, never a task's."""


COLUMN_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[)）]$")
"""h18bf: a column's name with what else it covers in brackets (``落实科室(部门)``,
``责任股室(单位)``, 第二十二批): the column is named by the word before them."""


def header_word(word: str) -> str:
    """A header cell's word without the period it covers or a bracketed note after it."""
    bare = PERIOD_PREFIX.sub("", word)
    return COLUMN_NOTE.sub("", bare) or bare  # a name that is all note stays as it is
