"""From the text of a plan to the data of a plan: sections, tasks, sub-items, roles, deadlines.

``import_text`` is pure (text in, data and review out); ``duban.plan_import.write`` writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from duban.plan_import.accounting import Accounting, account, destinations
from duban.plan_import.chinese import simplified
from duban.plan_import.chrome import page_year, set_aside
from duban.plan_import.clauses import Clause, find_clause, first_leads_from
from duban.plan_import.figures import all_due, figures
from duban.plan_import.findings import Finding
from duban.plan_import.head import Head, plan_title_line, read_head
from duban.plan_import.restated import attach_restating_rows
from duban.plan_import.segment import Node, SourceText, field_text, segment, walk
from duban.plan_import.subheadings import heading_clause, heading_leader, is_subheading, task_nodes
from duban.plan_import.task_reading import (
    TaskReading,
    chain,
    first_sentence,
)
from duban.plan_import.units import ImportOrg


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


class Importer(TaskReading):
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

    # -- the whole plan -----------------------------------------------------------------------
    def run(self) -> Imported:
        text = self.text
        roots = segment(text, plan_title_line(text), len(text))
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
            and all(not n.children for n in roots)
            and any(find_clause(self._span(n)) for n in roots)
        ):
            sections_nodes, virtual = [], roots  # no 一、 sections: the top items are the tasks
        else:
            sections_nodes, virtual = roots, []
        items = {id(s): self._task_nodes(s) for s in sections_nodes}
        numbering = (
            "plan"
            if any(items[id(s)] and items[id(s)][0].number > 1 for s in sections_nodes)
            else "section"
        )
        sections: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        if virtual:
            sections.append({"number": 1, "numeral": "一", "title": head.title})
            for node in virtual:
                self._task_or_provision(node, 1, sections[0], tasks, "plan")
            numbering = "plan"
        for index, node in enumerate(sections_nodes, start=1):
            first_child = node.children[0].start if node.children else node.end
            title = field_text(text[node.content : first_child])
            section: dict[str, Any] = {
                "number": index,
                "numeral": node.numeral,
                "title": title.split("\n")[0],
            }
            if "\n" in title or (not node.children and len(title) > 60):
                rest = title.split("\n", 1)[1] if "\n" in title else title
                section["title"] = title.split("\n")[0] if "\n" in title else first_sentence(title)
                section.setdefault("provisions", []).append(
                    {"number": 1, "numeral": "一", "title": first_sentence(rest), "text": rest}
                )
                self._assume_at(
                    node.start, "章节标题下的说明文字作为该章的非任务条目保留", rest[:60]
                )
            sections.append(section)
            before, self.heading_clause = len(tasks), heading_clause(self._span(node))  # h18c
            for child in items[id(node)]:
                if child.children and child in node.children and self._subheading(child):
                    own = field_text(self._span(child))
                    provision = {"number": child.number, "numeral": child.numeral}
                    section.setdefault("provisions", []).append(
                        {**provision, "title": own, "text": own}
                    )
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
        self._check_ids(tasks)
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

    def _heading_leader(self, title: str, tasks: list[dict[str, Any]], node: Node) -> None:
        leader = heading_leader(title)
        if leader:
            for task in tasks:
                task.setdefault("leaders", [dict(leader)])
            self.leaders.append(Finding(self.doc.line(node.start), leader["name"], leader["text"]))

    def _subheading(self, node: Node) -> bool:
        return is_subheading(self.text, node)

    def _task_nodes(self, section: Node) -> list[Node]:
        out, renumbered = task_nodes(self.text, section)
        if renumbered:
            self._assume_at(
                section.start,
                "小标题下的编号各自从 1 开始：本章任务按出现顺序连续编号（原编号见 numeral）",
                "",
            )
        return out

    def _span(self, node: Node) -> str:
        return self.text[node.content : node.children[0].start if node.children else node.end]

    @staticmethod
    def _years(text: str) -> list[int]:
        return [int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})年", text)]

    def _document_year(self, head: Head, years: list[int]) -> tuple[int, str] | None:
        """The plan's year from the document: the signing date, the 文号 (〔2023〕), the title,
        the period, the dates in the text, in that order; ``--year`` only when none is found."""
        number = re.search(
            r"[〔\[【(（［]\s*((?:19|20)\d{2})\s*[〕\]】)）］]", head.document_number or ""
        )
        title = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", head.title)
        for year, where in (
            (head.signed.year if head.signed else None, "成文日期"),
            (int(number.group(1)) if number else None, "文号"),
            (int(title.group(1)) if title else None, "标题"),
            (head.period[0] if head.period else None, "实施期限"),
            (self.page_year, "网页的发布日期"),
            (min(years) if years else None, "正文中的日期"),
            (self.given_year, "--year"),
        ):
            if year:
                return year, where
        return None

    def _period_and_year(self, head: Head, roots: list[Node]) -> None:
        years = [
            int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})年", self.text[head.body_start :])
        ]
        found = self._document_year(head, years or self._years(self.text))
        if found is None:  # never refused, never the clock: the dates are left to --year
            self.period, self.year_missing, self.default_year = None, True, 0
            self.unread.insert(0, Finding(0, NO_YEAR))
            return
        year, where = found
        if where != "成文日期":
            self._assume(0, f"方案的年份按{where}取为 {year} 年（未找到落款日期）")
        if head.period:
            start, end, written = head.period
            if re.fullmatch(r"\d{4}年度?", written):
                self._assume(0, f"实施期限按标题中的“{written}”理解：{start}年1月1日至12月31日")
        else:
            start = year
            end = max([start, *[y for y in years if start <= y <= start + 10]])
            written = None
            self._assume(
                0,
                f"方案未写实施期限：按{start}年1月1日至{end}年12月31日（签发年份至文中最晚的年份）",
            )
        self.period = {"start": dt.date(start, 1, 1), "end": dt.date(end, 12, 31)}
        if written:
            self.period["as_written"] = written
        self.default_year = year if start <= year <= end else start
        if not head.signed:
            head.signed = self.period["start"]
            self._assume(
                0,
                f"未找到成文日期（落款日期）：signed 暂按实施期限开始日 {head.signed} 填写，"
                "请改为落款日期",
            )

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
        while match:  # the last item's own clause on the next line (牵头单位：…) is the item's
            clause = find_clause(span[match.end() :])
            if clause is None or span[match.end() : match.end() + clause.start].strip():
                break
            after = match.end() + clause.end
            match = re.compile(r"[。；]?[ \t\u3000]*\n|[。][ \t\u3000]+(?=\S)").search(span, after)
        if not match or not field_text(span[match.end() :]):
            return None
        rest = field_text(span[match.end() :])
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

    def _check_ids(self, tasks: list[dict]) -> None:
        seen: dict[str, int] = {}
        for task in tasks:
            if task["id"] in seen:
                seen[task["id"]] += 1
                new = f"{task['id']}-{seen[task['id']]}"
                self._assume(
                    0,
                    f"任务编号 {task['id']} 重复（编号在章节中重新开始却又按全文编号）：改为 {new}",
                )
                task["id"] = new
            else:
                seen[task["id"]] = 1


NO_YEAR = (
    "原文中找不到年份（没有落款日期、文号、实施期限或带年份的日期）：未写年份的时限（年底前、6月底前、"
    "全年……）照原文记录，没有换算为日期；方案的成文日期（signed）和实施期限（period）没有写。"
    "请用 --year 指定方案的年份后重新导入，例如 --year 2024"
)
"""The first line of the review of a plan whose document names no year (h18a)."""


def import_text(text: str, org: ImportOrg, plan_id: str, year: int | None = None) -> Imported:
    """The plan in ``text`` as data. Its year comes from the document; ``year`` (``--year``)
    only stands in when the document names none. Never reads the clock."""
    read, chrome = set_aside(text)
    importer = Importer(read, org, plan_id, year)
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
