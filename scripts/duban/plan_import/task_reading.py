"""Reading one numbered task or sub-item of a plan: its title, its role clauses (牵头, 配合 …),
its deadlines (in a clause or in the prose), the documents it asks for and the holders it
inherits. A part of :class:`~duban.plan_import.plan.Importer`, which reads the whole plan.
"""

from __future__ import annotations

import re
from typing import Any

from duban.plan_import.bracket_clause import bracket_clause
from duban.plan_import.broad_roles import broad_clause
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import ROLE_ORDER, Clause, find_clause, split_names
from duban.plan_import.deadlines import UNWRITTEN_ID, Parsed, parse_deadline, unwritten_due
from duban.plan_import.findings import Finding, Findings
from duban.plan_import.item_facts import (
    assigns,
    has_due,
    indicator_ids,
    names_holders,
    names_units,
)
from duban.plan_import.item_roles import (
    first_sentence,
    heading_leads,
    move_trailing_clauses,
    without_bare_headings,
)
from duban.plan_import.label_points import in_target_line as target
from duban.plan_import.label_points import target_dues
from duban.plan_import.late_dues import within
from duban.plan_import.prose_deadlines import part_dated, prose_deadline
from duban.plan_import.role_sentences import standing_units
from duban.plan_import.segment import Node, field_text
from duban.plan_import.sentence_items import outside, own_clause, sentence_units, unit_items
from duban.plan_import.subheadings import own_heading_clause
from duban.plan_import.subject_units import rules_reach, subject_clause
from duban.plan_import.units import UNNAMED_HOLDER, ImportOrg
from duban.plan_import.year_period import Period

DELIVERABLE = re.compile(
    r"《(?P<name>[^《》]{2,60}(?:办法|制度|规定|细则|规则|方案|清单|目录|指引|标准|机制|意见|计划|规划|预案|指南|条例|规程|守则))》"
)
MAKING = re.compile(r"制定|制订|建立|完善|出台|编制|修订|起草|印发|形成|健全|修改|研究")
STAR = re.compile(r"\s*[★☆▲*＊]\s*")  # h18m: 市住建局* (标*的为牵头单位) as ★


