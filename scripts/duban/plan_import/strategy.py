"""Choosing how to read a document's body (h18f, issue 18: the tasks of documents the importer
was never tuned on).

A plan can be read in several ways, and which one is right depends on the document, not on a
fixed order: its numbering as the importer segments it, or with the deeper level as the tasks
(a level of headings with no assignment over items that each carry one), or with lists that
start after 1 (an excerpt, a table row that lost its first cell); the numbered rows of a table
(``|``, runs of spaces, one cell a line); a task's text followed by a line holding only the
names of the units in charge (a table copied one cell a line, whose task cells carry their own
numbers); the paragraphs that carry an assignment (only when no other reading found a task
below the document's headings); each rewrite with the numbering's readings; a plain text as
written when its tables were read as rows. Every reading is imported (on a copy of the org;
only when it can give another result), and each is scored by the evidence that it found the
tasks:

- **assigned**: the items (tasks and sub-items) whose roles name units, the main evidence: a
  plan's task is what someone is charged with (the same clauses read as tasks or as sub-items
  count the same: which level is the task's is told by the share below);
- **share**: the share of the reading's tasks that carry an assignment of their own (a reading
  that makes every paragraph a task has a low share; a heading read as a task whose sub-items
  carry the assignments lowers it too);
- **runs**: how often a task's number is the one after the previous task's (1, 2, 3 … without
  gaps, counted when the numbers are the document's own, never when the reading invented them);
- **text**: the share of the document's characters that went into the tasks' text;
- **length**: the share of tasks of plausible length (8 to 800 characters).

The best score wins; the document as numbered wins a tie. The review says which reading was
taken and why, with the runner-up when it came close.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from duban.i18n.messages import say
from duban.plan_import.box_tables import box_rows
from duban.plan_import.chrome import set_aside
from duban.plan_import.clerk_readings import CLERK_READINGS
from duban.plan_import.glued_rows import glued_rows
from duban.plan_import.group_assignments import group_items, group_reading
from duban.plan_import.head import plan_title_line
from duban.plan_import.label_blocks import (
    bracket_records,
    bracket_records_reading,
    label_blocks,
    label_blocks_reading,
    task_then_labels,
    task_then_labels_reading,
)
from duban.plan_import.label_lines import label_lines
from duban.plan_import.labelled_numbers import labelled_numbers, labelled_numbers_reading
from duban.plan_import.last_resort import last_resort
from duban.plan_import.lead_in import lead_in_items, lead_in_reading
from duban.plan_import.more_table_readings import MORE_TABLE_READINGS
from duban.plan_import.plan import Imported, import_text
from duban.plan_import.reading_notes import deeper_reading, lenient_reading, untabled_reading
from duban.plan_import.segment import Node, segment, walk
from duban.plan_import.subheadings import deeper_level
from duban.plan_import.unit_lines import unit_lines, unit_lines_reading
from duban.plan_import.units import ImportOrg
from duban.plan_import.unnumbered import (
    bar_rows,
    cell_lines,
    clause_paragraphs,
    paragraphs_reading,
    rows_reading,
    space_rows,
)
from duban.plan_import.unnumbered_tables import (
    header_cells,
    header_rows_reading,
    label_values,
    unnumbered_rows_reading,
)
from duban.plan_import.wenku_pages import wenku_reading

CLOSE = 1.0
"""A runner-up within this many points of the winner is named in the review."""
SHORTEST, LONGEST = 8, 800
"""A task's text of plausible length (characters)."""


@dataclass
class Evidence:
    tasks: int
    assigned: int
    share: float
    runs: float
    text: float
    length: float

    @property
    def score(self) -> float:
        return (
            self.assigned + 0.5 * self.share + 0.3 * self.runs + 0.2 * self.text + 0.2 * self.length
        )

    def describe(self) -> str:
        return say(
            f"{self.tasks} tasks, {self.assigned} items with an assignment, tasks with their own"
            f" {self.share:.0%}, numbers in sequence {self.runs:.0%}, {self.text:.0%} of the text"
            f" in tasks, score {self.score:.1f}",
            f"任务 {self.tasks} 项，有分工的条目 {self.assigned} 个，"
            f"本身带分工的任务 {self.share:.0%}，编号接续 {self.runs:.0%}，"
            f"任务原文占全文 {self.text:.0%}，得分 {self.score:.1f}",
        )


@dataclass
class Candidate:
    name: str
    result: Imported
    evidence: Evidence
    note: str = ""
    """What the reading did to the text, for the review (empty for the document as numbered)."""


