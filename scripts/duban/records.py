"""From the schema-valid rules file and records files to :mod:`duban.supervision` objects,
checking every rule that spans files on the way (like :mod:`duban.build` does for the plan).

Runs after the model is built, because every check here reads it: a record must name a unit or
group of org.yaml, a task and one of its deadlines that the unit really answers for, a rule of
rules.yaml, a grade the rule lists. Every problem is reported as ``path:line:col: field: msg``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .build import TaskFinder, parse_date, source_of
from .build.context import name_key
from .deadlines import period_every
from .loader import Document, KeyPath
from .model import Due, Model, Source, Task
from .occurrence_refs import period_problem, pick_due
from .problems import Problem
from .supervision import (
    Action,
    FollowUp,
    Grade,
    Grading,
    GradingRule,
    Ladder,
    Ranking,
    RankingRule,
    Records,
    Rules,
    Score,
    Stage,
)


class _Checker:
    def __init__(self, model: Model):
        self.model = model
        self.problems: list[Problem] = []
        self.finder: TaskFinder = model.extra["task_finder"]
        self.rules_plan: str | None = None
        """While reading a plan's rules.yaml: that plan (task references are local to it)."""
        self.broken_rules: set[str] = set()
        """Plans whose rules.yaml failed its schema: references to their rules are not
        reported again."""
        self.follow_ups_unknown = False
        """A records or rules file failed its schema, so the follow-up deadlines it would have
        set are unknown: entries that answer one are not reported as answering nothing."""

    def report(self, document: Document, keys: KeyPath, message: str) -> None:
        self.problems.append(document.problem(keys, message))

    def task(self, document: Document, keys: KeyPath, ref: Any) -> Task | None:
        """A task a rule names, in the plan whose rules are being read."""
        found = self.finder.find({"plan": self.rules_plan, "task": ref})
        if found.task is None and found.problem:
            self.report(document, keys, found.problem)
        return found.task

    def task_of(self, document: Document, keys: KeyPath, item: dict[str, Any]) -> Task | None:
        """The task (or sub-item) a record names with its plan, task and item fields."""
        found = self.finder.find(item, keys)
        if found.task is None and found.problem:
            self.report(document, found.keys, found.problem)
        return found.task

    def entity(self, document: Document, keys: KeyPath, ref: str) -> str | None:
        found = self.model.names.get(name_key(ref))
        if found is None or found in self.model.bodies:
            self.report(document, keys, f"{ref!r} is not a unit or group in org.yaml")
            return None
        return found

    # -- rules --------------------------------------------------------------------------------
    def rules(self, document: Document) -> Rules:
        data = document.data
        seen: dict[str, str] = {}
        for kind in ("ladders", "rankings", "gradings"):
            for index, item in enumerate(data.get(kind, [])):
                if item["id"] in seen:
                    self.report(
                        document,
                        (kind, index, "id"),
                        f"rule id {item['id']!r} is already used in {seen[item['id']]}",
                    )
                seen.setdefault(item["id"], kind)
        ladders = tuple(
            self.ladder(document, ("ladders", i), item)
            for i, item in enumerate(data.get("ladders", []))
        )
        self.check_ladder_coverage(document, ladders)
        rankings = []
        for index, item in enumerate(data.get("rankings", [])):
            task = self.task(document, ("rankings", index, "task"), item["task"])
            streak = item.get("bottom_in_a_row") or item["last_in_a_row"]
            rankings.append(
                RankingRule(
                    id=item["id"],
                    name=item["name"],
                    task_id=task.id if task else str(item["task"]),
                    every=item["every"],
                    better=item.get("better", "higher"),
                    consecutive=streak["count"],
                    message=streak["message"],
                    places=streak.get("places", 1),
                    as_written=item.get("as_written"),
                    source=source_of(document, ("rankings", index)),
                )
            )
        gradings = tuple(
            self.grading_rule(document, ("gradings", i), item)
            for i, item in enumerate(data.get("gradings", []))
        )
        return Rules(ladders, tuple(rankings), gradings, source_of(document))

    def ladder(self, document: Document, keys: KeyPath, item: dict[str, Any]) -> Ladder:
        task_ids = []
        for index, ref in enumerate(item.get("tasks", [])):
            task = self.task(document, (*keys, "tasks", index), ref)
            if task:
                task_ids.append(task.id)
        stated_in = None
        if "stated_in" in item:
            task = self.task(document, (*keys, "stated_in"), item["stated_in"])
            stated_in = task.id if task else None
        stages: list[Stage] = []
        actions: set[str] = set()
        for index, data in enumerate(item["stages"]):
            s_keys = (*keys, "stages", index)
            stage = Stage(
                id=data["id"],
                name=data["name"],
                next_step=data.get("next_step"),
                action=data.get("action"),
                respond_within_days=data.get("respond_within_days"),
                lapses=data.get("lapses"),
            )
            if stage.action and stage.lapses:
                self.report(
                    document,
                    (*s_keys, "lapses"),
                    "a stage is entered by an action or by a lapse, not both",
                )
            if any(s.id == stage.id for s in stages):
                self.report(document, (*s_keys, "id"), f"stage id {stage.id!r} is used twice")
            if index == 0 and (stage.action or stage.lapses):
                self.report(
                    document,
                    s_keys,
                    "the first stage is being overdue: it takes no action and lapses nothing",
                )
            if stage.action:
                if stage.action in actions:
                    self.report(
                        document,
                        (*s_keys, "action"),
                        f"action {stage.action!r} already enters another stage",
                    )
                actions.add(stage.action)
            elif stage.respond_within_days is not None:
                self.report(
                    document,
                    (*s_keys, "respond_within_days"),
                    "only a stage entered by an action has a deadline",
                )
            if stage.lapses:
                earlier = next((s for s in stages if s.id == stage.lapses), None)
                if earlier is None or not earlier.action:
                    self.report(
                        document,
                        (*s_keys, "lapses"),
                        f"must name an earlier stage entered by an action (not {stage.lapses!r})",
                    )
            stages.append(stage)
        return Ladder(
            id=item["id"],
            name=item["name"],
            stages=tuple(stages),
            task_ids=tuple(task_ids),
            stated_in=stated_in,
            as_written=item.get("as_written"),
            source=source_of(document, keys),
            plan_id=self.rules_plan or "",
        )

    def check_ladder_coverage(self, document: Document, ladders: tuple[Ladder, ...]) -> None:
        owner: dict[str, str] = {}
        default = None
        for index, ladder in enumerate(ladders):
            if not ladder.task_ids:
                if default is not None:
                    self.report(
                        document,
                        ("ladders", index),
                        f"ladder {default!r} already covers every other task: list tasks here",
                    )
                default = default or ladder.id
            for task_id in ladder.task_ids:
                if task_id in owner:
                    self.report(
                        document,
                        ("ladders", index, "tasks"),
                        f"task {task_id.partition('/')[2]} is already covered by ladder {owner[task_id]!r}",  # noqa: E501
                    )
                owner.setdefault(task_id, ladder.id)

    def grading_rule(self, document: Document, keys: KeyPath, item: dict[str, Any]) -> GradingRule:
        task = self.task(document, (*keys, "task"), item["task"])
        for index, grade in enumerate(item["failing"]):
            if grade not in item["grades"]:
                self.report(
                    document,
                    (*keys, "failing", index),
                    f"{grade!r} is not one of the grades ({', '.join(item['grades'])})",
                )
        follow_up = item.get("follow_up")
        if follow_up and task:
            due = task.due_item(follow_up)
            if due is None or due.kind != "follow-up":
                known = ", ".join(d.id for d in task.due if d.kind == "follow-up") or "none"
                self.report(
                    document,
                    (*keys, "follow_up"),
                    f"task {task.local_id} has no follow-up deadline {follow_up!r} "
                    f"(its follow-up deadlines: {known})",
                )
        still = item.get("still_failing") or {}
        years = item.get("failing_years") or {}
        return GradingRule(
            id=item["id"],
            name=item["name"],
            task_id=task.id if task else str(item["task"]),
            grades=tuple(item["grades"]),
            failing=tuple(item["failing"]),
            follow_up=follow_up,
            still_failing_message=still.get("message"),
            failing_years=years.get("count"),
            failing_years_message=years.get("message"),
            as_written=item.get("as_written"),
            source=source_of(document, keys),
        )

    # -- records ------------------------------------------------------------------------------
    def keeper(self, document: Document) -> str | None:
        unit = document.data["unit"]
        if unit != document.path.stem:
            self.report(document, ("unit",), f"must equal the file name {document.path.stem!r}")
            return None
        if unit not in self.model.units and unit not in self.model.groups:
            self.report(document, ("unit",), f"{unit!r} is not a unit or group in org.yaml")
            return None
        return unit

    def due(
        self, document: Document, keys: KeyPath, task: Task, holder: str, due_ref: str | None
    ) -> Due | None:
        """The deadline of ``task`` that ``holder`` answers for, as a record names it."""
        mine = [d for d in task.due if holder in d.holder_ids]
        if not mine:
            self.report(
                document,
                (*keys, "unit"),
                f"{holder!r} has no obligation under task {task.local_id}",
            )
            return None
        due, problem = pick_due(task, mine, due_ref)
        if due is None:
            self.report(document, (*keys, "due"), problem or "")
        return due

    def follow_up(
        self, document: Document, keys: KeyPath, keeper: str, item: dict[str, Any]
    ) -> FollowUp | None:
        task = self.task_of(document, keys, item)
        holder = self.entity(document, (*keys, "unit"), item["unit"])
        if task is None or holder is None:
            return None
        due = self.due(document, keys, task, holder, item["due"])
        if due is None:
            return None
        if due.kind != "follow-up":
            self.report(
                document,
                (*keys, "due"),
                f"deadline {due.id!r} of task {task.local_id} is not a follow-up (kind: {due.kind})",  # noqa: E501
            )
            return None
        set_on, deadline = parse_date(item["date"]), parse_date(item["deadline"])
        assert set_on and deadline
        if deadline < set_on:
            self.report(document, (*keys, "deadline"), "is before date")
        return FollowUp(
            task_id=task.id,
            due_id=due.id,
            holder_id=holder,
            key=item["period"],
            set_on=set_on,
            deadline=deadline,
            by=keeper,
            text=item.get("text"),
            document=item.get("document"),
            source=source_of(document, keys),
        )

    def action(
        self,
        document: Document,
        keys: KeyPath,
        keeper: str,
        item: dict[str, Any],
        rules: Rules,
        follow_up_keys: set[tuple[str, str, str, str]],
    ) -> Action | None:
        task = self.task_of(document, keys, item)
        holder = self.entity(document, (*keys, "unit"), item["unit"])
        if task is None or holder is None:
            return None
        ladder = rules.ladder_for(task.id)
        if ladder is None:
            if task.plan_id not in self.broken_rules:  # a broken rules file is reported already
                self.report(
                    document,
                    (*keys, "action"),
                    f"rules.yaml has no ladder that covers task {task.local_id}",
                )
        elif item["action"] not in ladder.actions:
            known = ", ".join(ladder.actions) or "none"
            self.report(
                document,
                (*keys, "action"),
                f"ladder {ladder.id!r} has no action {item['action']!r} (its actions: {known})",
            )
        due = self.due(document, keys, task, holder, item.get("due"))
        if due is None:
            return None
        key = item.get("period", "")
        if not self.period_ok(document, keys, task, holder, due, key, follow_up_keys):
            return None
        date, respond_by = parse_date(item["date"]), parse_date(item.get("respond_by"))
        assert date
        if respond_by and respond_by < date:
            self.report(document, (*keys, "respond_by"), "is before date")
        return Action(
            action=item["action"],
            date=date,
            by=keeper,
            task_id=task.id,
            holder_id=holder,
            due_id=due.id,
            key=key,
            respond_by=respond_by,
            document=item.get("document"),
            text=item.get("text"),
            url=item.get("url"),
            source=source_of(document, keys),
        )

    def period_ok(
        self,
        document: Document,
        keys: KeyPath,
        task: Task,
        holder: str,
        due: Due,
        key: str,
        follow_up_keys: set[tuple[str, str, str, str]],
    ) -> bool:
        """Whether ``key`` names an occurrence of ``due`` for ``holder`` (reported if not)."""
        where = (*keys, "period")
        if due.kind == "follow-up":
            if (task.id, holder, due.id, key) in follow_up_keys:
                return True
            if self.follow_ups_unknown:
                return False  # a broken records or rules file may have set it: reported there
            self.report(
                document,
                where,
                f"no deadline was set for period {key!r} of follow-up {due.id!r} of task "
                f"{task.local_id} for {holder!r} (set one under follow_ups or a grade's rectify_by)",  # noqa: E501
            )
            return False
        problem = period_problem(task, due, key)
        if problem:
            self.report(document, where, problem)
            return False
        return True

    def ranking(
        self, document: Document, keys: KeyPath, keeper: str, item: dict[str, Any], rules: Rules
    ) -> Ranking | None:
        rule = rules.ranking(item["rule"])
        if rule is None:
            known = ", ".join(r.id for r in rules.rankings) or "none"
            if not self.broken_rules:  # a broken rules file is reported already
                self.report(
                    document,
                    (*keys, "rule"),
                    f"rules.yaml has no ranking rule {item['rule']!r} (ranking rules: {known})",
                )
        elif period_every(item["period"]) != rule.every:
            self.report(
                document,
                (*keys, "period"),
                f"{item['period']!r} is not a {rule.every} period (rule {rule.id!r} ranks "
                f"every {rule.every})",
            )
        scope = self.entity(document, (*keys, "scope"), item["scope"]) if "scope" in item else None
        scores: list[Score] = []
        for index, score in enumerate(item["scores"]):
            holder = self.entity(document, (*keys, "scores", index, "unit"), score["unit"])
            if holder is None:
                continue
            if any(s.holder_id == holder for s in scores):
                self.report(
                    document, (*keys, "scores", index, "unit"), f"{holder!r} is ranked twice"
                )
                continue
            scores.append(Score(holder, float(score["value"])))
        date = parse_date(item["date"])
        assert date
        return Ranking(
            rule_id=item["rule"],
            period=item["period"],
            date=date,
            by=keeper,
            scores=tuple(scores),
            scope=scope,
            document=item.get("document"),
            url=item.get("url"),
            source=source_of(document, keys),
        )

    def grading(
        self, document: Document, keys: KeyPath, keeper: str, item: dict[str, Any], rules: Rules
    ) -> tuple[Grading, list[FollowUp]]:
        rule = rules.grading(item["rule"])
        if rule is None:
            known = ", ".join(r.id for r in rules.gradings) or "none"
            if not self.broken_rules:  # a broken rules file is reported already
                self.report(
                    document,
                    (*keys, "rule"),
                    f"rules.yaml has no grading rule {item['rule']!r} (grading rules: {known})",
                )
        date = parse_date(item["date"])
        assert date
        grades: list[Grade] = []
        follow_ups: list[FollowUp] = []
        for index, data in enumerate(item["grades"]):
            g_keys = (*keys, "grades", index)
            holder = self.entity(document, (*g_keys, "unit"), data["unit"])
            if holder is None:
                continue
            if any(g.holder_id == holder for g in grades):
                self.report(document, (*g_keys, "unit"), f"{holder!r} is graded twice")
                continue
            grade = self.grade(document, g_keys, holder, data, date, rule)
            grades.append(grade)
            if rule and rule.follow_up and grade.rectify_by:
                follow_up = self.grade_follow_up(document, g_keys, keeper, grade, item, rule)
                if follow_up:
                    follow_ups.append(follow_up)
        grading = Grading(
            rule_id=item["rule"],
            year=item["year"],
            date=date,
            by=keeper,
            grades=tuple(grades),
            document=item.get("document"),
            url=item.get("url"),
            source=source_of(document, keys),
        )
        return grading, follow_ups

    def grade(
        self,
        document: Document,
        keys: KeyPath,
        holder: str,
        data: dict[str, Any],
        date: dt.date,
        rule: GradingRule | None,
    ) -> Grade:
        recheck = data.get("recheck") or {}
        grade = Grade(
            holder_id=holder,
            grade=data["grade"],
            rectify_by=parse_date(data.get("rectify_by")),
            recheck_date=parse_date(recheck.get("date")),
            recheck_grade=recheck.get("grade"),
            note=data.get("note"),
            source=source_of(document, keys),
        )
        if grade.rectify_by and grade.rectify_by < date:
            self.report(document, (*keys, "rectify_by"), "is before the inspection date")
        if grade.recheck_date and grade.recheck_date < date:
            self.report(document, (*keys, "recheck", "date"), "is before the inspection date")
        if rule is None:
            return grade
        listed = ", ".join(rule.grades)
        for where, value in (("grade",), grade.grade), (("recheck", "grade"), grade.recheck_grade):
            if value is not None and value not in rule.grades:
                self.report(
                    document, (*keys, *where), f"{value!r} is not a grade of {rule.id} ({listed})"
                )
        if not rule.is_failing(grade.grade):
            for name in ("rectify_by", "recheck"):
                if name in data:
                    self.report(
                        document, (*keys, name), f"is only for a failing grade (not {grade.grade})"
                    )
        return grade

    def grade_follow_up(
        self,
        document: Document,
        keys: KeyPath,
        keeper: str,
        grade: Grade,
        item: dict[str, Any],
        rule: GradingRule,
    ) -> FollowUp | None:
        task = self.model.tasks.get(rule.task_id)
        due = task.due_item(rule.follow_up) if task and rule.follow_up else None
        if task is None or due is None or due.kind != "follow-up":
            return None  # the rule itself is reported
        if grade.holder_id not in due.holder_ids:
            self.report(
                document,
                (*keys, "unit"),
                f"{grade.holder_id!r} does not answer for follow-up {due.id!r} of task "
                f"{task.local_id}, so no rectification deadline can be set for it",
            )
            return None
        assert grade.rectify_by
        return FollowUp(
            task_id=task.id,
            due_id=due.id,
            holder_id=grade.holder_id,
            key=str(item["year"]),
            set_on=parse_date(item["date"]) or grade.rectify_by,
            deadline=grade.rectify_by,
            by=keeper,
            text=grade.note,
            document=item.get("document"),
            source=source_of(document, (*keys, "rectify_by")),
        )

    # -- status entries of follow-up duties ---------------------------------------------------
    def follow_up_status(
        self, status_docs: list[Document], follow_up_keys: set[tuple[str, str, str, str]]
    ) -> None:
        """A status entry of a follow-up duty must answer a deadline that was really set."""
        for entry in self.model.status.values():
            task = self.model.tasks[entry.task_id]
            due = task.due_item(entry.due_id)
            if due is None or due.kind != "follow-up":
                continue
            key = (entry.task_id, entry.holder_id, entry.due_id, entry.period)
            if key in follow_up_keys or self.follow_ups_unknown:
                continue
            document, keys = _entry_place(status_docs, entry.source)
            message = (
                f"no deadline was set for period {entry.period!r} of follow-up {due.id!r} of "
                f"task {task.local_id} (data/records: follow_ups or a grade's rectify_by)"
            )
            if document is None:
                source = entry.source
                self.problems.append(Problem(source.path, source.line, 1, "period", message))
            else:
                self.report(document, (*keys, "period"), message)


