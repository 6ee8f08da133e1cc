"""Small pieces of the reading of items (moved out of :mod:`task_reading`, which is at its size
limit, branches h18i and h18af): an item's first sentence, the items of a tree in order, the
leads a section's heading gives each of its items that name their own units, the bare headings
between a task and its assigned items, and a clause after a list of sub-items given to them all."""

from __future__ import annotations

import re
from collections.abc import Iterator

from duban.plan_import.clauses import Clause, find_clause
from duban.plan_import.group_clauses import label_holds_parts
from duban.plan_import.role_sentences import lead_once
from duban.plan_import.segment import Node


def first_sentence(text: str) -> str:
    first = re.split(r"[。；;！？\n]", text, maxsplit=1)[0].strip()
    if len(first) > 60:
        first = re.split(r"[，,：:]", first, maxsplit=1)[0][:60]
    return first.rstrip("，,、 ")  # h18ak: 推行…辦結，責任單位：X: the clause's comma no part


def chain(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from chain(node.children)


def heading_leads(own: dict[str, list[str]], heading: dict[str, list[str]]) -> dict[str, list[str]]:
    """h18i: 一、整治提升村容村貌(A、B、C牵头) over 1.…(责任单位:X): the heading's leads lead
    every item of the section, the item's own units keep their roles (a unit already leading is
    not listed again: :func:`lead_once`). 金乡 2020, 苍南 2023 (由X牵头实施)."""
    leads = heading.get("lead") or []
    if not leads:
        return own
    out = {"lead": list(dict.fromkeys([*leads, *(own.get("lead") or [])]))}
    out.update({role: list(names) for role, names in own.items() if role != "lead"})
    lead_once(out)
    return out


def without_bare_headings(children: list[dict]) -> list[dict]:
    """h18af: 1.城乡居民增收工程 / (1)增加城镇居民收入 / ①……(牵头部门:X;责任单位:Y): a sub-item
    with no units or deadline of its own over sub-items that name theirs is only their heading;
    its sub-items take its place (楚雄 2021, SOURCES.md 第十二批: the middle (1) is not kept),
    unless their numbers would then repeat (①② under (1) and again under (2))."""
    out: list[dict] = []
    for child in children:
        below = child.get("items") or []
        bare = not child.get("roles") and not child.get("due")
        out.extend(below if bare and any(c.get("roles") for c in below) else [child])
    ids = [c["id"] for c in out]
    return out if len(ids) == len(set(ids)) else children


def move_trailing_clauses(text: str, node: Node, each_own: bool = False) -> None:
    """A clause on its own line after a list of sub-items applies to all of them, unless the
    plan writes such a line after each sub-item of another task (``each_own``, see
    :func:`own_line_clauses`): then the line belongs to the sub-item just above it."""
    record = label_holds_parts(text, node)  # h18ak: 工作任务: ⒈ ⑴…: the record's labels first
    for child in [] if record else node.children:
        move_trailing_clauses(text, child, each_own)
    if record or not (each_own or len(node.children) < 2):  # h18af: one sub-item's is its own
        _move_up(text, node)
    for child in node.children if record else []:
        move_trailing_clauses(text, child, each_own)


def _move_up(text: str, node: Node) -> None:
    """The clause after the node's last sub-item (at any depth) made the node's own."""
    last = node.children[-1]
    tail_node = last
    while tail_node.children:
        tail_node = tail_node.children[-1]
    span = text[tail_node.content : tail_node.end]
    clause = _closing_clause(span)
    if clause is None:
        return
    before = span[: clause.start]
    if len(node.children) > 1 and all(
        find_clause(text[c.content : c.end]) for c in node.children[:-1]
    ):
        return  # h18f: (1)…责任部门:… (2)…责任部门:…: each sub-item has its own, the last too
    if last.inline and re.search(r"[。；;]\s*$", before):  # ：1.…；2.…。（牵头单位：…）
        before += "\n"
    if re.search(r"[。；;！]\s*\n\s*$|\n\s*$", before) or re.search(r"[。；;]\s+$", before):
        cut = tail_node.content + clause.start
        for descendant in chain([last]):
            if descendant.end > cut:
                descendant.end = cut


def own_line_clauses(text: str, tasks: list[Node]) -> bool:
    """h18ah: whether some task of the plan ends each of its sub-items (two or more) with a clause
    on a line of its own (山西 2008: ``1.…`` / ``协同单位:…`` / ``2.…`` / ``协同单位:…``; SOURCES.md
    第八批: the line belongs to the item or sub-item just above it). In such a plan a line after
    another task's last sub-item is that sub-item's, not the whole task's."""
    return any(
        len(task.children) >= 2 and all(_ends_with_own_line(text, c) for c in task.children)
        for task in tasks
    )


def _ends_with_own_line(text: str, node: Node) -> bool:
    span = text[node.content : node.end]
    clause = _closing_clause(span)
    return clause is not None and bool(re.search(r"\n[ \t\u3000]*$", span[: clause.start]))


def _closing_clause(span: str) -> Clause | None:
    """The clause a span ends with (nothing but stops and spaces after it), or None."""
    clause = find_clause(span)
    if clause is None or span[clause.end :].strip(" \t\u3000\n。；;"):
        return None
    return clause
