"""Headings inside a section: （一）调整优化存量 over numbered items that each carry their own
assignment clause (the items are the tasks), and a section title naming the leader of its tasks
(一、叶枝利区长牵头重点工作)."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, find_clause, parse_clause
from duban.plan_import.place_groups import place_heading
from duban.plan_import.segment import Node, field_text
from duban.plan_import.unit_brackets import names_only
from duban.plan_import.unit_names import HEADING_END

HEADING_LEADER = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<post>(?:常务)?副?(?:省长|市长|州长|区长|县长|旗长)"
    r"|(?:省|市|州|区|县)(?:政府|委)[\u4e00-\u9fff]{0,4}(?:党组成员|秘书长))(?:同志)?"
    r"(?:牵头|主抓|分管|负责)(?:的)?(?:重点)?(?:工作|事项)"
    r"(?:[（(]共?[0-9一二三四五六七八九十]+项[)）])?$"  # h18p: 负责事项(共9项) (六安 2022)
)


def heading_leader(title: str) -> dict[str, str] | None:
    """一、叶枝利区长牵头重点工作: the leader (name, post, text) a section's title names."""
    match = HEADING_LEADER.match(simplified(title.strip()))  # h18p: 王浩省長牽頭重點工作
    if not match:
        return None
    written = title.strip()  # simplified keeps the length: the name and post as written
    name, post = (written[match.start(g) : match.end(g)] for g in ("name", "post"))
    return {"name": name, "post": post, "text": written}


def is_subheading(text: str, node: Node, deeper: bool = False) -> bool:
    """（一）调整优化存量 over 1.…牵头单位：… 2.…牵头单位：…: a short heading line whose
    numbered items each carry their own assignment clause: the items are the tasks. With
    ``deeper`` (h18f, the reading that takes the deeper level as the tasks): any item with no
    assignment of its own over items that each carry one, whatever its length."""
    own = field_text(text[node.content : node.children[0].start if node.children else node.end])
    if place_heading(text, node):  # h18y: (一)余江区 over its inspection points
        return True
    if deeper and node.children and own and find_clause(own) is None:
        children = node.children
        # each item below carries its own (not only its sub-items': 1. over （1）（2）)
        if not any(c.inline for c in children) and all(
            find_clause(text[c.content : c.children[0].start if c.children else c.end])
            for c in children
        ):
            return True
    # h18p: a （一） heading may end with its full stop when its items number on from before it
    # (（一）全力以赴拼经济稳增长促发展。 over 10., 丽水 2023): items numbered 1. 2. under it may
    # be its steps, and a 3、 item over （1）… with its own full stop stays a task with sub-items
    if own_heading_clause(own) is not None:  # h18r: （一）X牵头的工作 over 1. 2.: one task
        return False
    on = node.style == "pcn" and bool(node.children) and node.children[0].number > 1
    ending = own.rstrip("。") if on else own
    if not node.children or not own or len(own) > 30 or re.search(r"[。；;：:]", ending):
        return False
    return all(find_clause(text[c.content : c.end]) for c in node.children)


def deeper_level(text: str, section: Node) -> bool:
    """h18f, the reading that takes the deeper level as the tasks: every item of the section
    (one level below its heading) is a heading with no assignment of its own over items that
    each carry one. A level read deeper is read so whole (（一）… over 1. 2. next to （二）… with
    its own clause, or next to （二） whose 1. has none, stays a task with sub-items)."""
    items = section.children
    return bool(items) and all(is_subheading(text, item, deeper=True) for item in items)


def task_nodes(text: str, section: Node, deeper: bool = False) -> tuple[list[Node], bool]:
    """The section's items, each subheading followed by its items (which are the tasks); and
    whether those were numbered on in the section because each subheading's start at 1
    (（一）1. 2.（二）1. 2.: the numeral keeps what is written)."""
    out: list[Node] = []
    for child in section.children:
        out.append(child)
        if is_subheading(text, child, deeper):
            out.extend(child.children)
    if len(out) == len(section.children):
        return out, False
    tasks = [n for n in out if n not in section.children or not is_subheading(text, n, deeper)]
    numbers = [n.number for n in tasks]
    if numbers == sorted(set(numbers)):
        return out, False
    for number, node in enumerate(tasks, start=1):
        node.number = number
    return out, True


UNIT_TITLE_TAIL = re.compile(
    r"(?:牵头|负责|承担)?(?:的)?(?:年度|全年)?(?:重点|主要)?"
    r"(?:工作|任务|工作任务|事项|目标|责任目标|目标任务|工作目标)?"
    r"(?:[（(]\s*共?\s*\d{1,3}\s*项\s*[)）])?[：:。]?$"
)


TRAILING_SCORE = re.compile(r"[；;]\s*[0-9]+(?:\.[0-9]+)?\s*分?\s*$")
"""The score a rubric's chapter row ends with when the row is written as a line (table_lines)."""


def heading_clause(span: str) -> Clause | None:
    """The assignment a section's heading makes for the items below it: a clause in the heading
    or on a line under it (一、…（牵头单位：县发改局）), or (h18c) a heading that is only a unit's
    name (一、县发展和改革局（5项）, as a 责任分解 grouped by unit writes it): that unit is
    responsible; with 牵头 it leads."""
    span = TRAILING_SCORE.sub(
        "", span
    )  # h18bi: 一、通用考核项目（全部责任单位）；40 (a rubric's row)
    clause = find_clause(span)
    if clause is not None:
        return clause
    title, _, under = span.strip().partition("\n")
    if re.search(r"[。；;]", under):
        return None  # h18ai: 新时代文明实践站 / 该点位……整体良好。: a place inspected, not a unit
    title = title.strip()
    tail = UNIT_TITLE_TAIL.search(simplified(title))
    names = title[: tail.start()] if tail else title
    folded = simplified(names)
    pieces = [p for p in re.split(r"[、，,；;]", folded) if p.strip()]
    if not pieces or not names_only(folded) or not all(HEADING_END.search(p) for p in pieces):
        return None
    word = "牵头" if tail and "牵头" in tail.group() else "负责"
    return parse_clause(title, 0, len(title), names + word)


OWN_HEADING = re.compile(
    r"^(?:由)?[^\s，,。；;:：（）()]{2,60}?(?:牵头|负责)(?:的)?(?:重点)?(?:工作|任务|事项)[：:。]?$"
)
"""h18r: 省审计厅牵头的工作 / 由市发改委牵头的重点任务 / 市财政局、市税务局负责的工作."""


def own_heading_clause(span: str) -> Clause | None:
    """An item whose own first line is only the units leading it and the words 牵头的工作
    (（二）省审计厅牵头的工作 over the work itself, 山西 2008, a 工作目标责任分解 grouped by
    leader, then by lead unit): the clause that line makes (the names must all be units')."""
    first = span.strip().split("\n")[0].strip()
    if not OWN_HEADING.match(simplified(first)):
        return None
    return heading_clause(first.removeprefix("由"))
