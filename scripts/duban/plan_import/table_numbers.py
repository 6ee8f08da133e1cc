"""A 任务分工表's 序号 cells in the other forms offices write them, and the group rows between its
numbered rows (branch h18ae, issue 18; 芜湖 2025, the fourteenth batch):

    序号 | 目标与任务 | 牵头责任单位 | 责任单位 |
    (7) | 单位GDP能耗和主要污染物减排完成省下达指标。 | 市发展改革委 市生态环境局 | 各县市区政府 |
    二、重点做好以下九个方面工作 | |||
    (一)加强经济运行调节,持续推动经济发展质的有效提升和量的合理较快增长。 | |||
    1 | 大力提振消费。 | ||
    (8) | 统筹衔接消费券发放与消费品以旧换新行动…… | 市商务局 | 市财政局 |

- a 序号 written in brackets, ``(8)`` ``（8）`` ``8)`` ``⑻`` ``⑧``, is the row's number as ``8`` is
  (it was read as no number, and the row numbered by its place in the table);
- a row with a number and a text but no unit or time in any cell, whose number breaks the run
  of the rows around it (7, then 1, then 8: the 序号 runs on past it), is a heading of the rows
  below it (a subgroup of the table), not a task: its words, number first, go in brackets after
  the next row's text (``统筹衔接……。（1 大力提振消费。）``), as an unnumbered group cell's do
  (group_cell_rows), so that the rows around it stay items in sequence.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import ASCII_DIGITS
from duban.plan_import.numbering import (
    CHAPTER_RUN,
    CIRCLED,
    CIRCLED_RANGE,
    CN,
    CN_RUN,
    NOT_DECIMAL,
    PARENTHESIZED,
    PARENTHESIZED_RANGE,
    STOPS,
    arabic,
    bracketed,
    separator,
)

PLAIN = re.compile(f"{arabic(wide=False)}{separator(optional=True)}")
"""A 序号 cell: 1 / 1. / 1、 (ASCII digits, as before numbering.py)."""
IN_BRACKETS = re.compile(rf"[（(]?\s*({arabic()})\s*[）)]|([{CIRCLED_RANGE}{PARENTHESIZED_RANGE}])")
"""(8) （8） 8) ⑻ ⑧: a 序号 in brackets or as one glyph."""
CHAPTER_CELL = re.compile(rf"({CN_RUN})[、．.]?")
"""A 序号 cell holding a chapter's numeral (一、): the row is the chapter's, numbered as written."""
ASSIGNED = {"lead", "responsible", "cooperate", "supervise", "assess", "main", "deadline", "leader"}
"""The columns whose cells say who does a row's task, or by when."""


def cell_number(cell: str) -> str | None:
    """The row's number a 序号 cell holds (``"8"``), or None."""
    cell = cell.strip()
    if PLAIN.fullmatch(cell):
        return cell.rstrip(STOPS)
    found = IN_BRACKETS.fullmatch(cell)
    if found is None:
        return None
    if found.group(1):
        return str(int(found.group(1).translate(ASCII_DIGITS)))
    return str(glyph_number(found.group(2)))


def glyph_number(glyph: str) -> int:
    """The number a one-glyph mark stands for: ⑧ and ⑻ are 8."""
    return (CIRCLED + PARENTHESIZED).index(glyph) % len(CIRCLED) + 1


def group_rows(rows: list[list[str]], kinds: dict[int, str], number_column: int | None) -> set[int]:
    """The indexes (in ``rows``, the header first) of the rows that head a group of rows: a
    number and a text, nothing in the columns of units and times, and a number the run of 序号
    goes past (the numbered rows before and after it follow on from each other)."""
    if number_column is None:
        return set()
    numbered: list[tuple[int, int, bool]] = []  # (row, number, assigned)
    for index, row in enumerate(rows[1:], start=1):
        cell = row[number_column] if number_column < len(row) else ""
        number = cell_number(cell)
        filled = [c for c in row if c.strip()]
        if number is None or len(filled) < 2:
            continue
        assigned = any(
            kind in ASSIGNED and column < len(row) and row[column].strip()
            for column, kind in kinds.items()
        )
        numbered.append((index, int(number), assigned))
    out = set()
    for before, (at, value, own), after in zip(numbered, numbered[1:], numbered[2:], strict=False):
        if own or not before[2] or not after[2]:
            continue
        if after[1] == before[1] + 1 and value != before[1] + 1:
            out.add(at)
    return out


