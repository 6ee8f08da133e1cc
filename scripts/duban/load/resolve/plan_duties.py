"""Plan-wide duties and rules (``duties`` and ``task_rules`` of plan.yaml), expanded into tasks.

A plan often says once what many units must do: 各牵头单位要于每季度末月20日前将牵头任务推进情况
报送… (a *duty*: one obligation per holder, however many tasks it leads), or 凡标注“长期坚持”
“持续推进”的任务，每年年底前对照检查落实情况 (a *rule*: one more deadline on every task of a kind).

* A duty becomes a deadline of the plan's own task ``<plan>/plan`` (:data:`PLAN_TASK`), with the
  duty's id as its deadline id; its holders come from the roles of the tasks in scope
  (``holders: {each: lead}``) or from units named (``holders: {units: [...]}``). Since the
  holders are one deadline's holders, each is counted once, and everything downstream (status
  entries ``task: plan``, the evaluation, every output) treats it as any task's deadline.
* A rule adds a deadline (the rule's id) to every task or sub-item that holds a deadline of one
  of the kinds it names, held by the holders of those deadlines: it counts once per task.

The deadline of a duty or rule is built once (its problems reported once, at plan.yaml); each
task it lands on gets a copy with its own holders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from duban.load.resolve.context import Report, source_of
from duban.load.resolve.dues import DueContext, build_due
from duban.load.resolve.org import Org, Window, union
from duban.load.strict_yaml import Document, KeyPath
from duban.model.plan import PLAN_TASK, ROLES, Due, Plan, RoleAssignment, Task


@dataclass(frozen=True)
class Rule:
    """A plan-wide rule: its deadline (holders empty), the kinds it attaches to, its scope."""

    due: Due
    having: frozenset[str]
    tasks: frozenset[str] | None
    sections: frozenset[int] | None

    def matches(self, task_local_id: str, section: int, dues: Iterable[Due]) -> tuple[str, ...]:
        """The holders the rule's deadline gets on this task (none: it does not apply)."""
        if self.tasks is not None and task_local_id.split("/")[0] not in self.tasks:
            return ()
        if self.sections is not None and section not in self.sections:
            return ()
        held: dict[str, None] = {}
        for due in dues:
            if due.kind in self.having:
                held.update(dict.fromkeys(due.holder_ids))
        return tuple(held)


def _no_task_keys(ctx: DueContext, item: dict[str, Any]) -> None:
    for key in ("id", "applies_to"):
        if key in item:
            ctx.problem((key,), "is not used here: the duty's own id and holders say it")


def _build(report: Report, doc: Document, keys: KeyPath, plan: Plan, entry: dict[str, Any]) -> Due:
    ctx = DueContext(report, doc, (*keys, "due"), plan)
    _no_task_keys(ctx, entry["due"])
    item = dict(entry["due"])
    if "as_written" not in item and "as_written" in entry:
        item["as_written"] = entry["as_written"]
    return build_due(ctx, item, entry["id"], ())


def read_rules(report: Report, doc: Document | None, plan: Plan) -> tuple[Rule, ...]:
    """The ``task_rules`` of plan.yaml (none when the plan has none)."""
    if doc is None:
        return ()
    rules = []
    seen: set[str] = set()
    for index, entry in enumerate(doc.data.get("task_rules", [])):
        keys: KeyPath = ("task_rules", index)
        if entry["id"] in seen:
            report(doc, (*keys, "id"), f"two rules have the id {entry['id']!r}: rename one")
        seen.add(entry["id"])
        _check_sections(report, doc, keys, plan, entry)
        rules.append(
            Rule(
                due=_build(report, doc, keys, plan, entry),
                having=frozenset(entry["having"]),
                tasks=frozenset(entry["tasks"]) if "tasks" in entry else None,
                sections=frozenset(entry["sections"]) if "sections" in entry else None,
            )
        )
    return tuple(rules)


def apply_rules(
    report: Report, doc: Document, keys: KeyPath, task_local_id: str, section: int,
    dues: tuple[Due, ...], rules: tuple[Rule, ...],
) -> tuple[Due, ...]:  # fmt: skip
    """The rules' deadlines this task or sub-item gets, each with its holders."""
    added = []
    ids = {d.id for d in dues}
    for rule in rules:
        holders = rule.matches(task_local_id, section, dues)
        if not holders:
            continue
        if rule.due.id in ids:
            report(
                doc,
                (*keys, "due"),
                f"deadline id {rule.due.id!r} is also the id of a rule in plan.yaml: rename one",
            )
            continue
        # a duty the holders share (shared: any / all) is checked as one too
        shared = {d.shared for d in dues if d.kind in rule.having}
        one = shared.pop() if len(shared) == 1 else None
        added.append(replace(rule.due, holder_ids=holders, from_rule=True, shared=one))
    return tuple(added)


