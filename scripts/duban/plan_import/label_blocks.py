"""Unnumbered records of ``label：value`` lines (branch h18s, issue 18: layouts never seen).

A 督办 sheet or a task list copied from a form writes each task as a block of labelled lines and
no number: ``工作任务：推进老旧小区改造`` / ``责任单位：县住建局`` / ``完成时限：2023年12月``, then
the next block. The label of the first block's task (a word a task table's header uses, of the
text kind) starts every record; each record that names units is rewritten as one numbered item
``1.推进老旧小区改造（责任单位：县住建局；完成时限：2023年12月）`` (the number is the record's
order, not the document's; the clause is built from the record's other lines).

A newspaper's list of a city's 实事 writes the task as a plain line and its labelled lines below
it (h18af, 郑州 2012): ``市区新增优质中小学招生学位2.36万个。`` / ``主管領導:劉東`` /
``責任單位:市教育局`` / ``主要責任人:毛杰`` / ``進度安排:6月底前……``; each such record (a line with
no label and no number, then two or more labelled lines, one naming units) is rewritten the
same way, the task's line first.
"""

from __future__ import annotations

import itertools
import re

from duban.i18n.messages import say
from duban.plan_import.cell_rows import ROLE_KINDS, column_kind
from duban.plan_import.chinese import numeral_text, simplified
from duban.plan_import.clauses import find_clause
from duban.plan_import.header_cells import HEADER_WORD
from duban.plan_import.leader_names import PINYIN_NOTE

LABEL_LINE = re.compile(
    r"^[ \t\u3000]*(?P<label>[^:：\n|｜，,。]{2,10}?)[ \t\u3000]*[:：][ \t\u3000]*(?P<value>\S.*)$"
)


def _kind(line: str) -> tuple[str, str, str] | None:
    """(the label's word, its column kind, the value) of a labelled line, or None."""
    match = LABEL_LINE.match(
        PINYIN_NOTE.sub("", line)
    )  # h18af: 主管領(lǐng)導(dǎo):, a converter's pinyin
    if match is None:
        return None
    word = simplified(PINYIN_NOTE.sub("", re.sub(r"[ \u3000]", "", match.group("label"))))
    if not HEADER_WORD.match(word):
        return None
    return word, column_kind(word), match.group("value").strip()


def label_blocks(text: str) -> tuple[str, int] | None:
    """The records rewritten as numbered items (see the module), or None."""
    lines = text.split("\n")
    kinds = {i: k for i, line in enumerate(lines) if (k := _kind(line))}
    first = next((k[0] for k in kinds.values() if k[1] == "text"), None)
    starts = [i for i, k in kinds.items() if k[0] == first]
    if first is None or len(starts) < 2 or all(_numbered_above(lines, at) for at in starts):
        return None
    out, count = list(lines), 0
    for number, start in enumerate(starts, 1):
        stop = next((s for s in starts if s > start), len(lines))
        record = [start]
        for index in range(start + 1, stop):
            if index in kinds:
                record.append(index)
            elif lines[index].strip(" \t\u3000\xa0"):
                break
        if not ROLE_KINDS & {kinds[i][1] for i in record}:
            return None
        clause = "；".join(f"{kinds[i][0]}：{kinds[i][2]}" for i in record[1:])
        out[start] = f"{number}.{kinds[start][2]}（{clause}）"
        for index in record[1:]:
            out[index] = ""
        count += 1
    return "\n".join(out), count


def _numbered_above(lines: list[str], at: int) -> bool:
    """h18br: whether the record stands under a line the document numbers, other labelled lines
    (资金来源:…) between: ``(一)…项目。`` / ``资金来源:…`` / ``目标任务:…`` / ``牵头单位:…`` is a
    numbered project's record, read by the numbering (its points in the target line kept)."""
    above = at - 1
    while above >= 0 and LABEL_LINE.match(PINYIN_NOTE.sub("", lines[above])):
        above -= 1
    return above >= 0 and NUMBERED.match(lines[above]) is not None


