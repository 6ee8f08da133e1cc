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

h18az: such a task with no heading line (one paragraph, no sub-items),

    鼓励创新。简化准入。（A局负责）加强培训，对接院校。（B局、C局负责）推广新技术。（B局、D委负责）

has all its brackets' units, merged in the order written, each unit once (SOURCES.md, 第十五批:
"一项任务有两个分工括注（正文一句一个）时两个括注合记（去重，按出现顺序）"); find_clause reads the
last bracket only, and the earlier ones' units were dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from duban.plan_import.bracket_spans import brackets
from duban.plan_import.clauses import Clause, find_clause, is_clause
from duban.plan_import.label_forms import unspaced
from duban.plan_import.role_sentences import bracket_inners
from duban.plan_import.segment import field_text
from duban.plan_import.unit_rows import whole_rows

CLOSED = re.compile(r"[。；;！!？?]\s*$")
"""A sentence's end just before its bracket (the bracket may wrap to the next line)."""


MEASURES = re.compile(r"(?<=[)）])\s*(?:具体|主要|工作)?(?:措施|举措)[:：]\s*")
"""h18az: （…负责）具体措施：… — the task's own bracket, then the lead-in of its measures."""


def _measure(own: str) -> int | None:
    """h18az: where the one unnumbered measure of a task starts, after the task's own bracket
    and 具体措施：, when the measure closes with a bracket of its own (a State Council plan's
    tasks list their measures 1．2．…, and one alone goes unnumbered: it is item 1)."""
    match = MEASURES.search(own)
    if match is None or find_clause(own[: match.start()]) is None:
        return None
    rest = own[match.end() :]
    found = find_clause(rest)
    if found is None or rest[found.end :].strip(" \t\u3000\n。；;"):
        return None
    return match.end() if found.as_written.startswith(("（", "(")) else None


def own_clause(own: str, units: list[str], clause: Clause | None) -> Clause | None:
    """The item's own clause beside its sentence sub-items: none under a heading sentence, the
    task's bracket before a 具体措施： measure (h18az); with no sub-items, the merged brackets."""
    if not units:
        return merged(own, clause)
    at = _measure(own)
    return find_clause(own[:at]) if at is not None else None


def outside(own: str, clause: Clause, units: list[str]) -> str:
    """The item's own text without its clause and (h18az) without the measure after 具体措施：,
    which is its sub-item's text: the task is not dated by its measure's words."""
    at = _measure(own) if units else None
    head = own[:at] if at is not None else own
    return head[: clause.start] + head[clause.end :]


def sentence_units(own: str) -> list[str]:
    """The sentences (each with its closing bracket) below the heading of an item's own text,
    when there are two or more, nothing is left after the last and the heading names no units;
    else none. The heading is a line of its own, or (h18ax) the first sentence of a paragraph
    whose sentences go on over further paragraphs. h18az: or a task's one measure after its
    bracket and 具体措施：."""
    if (at := _measure(own)) is not None:
        return [own[at:]]
    head, newline, rest = own.partition("\n")
    if not newline:
        return []
    if find_clause(head) is None:
        if rows := _unit_rows(rest):  # h18cb: a line of work, a line of its units, …
            return rows
        units = _units(rest)
        # one sentence a paragraph: paragraphs under a heading (their own reading)
        return [] if _paragraphs(units) else units
    title = TITLE_SENTENCE.match(own)
    units = _units(own[title.end() :]) if title else []
    return units if _paragraphs(units) else []


def _paragraphs(units: list[str]) -> bool:
    """Whether the sentences go on over more than one paragraph."""
    return any(unit.lstrip(" \t\u3000").startswith("\n") for unit in units[1:])


TITLE_SENTENCE = re.compile(r"^[ \t\u3000]*[^。！？!?；;\n（(〔【\[]{4,60}[。！!]")
"""（一）强化顶层设计，发挥引领作用。 — a heading written as the first sentence of its paragraph
(a 楷体 run on gov.cn pages), with no bracket in it. One paragraph of such sentences stays one
task (the fifteenth batch: its brackets are the item's); over several paragraphs each bracket
is a sub-item (SOURCES.md 第十二批; DECISIONS of the State Council batch, h18ax)."""


def _units(rest: str) -> list[str]:
    """Each sentence with the assignment bracket that closes it, when every one of ``rest`` is
    such a sentence and there are two or more; else none."""
    units, start = [], 0
    for left, right in brackets(rest):
        if is_clause(unspaced(rest[left + 1 : right - 1])) and CLOSED.search(rest[start:left]):
            units.append(rest[start:right])
            start = right
    if len(units) < 2 or rest[start:].strip(" \t\u3000\n。；;"):
        return []
    return units


def _unit_rows(rest: str) -> list[str]:
    """h18cb: rows of a table copied one cell a line under a task cell (:mod:`unit_rows`), two
    rows or more and nothing else, each row a sub-item (第十二批)."""
    rows = whole_rows(rest)
    return rows if len(rows) >= 2 and sum(map(len, rows)) == len(rest) else []


def unit_items(
    own: str, units: list[str], read: Callable[[dict, Clause, str, int], None]
) -> list[dict]:
    """The sub-items of the sentences of ``own`` (numbered 1, 2 … in order), each with its
    bracket's units (``read``: the task reader's reading of a clause into an item, given the
    sentence, whose words date it, and where it ends in ``own``: a rule said in a later
    sentence, 以下均需X落实, is not its)."""
    items, end = [], own.find(units[0]) if units else 0
    for number, unit in enumerate(units, start=1):
        end += len(unit)
        # the schema wants a label and the text has none: say so (h18ax; '' failed validate)
        item = {"id": str(number), "label": f"第{number}项（原文无标号）", "text": field_text(unit)}
        clause = find_clause(unit)
        if clause is not None:
            read(item, clause, unit, end)
        items.append(item)
    return items


def merged(own: str, clause: Clause | None) -> Clause | None:
    """The item's clause with the units of the brackets that close its earlier sentences, when
    every sentence of ``own`` closes with a bracket and ``clause`` is the last of them."""
    sentences = _units(own)
    if clause is None or len(sentences) < 2 or clause.end < len(own.rstrip(" \t\u3000\n。；;")):
        return clause
    clauses = [found for found in map(find_clause, sentences[:-1]) if found is not None]
    if not clauses or any(c.leaders or c.each_leads or c.first_leads for c in clauses):
        return clause
    roles: dict[str, list[str]] = {}
    seen: set[str] = set()
    for each in [*clauses, clause]:
        for role, names in each.roles.items():
            fresh = [name for name in names if name not in seen]
            roles.setdefault(role, []).extend(fresh)
            seen.update(fresh)
    written = "；".join(bracket_inners(c.as_written, 0, len(c.as_written)) for c in clauses)
    return replace(
        clause,
        roles={role: names for role, names in roles.items() if names},
        as_written=f"（{written}）{clause.as_written}",
        open_list=[name for c in [*clauses, clause] for name in c.open_list],
    )
