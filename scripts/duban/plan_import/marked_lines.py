"""The last resort for a list the numbering's reader does not read (h18ab, issue 18): a document
that visibly holds a list is never refused.

A clerk marks a list in Word or on a web page with bullets (● ■ ◆ ★ · - *), 一是/二是, 第一，/
第一项, 首先/其次/最后, Ⅰ Ⅱ / I. II., A. / a), 一), 任务1：/【任务一】, an outline's 1.1.1 or
1-1, or a bare number and a space (``1 加强…``): numbering.LIST_MARKS. Where such lines form a
list (two or more lines of one kind), each is given an item number the reader reads (``1.``,
``2.`` … before the line, its mark kept in the text), so that the importer reads them as items:
their roles from the labels found in them, the text kept whole. Offered among the readings
whose numbers the importer made up (strategy.py), and, when every reading would have the
document refused, read with every item a task (last_resort.py: an item with no assignment is
a task to complete, not a provision), the review saying so.
"""

from __future__ import annotations

import re
from collections import Counter

from duban.i18n.messages import say
from duban.plan_import.chinese import HAN
from duban.plan_import.chrome import set_aside
from duban.plan_import.group_assignments import group_items
from duban.plan_import.numbering import CHAPTER, CN, INDENT, LIST_MARKS, bracketed

MARK = re.compile(
    rf"^{INDENT}(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in LIST_MARKS) + ")",
    re.M,
)
"""A line that starts with one of the list marks (group: its kind)."""
HEADING = re.compile(rf"^{INDENT}(?:{CHAPTER}|{bracketed(CN)})")
"""A chapter's or a part's heading (一、 / （一）): the list below it starts again at 1."""
LEVEL = re.compile(r"[.．\-－—][0-9０-９]")
"""A level of an outline's number (1.1.1 has two below its first)."""
SHORTEST = 4
"""An item's text after its mark: at least this many characters (a menu's 首页 is none)."""
BULLETED = 8
"""A bulleted item's text: at least this many (a menu's 设为首页, 政务公开 are links, not items)."""
LEAST = 2
"""A list: at least this many lines marked alike."""


def _kind(match: re.Match) -> str:
    kind = match.lastgroup or ""
    if kind == "outline":  # 1.1 / 1.1.1: each depth its own kind (the deepest are the items)
        return f"outline{len(LEVEL.findall(match.group(kind)))}"
    return kind


def _items(text: str) -> list[tuple[int, re.Match]]:
    """The lines (index, mark) that start with a list mark and are no web page's furniture (a
    menu's 设为首页, 发布日期: …: chrome.py) and hold more than a few characters."""
    lines = text.split("\n")
    marks = [MARK.match(line) for line in lines]
    unmarked = [line[m.end() :] if m else line for line, m in zip(lines, marks, strict=True)]
    kept = set_aside("\n".join(unmarked))[0].split("\n")  # the furniture without its bullet
    return [
        (index, match)
        for index, match in enumerate(marks)
        if match
        and kept[index].strip()
        and len(unmarked[index].strip()) >= (BULLETED if match.lastgroup == "bullet" else SHORTEST)
        and _in_chinese(unmarked[index])
    ]


def _in_chinese(item: str) -> bool:
    """Whether an item is written in Chinese (at least :data:`SHORTEST` Chinese characters, and
    they are half its letters or more): a README's ``- pip install …`` lines are no plan's list."""
    letters = re.sub(r"[\s\W\d_]", "", item)
    chinese = len(HAN.findall(item))
    return chinese >= SHORTEST and 2 * chinese >= len(letters)


def marked_kind(text: str) -> str | None:
    """The kind of list mark most lines of ``text`` start with (None: no list of them)."""
    kinds = Counter(_kind(m) for _, m in _items(text))
    outlines = sorted(k for k in kinds if k.startswith("outline") and kinds[k] >= LEAST)
    if outlines:  # the deepest level of an outline numbered 1.1.1 holds the items
        return outlines[-1]
    listed = [(count, kind) for kind, count in kinds.items() if count >= LEAST]
    return max(listed)[1] if listed else None


def marked_lines(text: str) -> tuple[str, int] | None:
    """``text`` with each line of its list (the kind most lines are marked with) numbered 1., 2.
    … before its mark, and how many lines were; None when no list is marked so. A sentence
    after the list that assigns it (以上任务由X牵头…) is read as group_assignments reads it."""
    kind = marked_kind(text)
    if kind is None:
        return None
    count = 0
    out: list[str] = []
    number = 0
    items = dict(_items(text))
    for index, line in enumerate(text.split("\n")):
        match = items.get(index)
        if (match and _kind(match) != kind) or HEADING.match(line):
            number = 0  # a heading (1.1 over 1.1.1, 一、 over ●): its list starts at 1
        if match and _kind(match) == kind:
            count += 1
            number += 1
            body = line.lstrip(" \t\u3000")
            space = " " if re.match(r"[0-9０-９A-Za-z]", body) else ""
            line = f"{number}.{space}{body}"
        out.append(line)
    marked = "\n".join(out)
    grouped = group_items(marked)  # 以上任务由X牵头… after the list: given to its items
    return (grouped[0] if grouped else marked), count


def marked_reading(count: int) -> str:
    return say(
        f"{count} lines marked alike (bullets, 一是, 第一, 首先, Ⅰ, A., 1.1.1, a bare number …)"
        " read as a list's items, numbered by the importer in their order (their marks kept"
        " in the text)",
        f"{count} 行以同一种标记开头（项目符号、一是、第一、首先、Ⅰ、A.、1.1.1、单独的数字等），"
        "按先后读作清单的各项（编号为导入所加，原标记保留在原文中）",
    )


def every_reading() -> str:
    return say(
        "no reading found an item numbered as the reader numbers (the document would have been"
        " refused): every item of the list read as a task (the last resort; its roles and"
        " deadlines only where written in it), please check",
        "没有一种读法找到可识别的编号条目（原来会拒绝导入）：清单的每一项都读作任务（最后的办法；"
        "分工和时限只取条目中写明的），请逐项核对",
    )
