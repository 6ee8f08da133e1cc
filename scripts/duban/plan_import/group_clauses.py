"""Numbered groups whose one assignment follows their sub-items (branch h18s, issue 18).

An 整改 list or a 督查 report names a place or a topic, lists the problems found there, then
says once who fixes them: ``1. 市科技馆`` / ``(1)院内电动车未按指定区域停放;`` / ``(2)…`` /
``问题整改责任单位:市科技馆 整改时限:3天``. The numbered groups are the tasks (the unit is
charged with the whole group) and the problems their sub-items; read as chapters, each problem
would be a task and only the last would carry the line. The form is told by its layout, not by
its words: every top item that has sub-items ends with a clause on a line of its own after the
last of them, no sub-item carries a clause of its own, and some group lists more than one
(under headings of one item each, the line after the item is the item's own clause).
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import find_clause
from duban.plan_import.segment import Node

PARTS_LABEL = re.compile(
    r"(?:^|\n|[ \t\u3000。；;])[ \t\u3000]*(?:工作|主要|具体|重点)?(?:任务|内容|措施)\s*[:：]\s*$"
)
"""工作任务: with nothing after it before the first sub-item (on its line, or in a page run on
into one line, h18am 临河): the sub-items are its value."""


def label_holds_parts(text: str, node: Node) -> bool:
    """h18ak: (七)推进垃圾分类 / 工作任务: / ⒊… / ⑸… / 责任人:… / 责任单位:…: a record of
    labelled lines whose 工作任务 holds the item's parts (one or more, with parts of their own);
    the labels after them are the record's, the item's, not its last part's."""
    if not node.children:
        return False
    own = simplified(text[node.content : node.children[0].start])
    return PARTS_LABEL.search(own) is not None


def groups_own_clauses(text: str, roots: list[Node]) -> bool:
    """Whether the top items are tasks whose clause stands after their sub-items (see above),
    or (h18am) records whose clause stands before their 工作任务: label and its parts."""
    grouped = [node for node in roots if node.children]
    lone = len(roots) == 1 == len(grouped)  # h18bi: one record (【目标任务】…) and its measures
    if (len(grouped) < 2 and not lone) or len(grouped) < len(roots) - 1:
        return False
    if all(_clause_before_parts(text, node) for node in grouped):
        return True
    if all(label_holds_parts(text, node) for node in grouped):  # h18ak: 工作任务: ⒈ ⑴ …
        return all(_clause_after(text, node, nested=True) for node in grouped)
    if all(len(node.children) == 1 for node in grouped):
        return False  # one item under each heading: its clause line is the item's own
    return all(_clause_after(text, node) for node in grouped)


def _clause_after(text: str, node: Node, nested: bool = False) -> bool:
    if not nested and any(child.children for child in node.children):
        return False  # sub-items with their own items: headings over tasks, not one group's list
    last = node.children[-1]
    while nested and last.children:
        last = last.children[-1]
    span = text[last.content : node.end]
    clause = find_clause(span)
    if clause is None or span[clause.end :].strip(" \t\u3000\n。；;"):
        return False
    if not re.search(r"\n[ \t\u3000]*$", span[: clause.start]):
        return False  # the clause of the last sub-item's own sentence, not the group's
    if find_clause(span[: clause.start]) is not None:
        return False
    return not any(find_clause(text[c.content : c.end]) for c in node.children[:-1])


def _clause_before_parts(text: str, node: Node) -> bool:
    """h18am (临河, a page run on into one line): (六)… 工作职责:X牵头,… 工作任务: ⒈… ⑴…: the
    record's clause names units before its 工作任务 label, and no part names units of its own."""
    own = text[node.content : node.children[0].start]
    clause = find_clause(own)
    if clause is None or not any(clause.roles.values()) or not label_holds_parts(text, node):
        return False
    return not any(find_clause(text[c.content : c.end]) for c in node.children)
