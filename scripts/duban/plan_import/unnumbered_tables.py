"""Tables with no 序号 column (h18l, issue 18: no file that holds tasks is refused).

Two forms the readings of :mod:`unnumbered` did not know, each rewritten as the numbered ``|``
rows :func:`unnumbered.bar_rows` reads (the numbers are the rows' order, not the document's):

1. **A table copied one cell a line under a header with no 序号** (``牵头单位`` / ``目标任务`` /
   ``责任单位`` / ``市政`` / ``府办`` / ``公厅`` / ``强化行政监督…`` / ``市直各单位``): the cells
   after the header, in order, are the rows' cells, ``width`` at a time; a unit's name the page
   broke into short pieces (``市政`` / ``府办`` / ``公厅``) is one cell.
2. **A vertical table of labels and values** (``重点工作: | 135.统筹… |`` / ``牵头单位: | X |``):
   the labels are the header and the values one row; a number the task's value starts with is
   the row's number (``135``).
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import ROLE_KINDS, cell_type, column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.header_cells import HEADER_WORD
from duban.plan_import.numbering import arabic, separator
from duban.plan_import.unnumbered import bar_rows

HEADER_MAX = 16
"""A header cell is a few words."""
PIECE_MAX = 3
"""A piece of a unit's name broken over lines (市政 / 府办 / 公厅) is this short at most."""
PIECES = 4


def unnumbered_rows_reading(count: int) -> str:
    return say(
        f"a table with no 序号 column: {count} rows read as items in their order (the numbers"
        " are the rows' order, not the document's; the clauses are built from the cells)",
        f"没有序号列的表格：{count} 行按行序作为条目"
        "（编号为行序，原文没有；分工括注由单元格组成，不是原文）",
    )


def _bare(line: str) -> str:
    return line.strip(" \t\u3000\xa0").strip("|｜").strip(" \t\u3000\xa0")


def _header_word(word: str) -> str:
    return simplified(re.sub(r"[ \u3000]", "", word))


def header_cells(text: str) -> tuple[str, int] | None:
    """Rows of a table one cell a line under a header of words the importer knows, none of them
    序号 (see the module)."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if _bare(line)]
    for at in range(len(filled)):
        words = []
        for index in filled[at:]:
            word = _header_word(_bare(lines[index]))
            if len(word) > HEADER_MAX or not HEADER_WORD.match(word):
                break
            words.append(word)
        kinds = [column_kind(w) for w in words]
        if len(words) < 3 or "number" in kinds or "text" not in kinds:
            continue
        if not ROLE_KINDS & set(kinds):
            continue
        found = _rows(lines, filled[at + len(words) :], kinds)
        if not found:
            continue
        header_at = filled[at : at + len(words)]
        out = list(lines)
        for index in header_at[:-1]:
            out[index] = ""
        out[header_at[-1]] = " | ".join(["序号", *(_bare(lines[i]) for i in header_at)])
        for number, (row_lines, row) in enumerate(found, 1):
            out[row_lines[0]] = " | ".join([str(number), *row]) + " |"
            for index in row_lines[1:]:
                out[index] = ""
        return bar_rows("\n".join(out))
    return None


def _rows(
    lines: list[str], after: list[int], kinds: list[str]
) -> list[tuple[list[int], list[str]]]:
    """The rows of cells after a header: ``len(kinds)`` cells at a time while each row's unit
    columns hold units."""
    cells: list[tuple[list[int], str]] = []
    at = 0
    while at < len(after):
        taken = _pieces(lines, after, at)
        cells.append(
            (after[at : at + taken], "".join(_bare(lines[i]) for i in after[at : at + taken]))
        )
        at += taken
    width = len(kinds)
    rows: list[tuple[list[int], list[str]]] = []
    for start in range(0, len(cells) - width + 1, width):
        row = cells[start : start + width]
        units = [cell for (_, cell), kind in zip(row, kinds, strict=True) if kind in ROLE_KINDS]
        if not units or any(cell_type(cell) != "unit" for cell in units):
            break
        rows.append(([i for used, _ in row for i in used], [cell for _, cell in row]))
    return rows


def _pieces(lines: list[str], after: list[int], at: int) -> int:
    """How many lines from ``after[at]`` make one cell: the most short pieces that together
    are a unit's name when the first alone is none (1 otherwise)."""
    pieces = [_bare(lines[i]) for i in after[at : at + PIECES]]
    if len(pieces[0]) > PIECE_MAX or cell_type(pieces[0]) == "unit":
        return 1
    best = 1
    for count in range(2, len(pieces) + 1):
        if len(pieces[count - 1]) > PIECE_MAX:
            break
        if cell_type("".join(pieces[:count])) == "unit":
            best = count
    return best


