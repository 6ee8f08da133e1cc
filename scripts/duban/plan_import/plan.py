"""From the text of a plan to the data of a plan: sections, tasks, sub-items, roles, deadlines.

``import_text`` is pure (text in, data and review out); ``duban.plan_import.write`` writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from duban.plan_import.accounting import Accounting, account, destinations
from duban.plan_import.chapter_tasks import chapter_tasks
from duban.plan_import.chinese import simplified
from duban.plan_import.chrome import page_year, set_aside
from duban.plan_import.clauses import Clause, find_clause
from duban.plan_import.closing_cut import last_item_goes_on, opens_with_clause
from duban.plan_import.figures import all_due, figures
from duban.plan_import.findings import Finding
from duban.plan_import.head import Head, plan_title_line, read_head
from duban.plan_import.item_roles import chain, first_sentence, own_line_clauses
from duban.plan_import.label_forms import first_leads_from
from duban.plan_import.post_groups import bearer_clause
from duban.plan_import.problem_items import grouped_tasks
from duban.plan_import.restated import attach_restating_rows
from duban.plan_import.segment import Node, SourceText, field_text, segment, walk
from duban.plan_import.subheadings import (
    deeper_level,
    heading_clause,
    heading_leader,
    is_subheading,
    task_nodes,
)
from duban.plan_import.table_captions import table_caption
from duban.plan_import.task_reading import TaskReading
from duban.plan_import.unique_numbers import unique_numbers
from duban.plan_import.units import ImportOrg
from duban.plan_import.year import YearReading


@dataclass
class Imported:
    plan: dict
    tasks: list[dict]
    org: ImportOrg
    unread: list[Finding] = field(default_factory=list)
    assumptions: list[Finding] = field(default_factory=list)
    unmatched: list[Finding] = field(default_factory=list)
    reading: str = ""
    chrome: list[str] = field(default_factory=list)
    """Lines set aside as website chrome or page furniture (counted in the accounting)."""
    issuer_as_written: str = ""
    repeats: list[str] = field(default_factory=list)  # the notice's title written again
    labels: list[str] = field(default_factory=list)  # every item's number as written
    figures: list[Finding] = field(default_factory=list)  # targets and amounts left as text
    accounting: Accounting | None = None
    year_missing: bool = False
    """The document names no year and no ``--year`` was given (h18a): year-less deadlines are
    kept as written and not dated, the plan has no ``signed`` or ``period``; the review and the
    command ask for ``--year``."""
    leaders: list[Finding] = field(default_factory=list)
    """牵头领导 / 分管领导 named in the clauses: people, not units (kept in the review and as a
    comment in the task's file; the data has no field for them yet)."""


class Importer(TaskReading, YearReading):
    def __init__(self, text: str, org: ImportOrg, plan_id: str, year: int | None) -> None:
        self.text = text
        self.doc = SourceText.of(text)
        self.org = org
        self.plan_id = plan_id
        self.unread: list[Finding] = []
        self.assumptions: list[Finding] = []
        self.unmatched: list[Finding] = []
        self.sources: list[dict] = []
        self.given_year = year
        """``--year``: the year of a plan whose document names none (never the clock's)."""
        self.default_year = year or 0
        self.issuer_name = ""
        self.first_leads_at = first_leads_from(simplified(text))
        self.first_leads = self.first_leads_at is not None
        self.leaders: list[Finding] = []
        self.chrome: list[str] = []
        self.repeats: list[str] = []
        self.year_missing = False
        self.page_year: int | None = None  # the web page's 发布日期 (h18a)
        self.heading_clause: Clause | None = None  # 一、…（牵头单位：…）over its items (h18c)
        self.deeper = False  # h18f: items with no assignment over items with one are headings
        self.lenient = False  # h18f: a list may start after 1 (an excerpt, a lost first cell)
        self.table = False  # h18f: the items are a table's rows (its 序号)
        self.table_rows = 0  # h18r: how many rows of a table the reader made items
        self.every = False  # h18ab: the last resort, every item a task (marked_lines.py)
        self.broad = False  # h18cc: roles read from every sentence (strategy's gate)
        self.promoted: set[int] = set()  # h18f: the items the deeper reading made headings

    # -- the whole plan -----------------------------------------------------------------------
    def run(self) -> Imported:
        text = self.text
        roots = segment(text, plan_title_line(text), len(text), self.lenient)
        head = read_head(text, roots[0].start if roots else len(text))
        self.sources = head.sources
        self.chrome.extend(head.furniture)
        self.repeats = head.repeats
        self.issuer_as_written = head.issuer_name or ""
        self._period_and_year(head, roots)
        issuer = self._issuer(head)
        closing = self._closing(roots)
        if (
            roots
            # h18j: or only the item's own steps numbered inside it like it (1.…；1.…2.…)
            # h18l: or a table's rows, whatever their cells number (岳阳楼 2017: ①… in 备注)
            and (self.table or all(all(c.style == n.style for c in n.children) for n in roots))
            and (self.every or any(self._assigned(self._span(n)) for n in roots))  # h18ab
        ) or grouped_tasks(text, roots):  # h18s: 1. 市科技馆 / (1)… / 责任单位:X after them
            sections_nodes, virtual = [], roots  # no 一、 sections: the top items are the tasks
        else:
            sections_nodes, virtual = roots, []
        items = {id(s): self._task_nodes(s) for s in sections_nodes}
        self.each_own = own_line_clauses(
            text, virtual or [c for n in sections_nodes for c in items[id(n)]]
        )
        numbering = "plan" if self._runs_through(sections_nodes, items) else "section"
        sections: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        if virtual:
            sections.append({"number": 1, "numeral": "一", "title": head.title})
            for node in virtual:
                self._task_or_provision(node, 1, sections[0], tasks, "plan")
            numbering = "plan"
        numbers = [n.number for n in sections_nodes]
        as_written = bool(numbers) and numbers == sorted(set(numbers)) and numbers[0] > 1
        own_tasks = chapter_tasks(text, sections_nodes)
        for index, node in enumerate(sections_nodes, start=1):
            if as_written:  # h18f: an excerpt from section 七 on: its sections are 七, 八 …
                index = node.number
            first_child = node.children[0].start if node.children else node.end
            title = field_text(text[node.content : first_child])
            section: dict[str, Any] = {
                "number": index,
                "numeral": node.numeral,
                "title": title.split("\n")[0],
            }
            own_task = id(node) in own_tasks  # h18br: its paragraph is the task's text
            if not own_task and ("\n" in title or (not node.children and len(title) > 60)):
                rest = title.split("\n", 1)[1] if "\n" in title else title
                section["title"] = title.split("\n")[0] if "\n" in title else first_sentence(title)
                section.setdefault("provisions", []).append(
                    {"number": 1, "numeral": "一", "title": first_sentence(rest), "text": rest}
                )
                self._assume_at(
                    node.start, "章节标题下的说明文字作为该章的非任务条目保留", rest[:60]
                )
            sections.append(section)
            if own_task:  # h18bi: 五、… with no rows under it is a task (石城 2018)
                self.heading_clause = None
                self._task_or_provision(node, index, section, tasks, numbering, chapter=True)
                continue
            before, self.heading_clause = len(tasks), heading_clause(self._span(node))  # h18c
            chapter = self.heading_clause = self.heading_clause or bearer_clause(self.text, node)
            for child in items[id(node)]:
                if child.children and child in node.children and self._subheading(child):
                    own = field_text(self._span(child))
                    provision = {"number": child.number, "numeral": child.numeral}
                    section.setdefault("provisions", []).append(
                        {**provision, "title": own, "text": own}
                    )
                    self.heading_clause = bearer_clause(self.text, child) or chapter  # h18y
                    continue
                self._task_or_provision(child, index, section, tasks, numbering)
            self._heading_leader(section["title"], tasks[before:], node)
        for section in sections:
            if not section["title"].strip():
                section["title"] = f"（第{section['numeral']}部分，原文无标题）"
                self.unread.append(Finding(0, "章节没有标题：暂记为", section["title"]))
            for provision in section.get("provisions", []):
                for key in ("title", "text"):
                    if not provision[key].strip():
                        provision[key] = "（原文无文字）"
        for item, row in attach_restating_rows(sections, tasks, numbering):
            self._assume(
                0,
                f"分解表中的“{row['title']}”一行重复第 {item['section']} 章第 {item['number']} 项的"
                f"文字：分工记在该项（任务 {item['id']}），表中这一行作为非任务条目保留，请核对",
            )
        plan = self._plan(head, issuer, sections, numbering, closing)
        for written, new, number in unique_numbers(tasks, numbering):
            self._assume(
                0,
                f"任务编号 {written} 重复（章节中重新开始的编号读成了全文编号，"
                f"或两组编号连在一起）：后一项改为 {new}（序号 {number}），请核对原文的编号",
            )
        if self.first_leads:
            self._assume(
                0, "方案规定列第一位的单位为牵头单位（“分别牵头”的除外）：已按此规定读取分工"
            )
        imported = Imported(plan, tasks, self.org, self.unread, self.assumptions, self.unmatched)
        imported.leaders = self.leaders
        imported.year_missing = self.year_missing
        imported.chrome = self.chrome
        imported.repeats = self.repeats
        imported.labels = [node.label for node in walk(roots)]
        for node in walk(roots):
            if node.guessed:
                self._assume_at(
                    node.start,
                    f"编号是网页转码留下的乱码，按前后顺序推定为第 {node.number} 项，请核对",
                    self.text[node.start : node.content + 12].split("\n")[0],
                )
        imported.figures = self._figures(tasks, sections)
        imported.issuer_as_written = self.issuer_as_written
        return imported

    def _runs_through(self, sections: list[Node], items: dict[int, list[Node]]) -> bool:
        """Whether the tasks are numbered through the plan: a section's first task (not a
        subheading over tasks, h18f: （一）坚定不移做强增长引擎 over 12.…) numbered after 1."""
        numbers: list[int] = []
        for section in sections:
            tasks = [
                n
                for n in items[id(section)]
                if not (n.children and n in section.children and self._subheading(n))
            ]
            # h18bt: a chapter the page starts inside (its heading not on it) says nothing
            if tasks and tasks[0].number > 1 and len(sections) > 1 and section.label:
                return True
            numbers += [n.number for n in tasks]
        # h18f: a table's 序号 runs through the table unless it starts again in a section
        rows = self.table or len(numbers) == self.table_rows  # h18r: a flattened table's rows
        if rows and numbers and numbers == sorted(set(numbers)):  # h18p: one row too
            return True
        # h18p: 一、10件民生实事任务分解表 over its rows (吉水): the one section is the table's
        # caption, its 序号 the table's
        only = sections[0] if len(sections) == 1 else None
        return only is not None and table_caption(self.text[only.content : only.end])

    def _heading_leader(self, title: str, tasks: list[dict[str, Any]], node: Node) -> None:
        leader = heading_leader(title)
        if leader:
            for task in tasks:
                task.setdefault("leaders", [dict(leader)])
            self.leaders.append(Finding(self.doc.line(node.start), leader["name"], leader["text"]))

    def _subheading(self, node: Node) -> bool:
        return id(node) in self.promoted or is_subheading(self.text, node)

    def _task_nodes(self, section: Node) -> list[Node]:
        deeper = self.deeper and deeper_level(self.text, section)  # h18f
        out, renumbered = task_nodes(self.text, section, deeper)
        if deeper:
            self.promoted |= {id(c) for c in section.children}
        if renumbered:
            self._assume_at(
                section.start,
                "小标题下的编号各自从 1 开始：本章任务按出现顺序连续编号（原编号见 numeral）",
                "",
            )
        return out

    def _span(self, node: Node) -> str:
        return self.text[node.content : node.children[0].start if node.children else node.end]

    def _issuer(self, head: Head) -> str:
        name = head.issuer_name
        if not name:
            self._assume(
                0,
                "未找到发文单位（通知标题“××关于印发……的通知”）：发文单位暂记为“发文单位（待定）”",
            )
            name = "发文单位（待定）"
        match = self.org.match(name)
        self._report_match(match, 0)
        self.issuer_name = match.write_as
        return match.write_as

    def _closing(self, roots: list[Node]) -> str | None:
        """Text after the last item's paragraph: the plan's closing words (and its 落款)."""
        if not roots:
            return None
        last = roots[-1]
        while last.children:
            last = last.children[-1]
        span = self.text[last.content : last.end]
        match = re.search(  # （…：6月底前）。各乡镇、各部门要高度重视……: the closing words
            r"[）)\]】〕][。；]?(?=(?:各[^。，；\n]{0,20}要|本方案自|本方案由|请各))", span
        ) or re.search(r"[。！）)][ \t\u3000]*\n|[。！][ \t\u3000]+(?=\S)", span)
        match = last_item_goes_on(span, match)  # its own label, cell or unit lines after it
        if not match or not field_text(span[match.end() :]):
            return None
        rest, own = field_text(span[match.end() :]), find_clause(span[: match.end()])
        tail = find_clause(rest)  # h18r: the last paragraph's clause is the item's (银川 2019)
        if own is None and tail is not None and not rest[tail.end :].strip(" 。；;\n"):
            return None
        if opens_with_clause(rest):  # h18af: (X牵头) wrapped onto the line after its sentence
            return None
        cut = last.content + match.end()
        for node in chain(roots):
            if node.end > cut:
                node.end = cut
        rest = re.sub(
            r"\n?[^\n]{0,30}\n?\s*[一二三四五六七八九〇○O零0-9]{4}年[^\n]{1,8}日\s*$", "", rest
        ).strip()
        lines = rest.split("\n")
        furniture: list[str] = []
        while len(lines) > 1 and len(lines[-1]) <= 8 and not re.search(r"[。！？；]$", lines[-1]):
            furniture.insert(0, lines.pop())
        if furniture:
            self.chrome.extend(furniture)
            rest = "\n".join(lines).strip()
            self._assume_at(cut, "结束语之后的短行当作网页文字，未采用", " ".join(furniture))
        if rest:
            self._assume_at(cut, "最后一项之后的文字作为方案的结束语（closing）", rest[:40])
        return rest or None

    def _plan(
        self,
        head: Head,
        issuer: str,
        sections: list[dict[str, Any]],
        numbering: str,
        closing: str | None,
    ) -> dict[str, Any]:
        plan: dict = {"id": self.plan_id, "title": head.title}
        kind = re.search(
            r"(实施方案|分工方案|工作方案|工作要点|行动计划|行动方案|重点任务|任务清单)$",
            head.title,
        )
        if kind:
            plan["kind"] = kind.group(1)
        plan["task_numbering"] = numbering
        for key in ("notice_title", "document_number"):
            if getattr(head, key):
                plan[key] = getattr(head, key)
        plan["issuer"] = issuer
        if head.addressees:
            plan["addressees"] = head.addressees
        if head.signed:
            plan["signed"] = head.signed
        if head.signed_as_written:
            plan["signed_as_written"] = head.signed_as_written
        for key in ("notice_text", "preamble"):
            if getattr(head, key):
                plan[key] = getattr(head, key)
        if closing:
            plan["closing"] = closing
        if self.period:
            plan["period"] = self.period
        if head.sources:
            plan["sources"] = head.sources
        plan["sections"] = sections
        for note in head.notes:
            self._assume(0, note)
        return plan

    def _figures(self, tasks: list[dict], sections: list[dict]) -> list[Finding]:
        """专业法律知识培训不少于60学时: figures of the text that are not data, for the review."""
        found: list[Finding] = []
        texts = [(f"任务 {t['id']}", t["text"], all_due(t)) for t in tasks]
        texts += [
            (f"{s['numeral']}、（{p['numeral']}）", p["text"], [])
            for s in sections
            for p in s.get("provisions", [])
        ]
        for where, text, due in texts:
            for figure in figures(text, due):
                position = self.text.find(figure)
                line = self.doc.line(position) if position >= 0 else 0
                found.append(Finding(line, where, figure))
        return found


def import_text(
    text: str,
    org: ImportOrg,
    plan_id: str,
    year: int | None = None,
    *,
    deeper: bool = False,
    lenient: bool = False,
    table: bool = False,
    table_rows: int = 0,
    every: bool = False,
    broad: bool = False,
) -> Imported:
    """The plan in ``text`` as data. Its year comes from the document; ``year`` (``--year``)
    only stands in when the document names none. Never reads the clock. ``deeper`` and
    ``lenient`` are two readings of the numbering, ``table`` says the items are a table's
    rows (h18f, :mod:`duban.plan_import.strategy`)."""
    read, chrome = set_aside(text)
    importer = Importer(read, org, plan_id, year)
    importer.deeper, importer.lenient, importer.table = deeper, lenient, table
    importer.table_rows, importer.every, importer.broad = table_rows, every, broad
    importer.page_year = page_year(chrome)
    result = importer.run()
    result.chrome = chrome + result.chrome
    if chrome:
        result.assumptions.insert(
            0,
            Finding(
                0, f"网页栏目文字 {len(chrome)} 行未采用（当前位置、索引号、字号、打印、分享等）"
            ),
        )
    strings = destinations(
        result.plan,
        result.tasks,
        result.chrome,
        result.issuer_as_written,
        result.labels,
        result.repeats,
    )
    result.accounting = account(text, strings)
    for leftover in result.accounting.leftovers:
        result.unread.append(
            Finding(leftover.line, "这段原文没有归入任何字段（未能识别），请核对", leftover.text)
        )
    return result
