"""Sentences that each close with their own assignment, under a numbered item's heading line
(branch h18af, issue 18):

    1.主要指标的责任部门。
    常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。
    (市经委牵头)……

The numbered item names no units itself; each sentence with the bracket after it, in one
paragraph (a bracket may wrap onto the next line), is one of its sub-items, numbered in order
(SOURCES.md, 第十二批: 天津 2006, as 池州 2017's (1)(2) in a paragraph). Two brackets in one
paragraph with the heading (1.…。〔A牵头〕…。(B牵头)) stay one task: the units are the item's,
the sentences one text. One sentence a paragraph under a heading is the paragraphs' reading's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from duban.plan_import.bracket_spans import brackets
from duban.plan_import.clauses import Clause, find_clause, is_clause
from duban.plan_import.label_forms import unspaced
from duban.plan_import.segment import field_text

CLOSED = re.compile(r"[。；;！!？?]\s*$")
"""A sentence's end just before its bracket (the bracket may wrap to the next line)."""


def sentence_units(own: str) -> list[str]:
    """The sentences (each with its closing bracket) below the heading line of an item's own
    text, when there are two or more, nothing is left after the last and the heading line
    names no units; else none."""
    head, newline, rest = own.partition("\n")
    if not newline or find_clause(head) is not None:
        return []
    units, start = [], 0
    for left, right in brackets(rest):
        if is_clause(unspaced(rest[left + 1 : right - 1])) and CLOSED.search(rest[start:left]):
            units.append(rest[start:right])
            start = right
    if len(units) < 2 or rest[start:].strip(" \t\u3000\n。；;"):
        return []
    if any(unit.lstrip(" \t\u3000").startswith("\n") for unit in units[1:]):
        return []  # one sentence a paragraph: paragraphs under a heading (their own reading)
    return units


def unit_items(units: list[str], read: Callable[[dict, Clause], None]) -> list[dict]:
    """The sub-items of the sentences (numbered 1, 2 … in order), each with its bracket's units
    (``read``: the task reader's reading of a clause into an item)."""
    items = []
    for number, unit in enumerate(units, start=1):
        item = {"id": str(number), "label": "", "text": field_text(unit)}
        clause = find_clause(unit)
        if clause is not None:
            read(item, clause)
        items.append(item)
    return items
