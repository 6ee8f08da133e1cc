"""A ``|`` table whose first column is a merged, numbered group cell (branch h18ac, issue 18;
江门 2 份政务公开工作任务分解表, the thirteenth batch):

    工作任务 | 具体要求 | 责任部门 |
    一、做好财政信息公开。 | 1.积极推进本中心预算、决算及相关报表公开。 | 财务科 |
    二、做好政府网站专栏信息公开。 | 2.及时更新网站频道的各类型概况信息。 | 办公室 |
    3.及时反馈网民对调查征集信息的意见。 | 各科室 | |
    4.及时更新微信公众号信息。 |

A page copies a merged cell once, on the first row it spans: the group cell (一、 （一） 第一…)
stands on its group's first row only, the rows below it lost that cell and moved left, and a row
whose unit cell was merged with the row above keeps only its item (``4.……。 |``). The rows are
told by their items' own numbers (1. 2. 3. …, running on across the groups); a numbered group
cell is a chapter of the plan (SOURCES.md, 第十三批), an unnumbered one no chapter (第十一批: its
words kept in brackets after its first item), each row an item, the cells after the item its
clause (``（责任单位：X）``; a cell that says who leads itself, ``X牵头,Y配合``, kept as
written); a row with only its item shares the clause of the row above.
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import CELL_BAR, ROLE_LABELS, TABLE_COLUMNS
from duban.plan_import.flat_header import header_kinds
from duban.plan_import.header_cells import cells
from duban.plan_import.numbering import CHAPTER_RUN, arabic, separator

GROUP = re.compile(
    rf"^\s*(?:{CHAPTER_RUN}|[（(][一二三四五六七八九十]{{1,3}}[)）]|第[一二三四五六七八九十]{{1,3}}[，,、])"
)
ITEM = re.compile(rf"^\s*{arabic(2, group=True)}\s*{separator(small=True)}\s*\S")
SAYS_ROLE = re.compile(r"牵头|牽頭|配合|负责|負責|协办|協辦")


def _header(line: str) -> list[str] | None:
    kinds = header_kinds(line)
    if kinds is None or len(kinds) < 3 or kinds[0] != "text" or kinds[1] != "text":
        return None  # a group column, then the items' column
    return kinds


def group_cell_rows(text: str) -> tuple[str, int] | None:
    """The text with such a table's group cells made chapters and its rows items (and how
    many rows), or None."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        kinds = _header(line)
        if kinds is None:
            continue
        found = _rows(lines[at + 1 :], kinds)
        if found is not None:
            rows, count, end = found
            return "\n".join([*lines[:at], *rows, *lines[at + 1 + end :]]), count
    return None


def holds(text: str) -> bool:
    return group_cell_rows(text) is not None


def _rows(lines: list[str], kinds: list[str]) -> tuple[list[str], int, int] | None:
    out: list[str] = []
    numbers: list[int] = []
    groups = short = 0
    clause = ""
    end = 0
    for end, line in enumerate(lines, start=1):
        if not line.strip():
            out.append(line)
            continue
        if not CELL_BAR.search(line.strip()) and not ITEM.match(line):
            end -= 1
            break
        parts = [p for p in cells(line) if p.strip()] if CELL_BAR.search(line.strip()) else [line]
        group = ""
        if len(parts) > 1 and not ITEM.match(parts[0]) and ITEM.match(parts[1]):
            if GROUP.match(parts[0]):
                out.append(parts[0])  # 一、…: a chapter of the plan
            else:
                group = f"（{parts[0].strip()}）"  # an unnumbered group: kept after its first item
            parts = parts[1:]
            groups += 1
        elif not parts or not ITEM.match(parts[0]):
            return None
        else:
            short += 1
        number = int(ITEM.match(parts[0]).group(1))  # type: ignore[union-attr]
        if numbers and number != numbers[-1] + 1:
            return None  # the items' numbers run on across the groups
        numbers.append(number)
        if len(parts) > len(kinds) - 1:
            return None
        texts = ""
        if len(parts) > 1:
            texts, clause = _clause(parts[1:], kinds[2:])
        elif not clause:
            return None
        out.append(parts[0].strip() + texts + group + clause)
    else:
        end = len(lines)
    if groups < 2 or not short or len(numbers) < 3:
        return None
    return out, len(numbers), end


def _clause(parts: list[str], kinds: list[str]) -> tuple[str, str]:
    """The row's other text cells (``；正在推进。``: h18bh, a 落实情况 or 备注 column's words, read
    as table_lines reads them, never dropped) and its clause of roles, leader and deadline."""
    said: list[str] = []
    labelled: list[str] = []
    texts: list[str] = []
    for part, kind in zip(parts, kinds, strict=False):
        part = part.strip()
        if not part:
            continue
        if kind in ROLE_LABELS and SAYS_ROLE.search(part):
            said.append(part)
        elif kind in ROLE_LABELS:
            labelled.append(f"{ROLE_LABELS[kind]}：{part}")
        elif kind in ("deadline", "leader"):  # h18bh: 分管领导 | 完成时限 (the leader was lost)
            labelled.append(f"{TABLE_COLUMNS[kind][1]}：{part}")
        elif kind == "text":
            texts.append(part)
    clause = "".join(f"（{c}）" for c in ["；".join(labelled), *said] if c)
    return "".join(f"；{text}" for text in texts), clause


def group_cell_reading(count: int) -> str:
    return say(
        f"{count} rows of a | table after merged, numbered group cells read as items under"
        " their groups (the clauses are built from the cells; a row with no unit cell shares"
        " the row above's)",
        f"“|”表格中合并的编号分组格之后的 {count} 行读作该组之下的条目（分工括注由单元格组成，"
        "不是原文；没有责任格的行与上一行相同）",
    )