Rewrite = Callable[[str], "tuple[str, Any] | None"]  # the text, what the reading did (a count)
TABLE_NOTES = (rows_reading, unnumbered_rows_reading, header_rows_reading)  # a table's rows

READINGS: tuple[tuple[str, str, Rewrite, Callable[[Any], str]], ...] = (
    ("bar rows", "“|”表格的行", bar_rows, rows_reading),
    ("space rows", "空格分隔的表格行", space_rows, rows_reading),
    ("cell lines", "每格一行的表格", cell_lines, rows_reading),
    ("glued rows", "各格连写的表格行", glued_rows, rows_reading),  # h18r: 西城 2020
    *MORE_TABLE_READINGS,  # h18y: 黄冈 2018, 长兴太湖
    ("unit lines", "编号条目下一行的单位", unit_lines, unit_lines_reading),
    # h18l: a list assigned in its lead-in sentence (上海 2022)
    ("lead-in", "引语写明承担单位的清单", lead_in_items, lead_in_reading),
    # h18p: 4项目标的责任单位均为X after its items (郑州 2007)
    ("group sentence", "一组条目之后的分工句", group_items, group_reading),
    # h18l: a table drawn with ┌─┬─┐ │ (a city's table, undated)
    ("box rows", "制表符画的表格", box_rows, unnumbered_rows_reading),
    ("paragraphs", "带分工的段落", clause_paragraphs, paragraphs_reading),
    # h18l: tables with no 序号 column (长沙 2012, 广州 2023)
    ("header cells", "没有序号的每格一行表格", header_cells, header_rows_reading),
    ("label values", "“标签: | 内容 |”竖排表格", label_values, unnumbered_rows_reading),
    ("label lines", "标签各占一行的竖排表格", label_lines, unnumbered_rows_reading),  # h18s
    ("labelled numbers", "问题1：式编号", labelled_numbers, labelled_numbers_reading),  # h18s
    ("label blocks", "没有编号的标签记录", label_blocks, label_blocks_reading),  # h18s
    # h18bi: 【目标任务】…【推进措施】1. 2. 责任单位:… (a newspaper's 民生实事)
    ("bracket records", "方头括号标签的记录", bracket_records, bracket_records_reading),
    *CLERK_READINGS,  # h18ab: marks the numbering's reader does not read, trailing cells
    (  # h18af: after the marks a clerk numbers by, which read such lines first
        "task then labels",
        "没有编号的任务行及其下的标签行",
        task_then_labels,
        task_then_labels_reading,
    ),
)
AS_NUMBERED = ("the numbering", "按编号")
UNTABLED = ("the text as written, its tables not read as rows", "原文照排（不按任务分工表读表格）")


NUMBERINGS: tuple[tuple[tuple[str, str], str, Callable[[], str]], ...] = (
    (("the deeper level as tasks", "下一级编号作为任务"), "deeper", deeper_reading),
    (("lists starting after 1", "不从 1 开始的编号"), "lenient", lenient_reading),
    # h18aq: 1.目标 then （一）… over 2. 3. … numbered on through the plan (广州 2012): read
    # from 2, the （一） over them are the headings
    (
        ("lists starting after 1, the deeper level as tasks", "不从 1 开始的编号＋下一级作为任务"),
        "lenient deeper",
        lambda: f"{lenient_reading()}；{deeper_reading()}",
    ),
)
"""Other readings of the document's own numbering (options of ``import_text``)."""


def _options_that_differ(text: str) -> set[str]:
    """The readings of the numbering that can give another result than the plain one: the
    lenient one when it segments the text otherwise, the deeper one when an item with no
    assignment of its own holds items that each carry one."""
    read, _ = set_aside(text)
    start = plan_title_line(read)
    plain = segment(read, start, len(read))
    out = set()
    lenient = segment(read, start, len(read), lenient=True)
    if _shape(lenient) != _shape(plain):
        out.add("lenient")
        if any(deeper_level(read, section) for section in lenient):
            out.add("lenient deeper")
    if any(deeper_level(read, section) for section in plain):  # as the Importer reads it
        out.add("deeper")
    return out


def _shape(nodes: list[Node]) -> list[tuple[int, str, int]]:
    return [(node.start, node.style, node.depth) for node in walk(nodes)]


def _headings_only(result: Imported) -> bool:
    """No task, or only the document's top headings (一、 二、 with no items) read as tasks."""
    return all(
        re.fullmatch(r"[一二三四五六七八九十]+", str(task.get("numeral", "")))
        and not task.get("items")
        for task in result.tasks
    )