LABELLED = re.compile(r"^[ \t\u3000]*([^|｜:：\n]{2,24})[:：][ \t\u3000]*[|｜](.*)$")
BARE_LABELLED = re.compile(
    r"^[ \t\u3000]*([^|｜:：\n]{2,24}?)[ \t\u3000]*[|｜]([^|｜\n]*[|｜]?[ \t\u3000]*)$"
)
"""h18ap: ``牵头单位 | 市城管局 |``, a label cell written without its colon (a known column word,
one value after it: a header row has three cells or more)."""


def _labelled(line: str) -> re.Match[str] | None:
    if match := LABELLED.match(line):
        return match
    bare = BARE_LABELLED.match(line)
    word = simplified(re.sub(r"[ \u3000]", "", bare.group(1))) if bare else ""
    return bare if bare and HEADER_WORD.match(word) else None


PROGRESS = re.compile(r"进展|进度情况|完成情况|存在问题|推进情况|下一步")
NUMBER_FIRST = re.compile(f"^{arabic(group=True)}{separator()}")


def label_values(text: str) -> tuple[str, int] | None:
    """A vertical table of ``label: | value |`` lines read as a header and one row (see the
    module); a line with no label after one is the value of the label above it."""
    lines = text.split("\n")
    labelled = [i for i, line in enumerate(lines) if _labelled(line)]
    if len(labelled) < 2:
        return None
    first, last = labelled[0], labelled[-1]
    labels: list[str] = []
    values: list[str] = []
    owners: list[list[int]] = []  # the lines of each label and its value
    for index in range(first, len(lines)):
        match = _labelled(lines[index])
        if match:
            labels.append(re.sub(r"[ \u3000]", "", match.group(1)))
            values.append(_bare(match.group(2)))
            owners.append([index])
        elif (
            index > last and _bare(lines[index]) and not lines[index].rstrip().endswith(("|", "｜"))
        ):
            break
        elif _bare(lines[index]):
            values[-1] = " ".join(v for v in (values[-1], _bare(lines[index])) if v)
            owners[-1].append(index)
        else:
            owners[-1].append(index)
    # a progress report's columns (进展情况、存在问题…) are no part of the task: left as written
    kept = [at for at, label in enumerate(labels) if not PROGRESS.search(simplified(label))]
    kinds = [column_kind(simplified(labels[at])) for at in kept]
    if not ROLE_KINDS & set(kinds) or "text" not in kinds:
        return None
    # the spaces a page put between a cell's sentences would end the item there (closing)
    row = [re.sub(r"(?<=[。；;！])[ \t\u3000]+", "", values[at]) for at in kept]
    number = "1"
    for at, kind in enumerate(kinds):
        found = NUMBER_FIRST.match(row[at])
        if kind == "text" and found:
            number, row[at] = found.group(1), row[at][found.end() :]
            break
    out = list(lines)
    used = [i for at in kept for i in owners[at]]
    for index in used:
        out[index] = ""
    out[used[0]] = " | ".join(["序号", *(labels[at] for at in kept)])
    out[used[1]] = " | ".join([number, *row]) + " |"
    return bar_rows("\n".join(out))
