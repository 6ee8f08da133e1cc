"""A table reprinted by a document site page by page (branch h18ai; 成都 2021 and 钟楼 2021 on
第壹文秘): each page of the .docx is one line that starts with the page's number (``1、`` ``2、``)
and runs the table's cells together with no separator, and a page break falls anywhere, inside a
unit's name too (``…市商务局,市`` / ``2、住建局、…``):

    1、贯彻落实…责任分工表序号工作内容目标任务责任单位备注1将生活垃圾分类投放…市妇联…(管委会)2完善…
    2、住建局、市城管委…(管委会)3加强家庭源危险废物…

The pages are joined back into one stream (their numbers are the site's, not the plan's: the
reading's note says how many were taken out), the stream is cut into the table's title, its
glued header (序号 and the column names) and its rows (1, 2, 3 … each where the next number
stands after the end of a cell), and the rows are read as any glued table's are
(:mod:`glued_rows`, :mod:`glued_tail_units`)."""

from __future__ import annotations

import re
from itertools import pairwise

from duban.i18n.messages import say
from duban.plan_import.glued_rows import glued_rows
from duban.plan_import.glued_rows import header_columns as task_then_units
from duban.plan_import.glued_tail_units import glued_tail_rows
from duban.plan_import.glued_tail_units import header_columns as units_last
from duban.plan_import.numbering import NUMBER_END, arabic, separator
from duban.plan_import.unnumbered import rows_reading

# h18ap: 1、 1. 1． 1﹒ １、, a space after (how a site numbers pages varies); 1、2022年 too
PAGE = re.compile(
    rf"^\s*(?P<page>{arabic(3)})[ \u3000]*{separator(small=True)}{NUMBER_END}[ \u3000]*(?=\S)"
)
LONG_PAGE = 100
"""A page of a table holds more than this many characters (every page but the last)."""
HEADER = re.compile(r"序\s*[号號]")
MEASURE = "年月日号號个個项項家人次名所条條座批类類届屆季期万萬亿億千百元吨噸亩畝米"
MEASURE += "公里%％倍天周户戶台辆輛件篇场場"
ROW_START = re.compile(
    rf"(?<=[\u4e00-\u9fff)）。;；])(?<!第)(?P<number>\d{{1,3}})(?=[\u4e00-\u9fff“《])(?![{MEASURE}])"
)
"""A row's number where a cell ends: after a character, a bracket or a stop, before the next
row's first word (never 第3, 3月, 2个, 90%)."""


def pages(lines: list[str]) -> list[int] | None:
    """The lines that are the site's pages (numbered 1、 2、 … in order, only empty lines
    between, each but the last a long run of text), or None."""
    marked = [i for i, line in enumerate(lines) if PAGE.match(line)]
    if len(marked) < 2:
        return None
    numbers = [int(PAGE.match(lines[i]).group("page")) for i in marked]  # type: ignore[union-attr]
    if numbers != list(range(1, len(marked) + 1)):
        return None
    if any(lines[i].strip() for i in range(marked[0], marked[-1]) if i not in marked):
        return None
    if any(len(lines[i].strip()) < LONG_PAGE for i in marked[:-1]):
        return None
    return marked


def _rows(stream: str) -> list[str] | None:
    """The stream after the header cut into its rows 1, 2, 3 …, or None."""
    if not re.match(r"1(?!\d)", stream):
        return None
    rows, start, number = [], 0, 2
    for match in ROW_START.finditer(stream):
        if int(match.group("number")) != number or "。" not in stream[start : match.start()]:
            continue
        rows.append(stream[start : match.start()])
        start, number = match.start(), number + 1
    rows.append(stream[start:])
    return rows if len(rows) >= 2 else None


def _unwrapped(lines: list[str]) -> list[str]:
    """h18ap: pages cut into lines (at a fixed width, as a PDF's or a narrow page's are, and
    rejoined only in part: a line cut after 政府(管委会) seems to end a sentence): the lines
    between two pages' numbers are the first one's, and when there were such lines the last
    page's lines run on to a blank line too."""
    marked = [i for i, line in enumerate(lines) if PAGE.match(line)]
    if len(marked) < 2 or all(b == a + 1 for a, b in pairwise(marked)):
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if PAGE.match(line):
            out.append(line)
            joining = True
        elif joining and line.strip():
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
            joining = False
    return out


def page_lines(text: str) -> tuple[str, int] | None:
    """The text with the pages joined and cut into title, header and rows (and how many pages
    there were), or None when the text is no such reprint."""
    lines = _unwrapped(text.split("\n"))
    marked = pages(lines)
    if marked is None:
        return None
    stream = "".join(PAGE.sub("", lines[i].strip(), count=1) for i in marked)
    for header in HEADER.finditer(stream):
        first = re.search(r"(?<=[\u4e00-\u9fff])1(?=[\u4e00-\u9fff“《])", stream[header.start() :])
        if first is None:
            continue
        words = stream[header.start() : header.start() + first.start()]
        if units_last(words) is None and task_then_units(words) is None:
            continue
        rows = _rows(stream[header.start() + len(words) :])
        if rows is None:
            continue
        title = [stream[: header.start()]] if stream[: header.start()].strip() else []
        table = [*title, words, *rows]
        out = [*lines[: marked[0]], *table, *lines[marked[-1] + 1 :]]
        return "\n".join(out), len(marked)
    return None


def wenku_rows(text: str) -> tuple[str, int] | None:
    """The rows of a glued table reprinted page by page made items (and how many), or None."""
    joined = page_lines(text)
    if joined is None:
        return None
    read = glued_tail_rows(joined[0]) or glued_rows(joined[0])
    return (read[0], read[1]) if read else None


def wenku_reading(count: int) -> str:
    """The reading's note: the rows, and the site's page numbers taken out."""
    return rows_reading(count) + say(
        "; the document site's page numbers (1、 2、 … at the start of each page) taken out and"
        " the pages joined",
        "；文库网站每页开头的页码（1、2、……）已去掉，各页接排",
    )