def _entry_place(documents: list[Document], source: Source) -> tuple[Document | None, KeyPath]:
    for document in documents:
        if document.display != source.path:
            continue
        for index in range(len(document.data.get("obligations", []))):
            keys: KeyPath = ("obligations", index)
            if document.position(keys)[0] == source.line:
                return document, keys
    return None, ()


def _unique(
    checker: _Checker,
    items: list[tuple[Document, KeyPath, tuple[Any, ...]]],
    describe: str,
) -> None:
    first: dict[tuple[Any, ...], str] = {}
    for document, keys, key in items:
        if key in first:
            checker.report(
                document, keys, f"the same {describe} is already recorded at {first[key]}"
            )
        first.setdefault(key, f"{document.display}:{document.position(keys)[0]}")


def _all_rules(checker: _Checker, documents: list[tuple[str, Document]]) -> Rules:
    """Every plan's rules as one set; rule ids are unique across plans (records name them)."""
    parts: list[Rules] = []
    for plan_id, document in documents:
        checker.rules_plan = plan_id
        parts.append(checker.rules(document))
    checker.rules_plan = None
    seen: dict[str, str] = {}
    for (plan_id, document), part in zip(documents, parts, strict=True):
        # ladders are found by task; rankings and gradings are named by id in the records
        for kind, items in (("rankings", part.rankings), ("gradings", part.gradings)):
            for index, rule in enumerate(items):
                if rule.id in seen and seen[rule.id] != plan_id:
                    checker.report(
                        document,
                        (kind, index, "id"),
                        f"rule id {rule.id!r} is already used by plan {seen[rule.id]!r}: "
                        "records name rules by id, so ids are unique across plans",
                    )
                seen.setdefault(rule.id, plan_id)
    return Rules(
        tuple(r for p in parts for r in p.ladders),
        tuple(r for p in parts for r in p.rankings),
        tuple(r for p in parts for r in p.gradings),
        parts[0].source if len(parts) == 1 else None,
    )


