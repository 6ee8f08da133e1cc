"""A table whose cells a converter put out of order (h18cb, SOURCES.md 第三十二批: a PDF document
site's preview, 北京大气 2021): the header's words stand together on one line (``序号 重点任务
工作措施 牵头部门 主责单位 协办单位 时限``), but the rows' cells are interleaved line by line, so
no row number opens a line and no reading finds an item. Which unit stands in which column cannot
be read from the words' order, and guessing it is no clerk's reading: the refusal says what the
text looks like and asks for the original file, whose layout the PDF reader reads by position."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

NUMBER_COLUMN = re.compile(r"序\s*号")
ROLE_COLUMN = re.compile(r"(?:牵头|主责|责任|配合|协办|参与|协同)\s*(?:单位|部门)")


def header_line(text: str) -> int | None:
    """The number (from 1) of the first line holding a task table's header, 序号 and two role
    columns or more; None when no line does."""
    for number, line in enumerate(simplified(text).split("\n"), start=1):
        if NUMBER_COLUMN.search(line) and len(ROLE_COLUMN.findall(line)) >= 2:
            return number
    return None
