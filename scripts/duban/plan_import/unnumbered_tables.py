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
from dataclasses import dataclass, field

from duban.i18n.messages import say
from duban.plan_import.category_cells import work_column
from duban.plan_import.cell_header import header_down
from duban.plan_import.cell_rows import ROLE_KINDS, aligned_row, cell_type, column_kind
from duban.plan_import.chinese import signing_date, simplified
from duban.plan_import.chrome import CHROME_LINE
from duban.plan_import.header_cells import HEADER_WORD
from duban.plan_import.kind_rows import KindRows, rows_by_kinds
from duban.plan_import.numbering import CHAPTER_RUN, arabic, separator
from duban.plan_import.shared_cells import share_merged
from duban.plan_import.table_end import header_again
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


@dataclass
class HeaderRows:
    """What :func:`header_cells` read: its rows, the rows that share a merged cell, and the
    lines whose rows two readings split otherwise (left as written)."""

    count: int
    shared: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def header_rows_reading(read: HeaderRows) -> str:
    """The review's note on :func:`header_cells`'s reading (what it read, shared, left)."""
    notes = [unnumbered_rows_reading(read.count)]
    if read.shared:
        notes.append(
            say(
                f"rows {'、'.join(read.shared)} show no unit, deadline or leader cell: they share"
                " the merged cell above them",
                f"第 {'、'.join(read.shared)} 行没有单位、时限或领导格：按合并单元格取上一行的",
            )
        )
    if read.unplaced:
        lines = " / ".join(read.unplaced)
        notes.append(
            say(
                f"{len(read.unplaced)} lines of the table could not be placed (no row numbers,"
                " merged or empty cells: they may be rows split another way, or the text after"
                f" the table); kept as written, not read as items, please check: {lines}",
                f"表格中 {len(read.unplaced)} 行分不清属于哪一行（没有行号，又有合并或空着的格："
                f"可能是另一种分法的行，也可能是表格之后的正文），未作为条目读取、按原文保留，请核对：{lines}",
            )
        )
    return "；".join(notes)


def header_cells(text: str) -> tuple[str, HeaderRows] | None:
    """Rows of a table one cell a line under a header of words the importer knows, none of them
    序号 (see the module): the rows told by their cells' kinds (:mod:`kind_rows`)."""
    lines = text.split("\n")
    signed = _signature(lines)
    for at, line in enumerate(lines):
        if not _bare(line):
            continue
        header, after = header_down(lines, at)
        words = [_header_word(w) for w in header]
        kinds = [column_kind(w) for w in words]
        if len(words) < 3 or "number" in kinds or "text" not in kinds:
            continue
        if not ROLE_KINDS & set(kinds) or any(len(w) > HEADER_MAX for w in words):
            continue
        found = _cells(lines, after, header, signed)
        main = work_column(words, kinds)
        main = kinds.index("text") if main is None else main
        read = rows_by_kinds([cell for _, cell in found], kinds, main, words)
        if not read.rows:
            continue
        return _rewritten(lines, (at, after), header, found, read, kinds, main)
    return None


def _rewritten(
    lines: list[str],
    span: tuple[int, int],
    header: list[str],
    found: list[tuple[list[int], str]],
    read: KindRows,
    kinds: list[str],
    main: int,
) -> tuple[str, HeaderRows] | None:
    """The table's lines as numbered ``|`` rows (the merged cells shared, SOURCES.md 第二十二批:
    a cell left out of a table written one cell a line is a merged one)."""
    out = list(lines)
    for index in range(*span):
        out[index] = ""
    # just above the first row (bar_rows looks a few lines up for it)
    out[found[read.rows[0][0]][0][0] - 1] = " | ".join(["序号", *header])
    table = [["序号", *header]]
    for start, end in read.rows:
        cells = [cell for _, cell in found[start:end]]
        table.append(["", *aligned_row(cells, kinds, None, main)])
    numbered = set(range(1, len(table)))
    shared = share_merged(table, ["number", *kinds], numbered)
    for number, (start, end) in enumerate(read.rows, 1):
        used = [i for indices, _ in found[start:end] for i in indices]
        for index in used:
            out[index] = ""
        out[used[0]] = " | ".join([str(number), *table[number][1:]]) + " |"
    unplaced = [cell for _, cell in found[slice(*read.unplaced)]] if read.unplaced else []
    rewritten = bar_rows("\n".join(out))
    if rewritten is None:
        return None
    return rewritten[0], HeaderRows(rewritten[1], [str(at) for at in shared], unplaced)


def _signature(lines: list[str]) -> set[int]:
    """The 落款 ending the document (an issuer above a date of signing): no cells of a table."""
    filled = [i for i, line in enumerate(lines) if _bare(line)]
    if len(filled) < 2 or not signing_date(_bare(lines[filled[-1]])):
        return set()
    above = filled[-2]
    return {above, filled[-1]} if cell_type(_bare(lines[above])) == "unit" else {filled[-1]}


def _cells(
    lines: list[str], after: int, header: list[str], signed: set[int]
) -> list[tuple[list[int], str]]:
    """The cells after a header (their lines and words) up to a heading, the page's chrome or
    the 落款; the header repeated atop a page is none, a unit's name the page broke is one."""
    out: list[tuple[list[int], str]] = []
    index = after
    while index < len(lines):
        if not _bare(lines[index]):
            index += 1
            continue
        if (again := header_again(lines, index, header)) is not None:
            index = again
            continue
        if index in signed or CHROME_LINE.search(lines[index]):
            break
        if re.match(CHAPTER_RUN, _bare(lines[index])):
            break
        ahead = [i for i in range(index, min(len(lines), index + 2 * PIECES)) if _bare(lines[i])]
        taken = _pieces(lines, ahead, 0)
        out.append((ahead[:taken], "".join(_bare(lines[i]) for i in ahead[:taken])))
        index = ahead[taken - 1] + 1
    return out


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