def label_blocks_reading(count: int) -> str:
    return say(
        f"{count} unnumbered records of labelled lines (工作任务：… / 责任单位：…) read as items in"
        " their order (the numbers are the records' order; the clauses are built from the lines)",
        f"{count} 组没有编号的“标签：内容”记录（工作任务：…／责任单位：…）按顺序作为条目"
        "（编号为顺序，原文没有；分工括注由各行组成）",
    )


NUMBERED = re.compile(
    r"^\s*(?:\d+\s*[.．、,，]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|[①-⑳])"
)
"""A line the document numbers itself: the numbering's own reading reads it."""


def task_then_labels(text: str) -> tuple[str, int] | None:
    """The records of a plain task line and the labelled lines below it, rewritten as numbered
    items (see the module), or None when there are fewer than two."""
    lines = text.split("\n")
    labelled = {i for i, line in enumerate(lines) if LABEL_LINE.match(PINYIN_NOTE.sub("", line))}
    out, count, index = list(lines), 0, 0
    while index < len(lines):
        line = lines[index]
        block = list(itertools.takewhile(labelled.__contains__, range(index + 1, len(lines))))
        kinds = [k for i in block if (k := _kind(lines[i]))]
        if index in labelled or not line.strip() or NUMBERED.match(line) or len(block) < 2:
            index += 1
            continue
        if not ROLE_KINDS & {k[1] for k in kinds}:
            index += 1
            continue
        clause = "；".join(lines[i].strip() for i in block)  # as written, pinyin and all
        count += 1
        out[index] = f"{count}.{line.strip()}（{clause}）"
        for i in block:
            out[i] = ""
        index = block[-1] + 1
    return ("\n".join(out), count) if count >= 2 else None


def task_then_labels_reading(count: int) -> str:
    return say(
        f"{count} unnumbered tasks, each a line with its labelled lines below it (主管领导：… /"
        " 责任单位：…), read as items in their order (the numbers are the records' order)",
        f"{count} 项没有编号的任务（每项一行，其下各行为“主管领导：…／责任单位：…”）按顺序作为条目"
        "（编号为顺序，原文没有；分工括注由各行组成）",
    )


BRACKET_LABEL = re.compile(r"^[ \t\u3000]*【\s*(?P<word>[^【】\n]{2,8}?)\s*】[ \t\u3000]*$")
"""【目标任务】 alone on a line: a label in square brackets over its text (a newspaper's 民生实事,
h18bi); not a page's 【发布日期】 2020-01-01 or 【落实情况】…, the value on the label's line."""
CHAPTER_MARK = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+[、．]", re.MULTILINE)


def bracket_records(text: str) -> tuple[str, int] | None:
    """h18bi (SOURCES.md 第二十三批, a city's 民生实事 in a newspaper): a task written as a record
    of labels in square brackets and no number, ``【目标任务】`` / its aim / ``【推进措施】`` /
    ``1.…`` ``2.…`` / ``责任单位:…``. Each record (from its first label of the text kind, a word a
    task table's header uses, to the next line with that label) is numbered 一、 in its order, so
    that its measures (1. 2.) are its sub-items and the units after them its own (group_clauses);
    None when the document numbers its own chapters or no such label opens a line."""
    if CHAPTER_MARK.search(text):
        return None
    lines = text.split("\n")
    labels = {i: m["word"] for i, line in enumerate(lines) if (m := BRACKET_LABEL.match(line))}
    first = next(
        (w for w in labels.values() if HEADER_WORD.match(w) and column_kind(w) == "text"), None
    )
    starts = [i for i, word in labels.items() if word == first]
    if first is None or find_clause(text) is None:  # no units named: no task of this form
        return None
    out = list(lines)
    for number, start in enumerate(starts, 1):
        out[start] = f"{numeral_text(number)}、{lines[start]}"
    return "\n".join(out), len(starts)


def bracket_records_reading(count: int) -> str:
    return say(
        f"{count} unnumbered records headed by labels in square brackets (【目标任务】), each read"
        " as one item in their order, its numbered measures as its sub-items",
        f"{count} 组没有编号、以方头括号标签开头的记录（【目标任务】…）按顺序各作为一个条目"
        "（编号为顺序，原文没有），其下编号的措施为子项",
    )