class TaskReading(Findings):
    """How the importer reads the items of a plan (mixed into the Importer, which sets these)."""

    text: str
    org: ImportOrg
    default_year: int
    issuer_name: str
    period: Period | None
    sources: list[dict]
    first_leads: bool  # the plan's rule: the unit listed first leads (除标注“分别牵头”外…)
    first_leads_at: int | None  # where in the text that rule starts to apply (下同: from there)
    leaders: list[Finding]
    heading_clause: Clause | None  # the section's heading's clause, for items with none (h18c)
    next_year: int | None  # h18p: the year 明年 names (set with the plan's year)
    every: bool  # h18ab: the last resort: an item with no assignment is a task all the same
    notice_due: str | None  # h18ak: the notice's one deadline for every item (notice_deadlines)
    each_own: bool  # h18ah: a line of clauses after each sub-item (item_roles.own_line_clauses)
    broad: bool  # h18cc: no reading named anyone: roles read from every sentence (broad_roles)

    def _task_or_provision(
        self,
        node: Node,
        section_number: int,
        section: dict[str, Any],
        tasks: list[dict[str, Any]],
        numbering: str,
        chapter: bool = False,  # h18bi: a chapter that is a task itself (chapter_tasks.py)
    ) -> None:
        move_trailing_clauses(self.text, node, self.each_own)
        item = self._item(node, top=True)
        text = field_text(self.text[node.content : node.end])
        if not assigns(item) and self.heading_clause:  # the section's heading names who (h18c)
            notes = [*item.get("_notes", []), "分工取自所在章节的标题"]
            self._clause(item, self.heading_clause, text, self.doc.line(node.start), notes, 0)
            item["_notes"] = notes
        elif self.heading_clause and item.get("roles") and self.heading_clause.roles.get("lead"):
            head: dict = {}  # h18i: 一、…(A、B牵头) over 1.…(责任单位:X): both
            self._clause(head, self.heading_clause, text, self.doc.line(node.start), [], 0)
            item["roles"] = heading_leads(item["roles"], head.get("roles", {}))
        elif self.heading_clause and not names_units(item):  # h18y: only (整改时限:…) of its own
            head = {}
            self._clause(head, self.heading_clause, text, self.doc.line(node.start), [], 0)
            item["roles"] = head.get("roles", {})
        own = own_heading_clause(text)  # h18r: （二）省审计厅牵头的工作 over the work
        if own is not None and own.roles.get("lead"):
            head = {}
            self._clause(head, own, text, self.doc.line(node.start), [], 0)
            item["roles"] = heading_leads(item.get("roles") or {}, head.get("roles", {}))
        if not assigns(item) and not self.every and not chapter:
            title = item.get("title") or first_sentence(text)
            provision = {
                "number": node.number,
                "numeral": node.numeral,
                "title": title or node.label,
                "text": text or node.label,
            }
            section.setdefault("provisions", []).append(provision)
            return
        task_id = f"{node.number:02d}" if numbering == "plan" else f"{section_number}-{node.number}"
        task_id = str(node.number) if chapter else task_id  # 5, apart from the plan's 05
        task: dict[str, Any] = {
            "id": task_id,
            "number": node.number,
            "numeral": node.numeral,
            "section": section_number,
        }
        task.update({k: v for k, v in item.items() if k != "id"})
        task.pop("label", None)
        task.pop("line", None)
        if "roles" not in task:
            task["roles"] = {}
        notes = task.pop("_notes", [])
        if not has_due(task) and self.notice_due:  # h18ak: the notice's time for every item
            task["deadline_as_written"] = self.notice_due
            notes.append(f"时限“{self.notice_due}”取自通知正文（对附件每一项的规定）")
            self._assume(self.doc.line(node.start), notes[-1], self.notice_due)
            parsed = parse_deadline(self.notice_due, default_year=self.default_year)
            self._take_deadline(task, parsed, self.doc.line(node.start), notes)
        if not has_due(task):
            task["due"] = [unwritten_due()]
            note = (
                "原文未写完成时限：写为“原文未写完成时限”（id: unwritten，不会逾期），请补写或核对"
            )
            notes.append(note)
            self.unread.append(Finding(self.doc.line(node.start), note, item.get("title", "")))
        self._give_holders(task, [], node)  # its dues, written or not, held (h18ab, 第二十三批)
        indicator_ids(task, task_id)
        if notes:
            task["note"] = "；".join(notes) + "。"
        if not task.get("title"):
            task["title"] = first_sentence(task["text"]) or "（原文无标题）"
        tasks.append(task)

    def _give_holders(self, item: dict, inherited: list[str], node: Node) -> None:
        """A deadline nobody holds (完成时限 without 牵头 or 责任 units, at any level) goes to a
        group standing for the units still to be named, so that the data stays valid."""
        roles = item.get("roles") or {}
        own = [n for role in ("lead", "responsible", "cooperate") for n in roles.get(role, [])]
        holders = (roles.get("responsible") or roles.get("lead") or []) if own else inherited
        dues = item.get("due", [])
        held_below = any(names_holders(child) for child in item.get("items", []))
        if dues and not holders and not held_below and not all(d.get("applies_to") for d in dues):
            match = self.org.match(UNNAMED_HOLDER)
            if match.how == "new":
                created = [*self.org.new_units, *self.org.new_groups, *self.org.new_bodies]
                group = next(g for g in created if g["id"] == match.entry.id)
                group["note"] = (
                    "原文只写完成时限、未写承担单位的条目暂由本组承担；请改为实际单位。"
                    + group["note"]
                )
            item.setdefault("roles", {}).setdefault("responsible", []).append(match.write_as)
            holders = [match.write_as]
            text = item.get("roles_as_written") or item.get("deadline_as_written", "")
            written = any(d.get("id") != UNWRITTEN_ID for d in dues)  # else 只写了考核、监督单位
            said = "有完成时限但没有承担单位" if written else "没有牵头或责任单位"
            said = f"{said}：暂记为“{UNNAMED_HOLDER}”"
            self.unread.append(Finding(self.doc.line(node.start), said, text))
        for child in item.get("items", []):
            self._give_holders(child, holders, node)

    def _assigned(self, text: str) -> Clause | None:
        """An item's own clause: find_clause's forms, or (h18ak) its first sentence's subject,
        or (h18cc, only when no reading named anyone) any sentence's."""
        found = find_clause(text) or subject_clause(text)
        return found or (broad_clause(text) if self.broad else None)

    def _item(self, node: Node, top: bool = False, step: bool = False, dated: bool = False) -> dict:
        dated = dated and not target(self.text, node.start)  # h18br: 目标任务:1.10月份…安装完毕
        own_end = node.children[0].start if node.children else node.end
        own = self.text[node.content : own_end]
        trailing = ""
        if node.children and node.children[-1].end < node.end:
            trailing = self.text[node.children[-1].end : node.end]
        text = field_text(self.text[node.content : node.end])
        line = self.doc.line(node.start)
        item: dict = {"id": str(node.number), "label": node.label}
        clause = find_clause(trailing) if trailing.strip() else None
        clause = clause or find_clause(own) or (None if top else bracket_clause(own))  # h18y
        clause = clause or subject_clause(own)  # h18ak: 县财政局要… / 各乡镇于每月5日前将…
        clause = clause or (broad_clause(own) if self.broad else None)  # h18cc
        units = [] if node.children or trailing.strip() else sentence_units(own)  # h18af
        clause = own_clause(own, units, clause)  # (A牵头)…(B牵头): sub-items, or merged
        own_without = own if clause is None or trailing.strip() else outside(own, clause, units)
        title = first_sentence(field_text(own_without))
        if title and top:
            item["title"] = title
        # a marker with no words after it keeps its label as its text: never an empty field
        item["text"] = text or node.label
        notes: list[str] = []
        dates = bool(clause and clause.deadline)  # h18ak: the item's own time, not its parts'
        children = [self._item(c, step=c.style == node.style, dated=dates) for c in node.children]
        children = without_bare_headings(children) or unit_items(  # h18af
            own, units, lambda sub, c, s, end: self._clause(sub, c, s, line, [], node.content + end)
        )
        if clause:
            self._clause(item, clause, own_without, line, notes, rules_reach(clause, node.end))
        elif (
            (children and top and not any(has_due(child) for child in children))
            or step
            or (not (top or children or dated) and part_dated(own))  # h18ak: ⑴…3月中旬完成
        ):
            self._prose_deadline(item, own, line, notes)
        deliverables = self._deliverables(own_without)
        if deliverables:
            item["deliverables"] = deliverables
        if children:
            item["items"] = children
            for child in children:
                notes.extend(f"{child['label']}{n}" for n in child.pop("_notes", []))
        if notes:
            item["_notes"] = notes
        return item

    def _clause(
        self, item: dict, clause: Clause, context: str, line: int, notes: list[str], end: int
    ) -> None:
        item["roles_as_written"] = field_text(clause.as_written)
        roles: dict[str, list[str]] = {}
        for written_role in ROLE_ORDER:
            for phrase in clause.roles.get(written_role, []):
                role = "lead" if STAR.search(phrase) else written_role  # ★市发改委: it leads
                match = self.org.match(STAR.sub("", phrase), carrier=self.issuer_name)
                self._report_match(match, line)
                if match.write_as not in roles.setdefault(role, []):
                    roles[role].append(match.write_as)
        rule = self.first_leads_at is not None and end > self.first_leads_at
        if rule and not clause.each_leads and not roles.get("lead"):
            listed = roles.get("responsible") or roles.get("cooperate") or []
            # 责任单位:区发改局 under the rule: a unit listed alone is first of nothing and stays
            # as written, labelled (海曙区 2024) or not (h18ae: (市卫生计生委负责), 天津)
            if len(listed) > 1:
                role = "responsible" if roles.get("responsible") else "cooperate"
                roles["lead"] = listed[:1]
                roles[role] = listed[1:]
                if not roles[role]:
                    del roles[role]
                note = f"按方案的规定（列第一位为牵头单位），{listed[0]}为牵头单位"
                notes.append(note)
                self._assume(line, note, field_text(clause.as_written))
        for kind, word, said, names, phrases in standing_units(self.text, end):  # 以下… (h18g)
            added = []  # h18l: 除特别注明的外,…都是配合单位 (role cooperate, names as written)
            for phrase in split_names(names) if phrases is None else phrases:
                match = self.org.match(phrase, carrier=self.issuer_name)
                if match.write_as not in roles.setdefault(kind, []):
                    self._report_match(match, line)
                    roles[kind].append(match.write_as)
                    added.append(phrase)
            if added:  # in the task's note and the review's assumptions
                notes.append(f"按方案的规定（{said}），{'、'.join(added)}为{word}")
                self._assume(line, notes[-1], names)
        item["roles"] = {role: roles[role] for role in ROLE_ORDER if roles.get(role)}
        for leader in clause.leaders:
            item.setdefault("leaders", []).append(leader)
            self.leaders.append(Finding(line, leader["name"], leader["text"]))
        if clause.cooperate_word:
            item["cooperate_word"] = clause.cooperate_word
        for name in clause.open_list:
            notes.append(f"“{name}”是开放列举（等），只列入已点名的单位")
            self._assume(line, f"“{name}”是开放列举（等），只列入已点名的单位", name)
        for part in clause.unread:
            self.unread.append(Finding(line, "分工括注中未能识别的部分", part))
        if clause.deadline:
            item["deadline_as_written"] = clause.deadline
            parsed = parse_deadline(
                clause.deadline, default_year=self.default_year, context=context
            )
            self._take_deadline(item, parsed, line, notes)
            target_dues(item, context, self.default_year, notes)  # h18br: 目标任务:年底完成…
            self._who_does(item, context, line, notes)
            self._text_duties(item, context, line, notes)
        elif "roles" in item:
            self._prose_deadline(item, context, line, notes)

    def _text_duties(self, item: dict, own: str, line: int, notes: list[str]) -> None:
        """每半年…排名通报 / 每年…检查验收 / 限期整改 in the text, beyond the clause's deadline."""
        due = item.setdefault("due", [])
        sentences = [s for s in re.split(r"(?<=[。；;])", own) if s.strip()]
        for index, sentence in enumerate(sentences):
            for place, part in enumerate(re.split(r"[，,]", sentence)):
                folded = simplified(part)
                every = re.search(r"每(半年|年|季度|月)", folded)
                if every and re.search(r"一次|进行|开展|组织|检查|通报|报送|考评|排名", folded):
                    kind = {"半年": "half-year", "年": "year", "季度": "quarter", "月": "month"}[
                        every.group(1)
                    ]
                    if any(
                        d.get("every") == kind or d.get("check_in", {}).get("every") == kind
                        for d in due
                    ):
                        continue
                    extra = {"kind": "recurring", "every": kind, "as_written": part.strip()}
                    if self._by_issuer(sentences, index, every.start()) and item["roles"].get(
                        "lead"
                    ):
                        extra["applies_to"] = list(item["roles"]["lead"])
                        note = (
                            f"正文“{part.strip()}”由发文机关组织，另列为周期性时限，适用于牵头单位"
                        )
                    else:
                        note = f"正文“{part.strip()}”另列为周期性时限"
                    if [d["kind"] for d in due] == ["ongoing"] and "applies_to" not in extra:
                        if index or place:  # h18cb: 完善制度,每半年召开会议: 持续实施 stands
                            continue
                        due.clear()
                        note = f"完成时限为持续性表述，按正文“{part.strip()}”记为周期性时限"
                    due.append(extra)
                    notes.append(note)
                    self._assume(line, note, part.strip())
                if "限期整改" in folded and not any(d["kind"] == "follow-up" for d in due):
                    start = sentence.find(part)
                    trigger = field_text(sentence[: start + part.find("限期整改") + 4]).lstrip(
                        "。；; "
                    )
                    due.append({"kind": "follow-up", "trigger": trigger, "as_written": "限期整改"})
                    note = f"正文“{trigger}”另列为限期整改（期限由督办单位事后确定）"
                    notes.append(note)
                    self._assume(line, note, trigger)
        if not due:
            item.pop("due")
        elif len(due) > 1:
            used: set[str] = set()
            for number, entry in enumerate(due):
                name = entry.get("id") or ("main" if number == 0 else entry["kind"])
                while name in used:
                    name += "-2"
                entry["id"] = name
                used.add(name)

    def _who_does(self, item: dict, own: str, line: int, notes: list[str]) -> None:
        """县司法局每季度第一个月10日前通报…: a deadline the text gives to one named unit of the
        clause applies to that unit only (when the clause has several deadlines)."""
        due = item.get("due", [])
        if len(due) < 2:
            return
        named = [n for role in ("lead", "responsible") for n in item["roles"].get(role, [])]
        for entry in due:
            written = simplified(entry.get("as_written", ""))
            fragment = re.search(r"每[^，,；;。]*", written)
            if not fragment:
                continue
            position = simplified(own).find(fragment.group(0))
            if position < 0:
                continue
            start = max(own.rfind(c, 0, position) for c in "。；;，,\n") + 1
            subject = own[start:position].strip()
            for name in named:
                found = self.org.find(subject) if subject else None
                if found and found.entry.id == self.org.match(name).entry.id:
                    entry["applies_to"] = [name]
                    sentence = own[start : position + len(fragment.group(0))].strip()
                    note = f"“{entry['as_written']}”由{name}承担（正文：{sentence}）"
                    notes.append(note)
                    self._assume(line, note, entry["as_written"])
                    break

    def _by_issuer(self, sentences: list[str], index: int, position: int) -> bool:
        names = self.org.match(self.issuer_name).entry.names if self.issuer_name else []
        here = sentences[index]
        before = here[: here.find("每")] if "每" in here else here
        previous = sentences[index - 1] if index else ""
        return any(name in before or name in previous for name in names if len(name) >= 2)

    def _prose_deadline(self, item: dict, own: str, line: int, notes: list[str]) -> None:
        found = prose_deadline(own, self.next_year)
        if found is None:
            return
        phrase, read_as = found
        parsed = parse_deadline(read_as, default_year=self.default_year)
        for due in parsed.due if read_as != phrase else []:
            due["as_written"] = phrase  # 力争2023年, read as 2023年底
        if parsed.due:
            item["deadline_as_written"] = phrase
            note = f"时限“{phrase}”取自正文（分工括注未写完成时限）"
            notes.append(note)
            self._assume(line, note, phrase)
            self._take_deadline(item, parsed, line, notes)

    def _take_deadline(self, item: dict, parsed: Parsed, line: int, notes: list[str]) -> None:
        for assumption in parsed.assumptions:
            notes.append(assumption)
            self._assume(line, assumption, item.get("deadline_as_written", ""))
        for part in parsed.unread:
            self.unread.append(
                Finding(line, "完成时限中未能识别的部分（未生成可计算的时限）", part)
            )
        due, dropped, late = within(parsed.due, self.period)  # h18m: late ones kept, marked
        for kept in late:
            self._assume(line, "时限在实施期限之后，照原文记录（after_period）", kept["as_written"])
        for gone in dropped:
            self.unread.append(Finding(line, "时限落在实施期限之外，未生成", gone["as_written"]))
        if due:
            item["due"] = due

    def _deliverables(self, own: str) -> list[dict]:
        found: list[dict] = []
        skip = {s["title"] for s in self.sources} | {
            s.get("short_name", "")[1:-1] for s in self.sources
        }
        for match in DELIVERABLE.finditer(own):
            sentence_start = max(own.rfind(c, 0, match.start()) for c in "。；;")
            if not MAKING.search(simplified(own[sentence_start + 1 : match.start()])):
                continue
            name = match.group(0)
            if match.group("name") in skip or any(d["name"] == name for d in found):
                continue
            found.append({"id": f"deliverable-{len(found) + 1}", "name": name})
        return found