def fold_group_rows(
    rows: list[list[str]], kinds: dict[int, str], number_column: int | None
) -> list[list[str]]:
    """The rows without the group rows, each group row's words in brackets after the next
    row's text (the first column of no kind)."""
    heads = group_rows(rows, kinds, number_column)
    text = next((i for i in range(len(rows[0])) if i not in kinds), None)
    if not heads or text is None:
        return rows
    out: list[list[str]] = []
    pending = ""
    for index, row in enumerate(rows):
        if index in heads:
            pending += "（" + " ".join(c.strip() for c in row if c.strip()) + "）"
            continue
        if pending and text < len(row):
            row = [*row[:text], row[text].strip() + pending, *row[text + 1 :]]
            pending = ""
        out.append(row)
    return out


# -- the same table copied one cell a line (text_tables._cells_down) -------------------------
ROW_NUMBER = re.compile(
    rf"^[（(]?{arabic(group=True)}(?:[）)]|{separator(optional=True)})(?:\s+|$)"
)
"""The number that starts a row of one cell a line: 1 / 1. / 1、 and (h18ae) (1) / （1） / 1)."""


def row_number(line: str, expected: int | None) -> re.Match[str] | None:
    """The number that starts a row of one cell a line: the next one (any, for the first row:
    an excerpt of a table may start at 24)."""
    number = ROW_NUMBER.match(line)
    if number is None:
        return None
    value = int(number.group(1).translate(ASCII_DIGITS))
    return number if expected is None or value == expected else None


SUBHEADING = re.compile(rf"^(?:{CHAPTER_RUN}|{bracketed(CN)}\S)")
"""一、… / （一）…: a heading row of the table (（一） only where a row is done)."""


GROUP = re.compile(rf"^{arabic(2, wide=False)} [^\s\d]")
"""``1 大力提振消费。``: a group heading as :func:`group_row` writes it (its number, a space)."""


def heading_line(line: str, done: bool) -> bool:
    """A heading row spanning a table of one cell a line: 一、…; （一）… too when the row
    before is done (its cells all there) or there is none (after a 一、 row)."""
    found = SUBHEADING.match(line)
    return found is not None and (done or not line.startswith(("（", "(")))


def group_row(lines: list[str], index: int, last: int | None) -> tuple[str, int] | None:
    """``1`` / ``大力提振消费。`` between rows 7 and 8 copied one cell a line: a number the 序号
    runs past, one line of text, then the next row's number: a group heading (its number and
    words as one heading line, and the index of its text line), or None."""
    if last is None or not PLAIN.fullmatch(lines[index].strip()):
        return None
    if int(lines[index].strip().rstrip(STOPS)) == last + 1:
        return None
    text = index + 1
    while text < len(lines) and not lines[text].strip():
        text += 1
    after = text + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    if after >= len(lines) or PLAIN.fullmatch(lines[text].strip()):
        return None
    number = ROW_NUMBER.match(lines[after].strip())
    if number is None or int(number.group(1).translate(ASCII_DIGITS)) != last + 1:
        return None
    return f"{lines[index].strip()} {lines[text].strip()}", text


def inner_number(line: str, last: int | None) -> re.Match[str] | None:
    """``2.一般公共预算收入…``: the next number of the entries of a text column (1 first)."""
    match = re.match(f"^{arabic(2, group=True)}{separator()}{NOT_DECIMAL}", line)  # h18x: １．
    if match is None or len(line) < match.end() + 4:
        return None
    value = int(match.group(1))
    if re.search(rf"[。；;\s]{value + 1}{separator()}", line[match.end() :]):
        return None  # h18z: 1.… 2.… on one line: one cell's steps, not rows of the column
    return match if value == (last + 1 if last is not None else 1) or value == 1 else None