def attach_supervision(
    model: Model,
    rules_documents: list[tuple[str, Document]],
    record_documents: list[Document],
    status_documents: list[Document],
    rules_broken: set[str] | bool = False,
    records_broken: bool = False,
) -> tuple[Model, list[Problem]]:
    """The model with its rules and records, and every problem found in them.

    ``rules_broken``: rules.yaml exists but failed its schema, so references to its rules are
    not reported again. ``records_broken``: a records file failed its schema; the follow-up
    deadlines it (or a broken rule) would have set are unknown, so entries that answer one are
    not reported as answering nothing.
    """
    checker = _Checker(model)
    checker.broken_rules = set(rules_broken) if isinstance(rules_broken, set) else set()
    if rules_broken is True:
        checker.broken_rules = set(model.plans)
    checker.follow_ups_unknown = bool(rules_broken) or records_broken
    rules = _all_rules(checker, rules_documents)
    follow_ups: list[FollowUp] = []
    places: list[tuple[Document, KeyPath, tuple[Any, ...]]] = []
    kept: list[tuple[Document, str]] = []
    for document in sorted(record_documents, key=lambda d: d.display):
        keeper = checker.keeper(document)
        if keeper is None:
            continue
        kept.append((document, keeper))
        for index, item in enumerate(document.data.get("follow_ups", [])):
            made = checker.follow_up(document, ("follow_ups", index), keeper, item)
            if made:
                follow_ups.append(made)
                key = (made.task_id, made.holder_id, made.due_id, made.key)
                places.append((document, ("follow_ups", index), key))
    rankings: list[Ranking] = []
    gradings: list[Grading] = []
    for document, keeper in kept:
        for index, item in enumerate(document.data.get("rankings", [])):
            keys: KeyPath = ("rankings", index)
            ranking = checker.ranking(document, keys, keeper, item, rules)
            if ranking:
                rankings.append(ranking)
        for index, item in enumerate(document.data.get("gradings", [])):
            keys = ("gradings", index)
            grading, made = checker.grading(document, keys, keeper, item, rules)
            gradings.append(grading)
            for follow_up in made:
                follow_ups.append(follow_up)
                key = (follow_up.task_id, follow_up.holder_id, follow_up.due_id, follow_up.key)
                places.append((document, keys, key))
    _unique(checker, places, "follow-up deadline (task, unit, deadline, period)")
    _unique(
        checker,
        [
            (d, ("rankings", i), (r["rule"], r.get("scope"), r["period"]))
            for d, _ in kept
            for i, r in enumerate(d.data.get("rankings", []))
        ],
        "ranking (rule, scope, period)",
    )
    _unique(
        checker,
        [
            (d, ("gradings", i), (g["rule"], g["year"]))
            for d, _ in kept
            for i, g in enumerate(d.data.get("gradings", []))
        ],
        "grading (rule, year)",
    )
    follow_up_keys = {(f.task_id, f.holder_id, f.due_id, f.key) for f in follow_ups}
    actions: list[Action] = []
    for document, keeper in kept:
        for index, item in enumerate(document.data.get("actions", [])):
            action = checker.action(
                document, ("actions", index), keeper, item, rules, follow_up_keys
            )
            if action:
                actions.append(action)
    checker.follow_up_status(status_documents, follow_up_keys)
    problems = checker.problems
    records = Records(tuple(actions), tuple(follow_ups), tuple(rankings), tuple(gradings))
    return dataclasses.replace(model, rules=rules, records=records), sorted(set(problems))