def _ids(result: Imported) -> list[object]:
    """The tasks and their sub-items (ids), to tell readings that give the same apart."""

    def shape(item: dict) -> object:
        return (item["id"], [shape(child) for child in item.get("items", [])])

    return [shape(task) for task in result.tasks]


HEADING_NOTE = "分工取自所在章节的标题"
"""The note of a task whose roles are its heading's (task_reading)."""

INVENTED = {
    "paragraphs",
    "header cells",
    "label values",
    "box rows",
    "marked lines",
    "task then labels",
}
"""Readings whose numbers the importer made up (their runs say nothing)."""


def evidence(result: Imported, invented: bool) -> Evidence:
    tasks = result.tasks
    assigned = sum(1 for task in tasks if any(task.get("roles") or {}))
    # h18j: a heading's clause given to each item below it is one clause, not one per item
    # (临安 2022: a row's 1.4月底前… 2.8月底前… read as tasks under the row's clause)
    inherited = [task for task in tasks if HEADING_NOTE in task.get("note", "")]
    heads = {(task.get("section"), task.get("roles_as_written")) for task in inherited}
    clauses = sum(_clauses(task) for task in tasks) - len(inherited) + len(heads)
    steps = [
        b["number"] == a["number"] + 1
        for a, b in itertools.pairwise(tasks)
        if a.get("section") == b.get("section")
    ]
    runs = 0.0 if invented or not tasks else (sum(steps) + 1) / (len(steps) + 1)
    accounting = result.accounting
    total = accounting.total if accounting else 0
    text = (accounting.chars.get("tasks", 0) / total) if accounting and total else 0.0
    plausible = sum(1 for task in tasks if SHORTEST <= len(task.get("text", "")) <= LONGEST)
    return Evidence(
        tasks=len(tasks),
        assigned=clauses,
        share=assigned / len(tasks) if tasks else 0.0,
        runs=runs,
        text=text,
        length=plausible / len(tasks) if tasks else 0.0,
    )


def _clauses(item: dict) -> int:
    """The items (the task and its sub-items at any depth) whose own roles name units: the
    same clauses read as tasks or as sub-items count the same (which level is the task's is
    a matter of the plan's habit, not of evidence: the numbering wins ties)."""
    own = 1 if any(item.get("roles") or {}) else 0
    return own + sum(_clauses(child) for child in item.get("items", []))


def candidates(
    text: str, org: ImportOrg, plan_id: str, year: int | None, rows: int = 0, broad: bool = False
) -> list[Candidate]:
    """Every reading that gives something, the document as numbered first (on ``org`` itself;
    the others on copies, so that a reading not taken leaves no names behind). Each reading of
    the text (as it is, or rewritten as a table's rows, …) is also tried with the other
    readings of its numbering when they can give another result."""
    pristine = copy.deepcopy(org)
    numbered = import_text(text, org, plan_id, year, table_rows=rows, broad=broad)  # h18r: 序号
    out = [Candidate(say(*AS_NUMBERED), numbered, evidence(numbered, False))]
    out += _numberings(text, numbered, pristine, plan_id, year, "", "", False, False, broad)
    for english, chinese, rewrite, describe in READINGS:
        if english in INVENTED - {"marked lines"} and not all(
            _headings_only(c.result) for c in out
        ):
            continue  # numbers the document does not have: only when no reading found a task
            # below the document's headings (一、… read as tasks, their paragraphs unread)
        found = rewrite(text)
        if found is None:
            continue
        table = describe in (*TABLE_NOTES, wenku_reading)
        invented = english in INVENTED
        result = _trial(found[0], pristine, plan_id, year, table=table, broad=broad)
        if result is None:
            continue
        note = describe(found[1])
        name = say(english, chinese)
        out.append(Candidate(name, result, evidence(result, invented), note))
        out += _numberings(
            found[0], result, pristine, plan_id, year, name, note, table, invented, broad
        )
    return out


def _trial(
    text: str, pristine: ImportOrg, plan_id: str, year: int | None, **options: bool
) -> Imported | None:
    """Another reading's import, on a copy of the org; a reading the importer cannot carry
    through (a form no reading was written for) is no candidate: the plain reading, already
    imported, still stands, as it did before readings were compared."""
    try:
        return import_text(text, copy.deepcopy(pristine), plan_id, year, **options)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, AssertionError):
        return None