def _check_sections(
    report: Report, doc: Document, keys: KeyPath, plan: Plan, scope: dict[str, Any]
) -> None:
    for i, number in enumerate(scope.get("sections", [])):
        if plan.section(number) is None:
            known = ", ".join(str(s.number) for s in plan.sections)
            report(doc, (*keys, "sections", i), f"there is no section {number} (sections: {known})")


def _scoped(plan: Plan, tasks: dict[str, Task], scope: dict[str, Any]) -> list[Task]:
    wanted_tasks = set(scope["tasks"]) if "tasks" in scope else None
    wanted_sections = set(scope["sections"]) if "sections" in scope else None
    result = []
    for task in tasks.values():
        if task.plan_id != plan.id:
            continue
        if wanted_tasks is not None and task.local_id.split("/")[0] not in wanted_tasks:
            continue
        if wanted_sections is not None and task.section not in wanted_sections:
            continue
        result.append(task)
    return result


def _holders(
    org: Org,
    plan: Plan,
    tasks: dict[str, Task],
    windows: dict[str, dict[str, Window]],
    holders: dict[str, Any],
    refs_written: list[str],
) -> dict[str, Window]:
    if "units" in holders:
        return org.holders_of(refs_written)
    scoped = _scoped(plan, tasks, holders)
    if holders["each"] == "holders":
        result: dict[str, Window] = {}
        for task in scoped:
            bound = windows.get(task.id, {})
            for due in task.due:
                for holder in due.holder_ids:
                    result[holder] = union(result.get(holder), bound.get(holder, (None, None)))
        return result
    refs = dict.fromkeys(r for task in scoped for r in task.roles[holders["each"]].ref_ids)
    return org.holders_of(refs)


def build_plan_task(
    report: Report,
    org: Org,
    doc: Document | None,
    plan: Plan,
    tasks: dict[str, Task],
    windows: dict[str, dict[str, Window]],
    rank: int,
) -> Task | None:
    """The task ``<plan>/plan`` carrying the plan-wide duties (None when there are none)."""
    if doc is None or not doc.data.get("duties"):
        return None
    key = f"{plan.id}/{PLAN_TASK}"
    if key in tasks:
        report(
            doc,
            ("duties",),
            f"task id {PLAN_TASK!r} is taken by a task file: rename that task "
            "(plan-wide duties are reported as task: plan)",
        )
        return None
    known_tasks = {t.local_id for t in tasks.values() if t.plan_id == plan.id and not t.parent}
    dues = []
    bound: dict[str, Window] = {}
    seen: set[str] = set()
    for index, entry in enumerate(doc.data["duties"]):
        keys: KeyPath = ("duties", index)
        if entry["id"] in seen:
            report(doc, (*keys, "id"), f"two duties have the id {entry['id']!r}: rename one")
        seen.add(entry["id"])
        scope = entry["holders"]
        if ("each" in scope) == ("units" in scope):
            report(
                doc,
                (*keys, "holders"),
                "write either each (lead, responsible or holders) or units, not both",
            )
            continue
        if "units" in scope and ("tasks" in scope or "sections" in scope):
            report(doc, (*keys, "holders"), "tasks and sections go with each, not with units")
        _check_sections(report, doc, (*keys, "holders"), plan, scope)
        for i, local in enumerate(scope.get("tasks", [])):
            if local not in known_tasks:
                report(doc, (*keys, "holders", "tasks", i), f"there is no task {local!r}")
        refs = [
            r
            for i, phrase in enumerate(scope.get("units", []))
            if (r := org.resolve(doc, (*keys, "holders", "units", i), phrase)) is not None
        ]
        held = _holders(org, plan, tasks, windows, scope, refs)
        left_out = [
            r
            for i, phrase in enumerate(scope.get("except", []))
            if (r := org.resolve(doc, (*keys, "holders", "except", i), phrase)) is not None
        ]
        for holder in org.holders_of(left_out):
            held.pop(holder, None)
        if not held:
            report(doc, (*keys, "holders"), "names no unit: no task in its scope has such a role")
        for holder, window in held.items():
            bound[holder] = union(bound.get(holder), window)
        due = _build(report, doc, keys, plan, entry)
        dues.append(replace(due, holder_ids=tuple(held)))
    windows[key] = bound
    text = "\n".join(
        e.get("as_written") or e["due"].get("label") or e["id"] for e in doc.data["duties"]
    )
    labels = [e["due"].get("label") or e.get("as_written") or e["id"] for e in doc.data["duties"]]
    empty = RoleAssignment((), (), ())
    return Task(
        id=key,
        number=0,
        section=0,
        title="；".join(labels),
        text=text,
        roles={role: empty for role in ROLES},
        deadline_as_written="；".join(
            e["due"].get("as_written") or e.get("as_written") or "" for e in doc.data["duties"]
        ).strip("；")
        or None,
        due=tuple(dues),
        source=source_of(doc, ("duties",)),
        plan_id=plan.id,
        local_id=PLAN_TASK,
        label="",
        order=(rank, 1_000_000, 0),
    )