def _numberings(
    text: str,
    plain: Imported,
    pristine: ImportOrg,
    plan_id: str,
    year: int | None,
    name: str,
    note: str,
    table: bool,
    invented: bool,
    broad: bool = False,
) -> list[Candidate]:
    """The other readings of the numbering of a text (as it is or rewritten) that give other
    tasks than its plain reading."""
    out: list[Candidate] = []
    differ = _options_that_differ(text)
    for (english, chinese), option, describe in NUMBERINGS:
        if option not in differ:
            continue  # the same tree: no need to import it again (a long plan takes a second)
        options = dict.fromkeys(option.split(), True) | {"table": table, "broad": broad}
        result = _trial(text, pristine, plan_id, year, **options)
        if result is None:
            continue
        if _ids(result) == _ids(plain):
            continue
        both = f"{name}＋{say(english, chinese)}" if name else say(english, chinese)
        notes = "；".join(n for n in (note, describe()) if n)
        out.append(Candidate(both, result, evidence(result, invented), notes))
    return out


def choose(found: list[Candidate]) -> tuple[Candidate, str]:
    """The best candidate and the review's sentence saying which reading was taken and why
    (with the runner-up when it came close)."""
    ranked = sorted(found, key=lambda c: -c.evidence.score)  # stable: as numbered wins ties
    best = ranked[0]
    why = say(
        f"reading taken: {best.name} ({best.evidence.describe()})",
        f"采用的读法：{best.name}（{best.evidence.describe()}）",
    )
    if len(ranked) > 1 and best.evidence.score - ranked[1].evidence.score < CLOSE:
        second = ranked[1]
        why += say(
            f"; runner-up, close: {second.name} ({second.evidence.describe()}), please check",
            f"；得分相近的次选：{second.name}（{second.evidence.describe()}），请核对",
        )
    return best, why


def _unnumbered_tables(
    text: str, pristine: ImportOrg, plan_id: str, year: int | None, broad: bool
) -> list[Candidate]:
    """The readings of tables with no 序号 on the text as written (长沙 2012: the table
    reading took the header of a table whose rows it could not number)."""
    out: list[Candidate] = []
    for english, chinese, rewrite, describe in READINGS:
        found = rewrite(text) if describe in TABLE_NOTES else None
        result = found and _trial(found[0], pristine, plan_id, year, table=True, broad=broad)
        if found and result:
            name, note = say(english, chinese), describe(found[1])
            out.append(Candidate(name, result, evidence(result, True), note))
    return out


def best_reading(
    text: str,
    org: ImportOrg,
    plan_id: str,
    year: int | None,
    as_written: str | None = None,
    broad: bool = False,  # h18cc: roles read from every sentence (broad_roles)
) -> tuple[Imported, str, str]:
    """The import of the best reading, what the reading did to the text (empty for the
    document as numbered) and why it was taken. ``as_written``: the plain text before its
    tables were read as 任务分工表 rows (another reading, when the table reading changed it)."""
    pristine = copy.deepcopy(org) if as_written is not None else org
    untouched = copy.deepcopy(org)  # h18ab: for the last resort
    # h18r: a table's 序号 over its own chapter rows (序号 … 一、… 1 2 3, 辽中 2024) numbers the
    # plan; h18af: so does one under a chapter of the text (一、… 序号 … 1 2 3, 嘉兴 2022: 01 in
    # section 1) unless its 序号 starts again in another chapter (Importer._runs_through)
    header = re.search(r"序\s*[号號]", as_written or "")  # h18af: | 序号 |, 牵头单位\t序号 too
    changed = set(text.split("\n")) - set((as_written or "").split("\n"))
    rows = sum(1 for line in changed if re.match(r"\s*\d", line)) if as_written and header else 0
    found = candidates(text, org, plan_id, year, rows, broad)
    if as_written is not None:
        result = _trial(as_written, pristine, plan_id, year, broad=broad)
        if result is not None:
            evidence_ = evidence(result, False)
            name = say(*UNTABLED)
            found.append(Candidate(name, result, evidence_, untabled_reading()))
        if all(_headings_only(c.result) for c in found):  # h18l: a header with no rows read
            found += _unnumbered_tables(as_written, pristine, plan_id, year, broad)
    best, why = choose(found)
    if not best.result.plan["sections"] and (
        resort := last_resort(text, untouched, plan_id, year, broad)
    ):
        return resort[0], resort[1], say("reading taken: the last resort", "采用的读法：最后的办法")
    return best.result, best.note, why
