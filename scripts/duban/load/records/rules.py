"""A plan's rules.yaml: escalation ladders, ranking rules and grading rules, each read and
checked by one function (task references are local to the plan whose rules are read)."""

from __future__ import annotations

from typing import Any

from duban.load.records.reader import RecordReader
from duban.load.resolve import source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model.supervision import GradingRule, Ladder, RankingRule, Rules, Stage


def rules(c: RecordReader, document: Document) -> Rules:
    data = document.data
    seen: dict[str, str] = {}
    for kind in ("ladders", "rankings", "gradings"):
        for index, item in enumerate(data.get(kind, [])):
            if item["id"] in seen:
                c.report(
                    document,
                    (kind, index, "id"),
                    f"rule id {item['id']!r} is already used in {seen[item['id']]}",
                )
            seen.setdefault(item["id"], kind)
    ladders = tuple(
        ladder(c, document, ("ladders", i), item) for i, item in enumerate(data.get("ladders", []))
    )
    check_ladder_coverage(c, document, ladders)
    rankings = []
    for index, item in enumerate(data.get("rankings", [])):
        task = c.task(document, ("rankings", index, "task"), item["task"])
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
        grading_rule(c, document, ("gradings", i), item)
        for i, item in enumerate(data.get("gradings", []))
    )
    return Rules(ladders, tuple(rankings), gradings, source_of(document))


def ladder(c: RecordReader, document: Document, keys: KeyPath, item: dict[str, Any]) -> Ladder:
    task_ids = []
    for index, ref in enumerate(item.get("tasks", [])):
        task = c.task(document, (*keys, "tasks", index), ref)
        if task:
            task_ids.append(task.id)
    stated_in = None
    if "stated_in" in item:
        task = c.task(document, (*keys, "stated_in"), item["stated_in"])
        stated_in = task.id if task else None
    recorded_by = []
    for index, ref in enumerate(item.get("recorded_by", [])):
        found = c.entity(document, (*keys, "recorded_by", index), ref)
        if found:
            recorded_by.append(found)
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
            to=data.get("to"),
        )
        if stage.action and stage.lapses:
            c.report(
                document,
                (*s_keys, "lapses"),
                "a stage is entered by an action or by a lapse, not both",
            )
        if any(s.id == stage.id for s in stages):
            c.report(document, (*s_keys, "id"), f"stage id {stage.id!r} is used twice")
        if index == 0 and (stage.action or stage.lapses):
            c.report(
                document,
                s_keys,
                "the first stage is being overdue: it takes no action and lapses nothing",
            )
        if stage.action:
            if stage.action in actions:
                c.report(
                    document,
                    (*s_keys, "action"),
                    f"action {stage.action!r} already enters another stage",
                )
            actions.add(stage.action)
        elif stage.respond_within_days is not None:
            c.report(
                document,
                (*s_keys, "respond_within_days"),
                "only a stage entered by an action has a deadline",
            )
        if stage.lapses:
            earlier = next((s for s in stages if s.id == stage.lapses), None)
            if earlier is None or not earlier.action:
                c.report(
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
        plan_id=c.rules_plan or "",
        recorded_by=tuple(recorded_by),
    )


def check_ladder_coverage(c: RecordReader, document: Document, ladders: tuple[Ladder, ...]) -> None:
    owner: dict[str, str] = {}
    default = None
    for index, ladder in enumerate(ladders):
        if not ladder.task_ids:
            if default is not None:
                c.report(
                    document,
                    ("ladders", index),
                    f"ladder {default!r} already covers every other task: list tasks here",
                )
            default = default or ladder.id
        for task_id in ladder.task_ids:
            if task_id in owner:
                c.report(
                    document,
                    ("ladders", index, "tasks"),
                    f"task {task_id.partition('/')[2]} is already covered by ladder {owner[task_id]!r}",  # noqa: E501
                )
            owner.setdefault(task_id, ladder.id)


def grading_rule(
    c: RecordReader, document: Document, keys: KeyPath, item: dict[str, Any]
) -> GradingRule:
    task = c.task(document, (*keys, "task"), item["task"])
    for index, grade in enumerate(item["failing"]):
        if grade not in item["grades"]:
            c.report(
                document,
                (*keys, "failing", index),
                f"{grade!r} is not one of the grades ({', '.join(item['grades'])})",
            )
    follow_up = item.get("follow_up")
    if follow_up and task:
        due = task.due_item(follow_up)
        if due is None or due.kind != "follow-up":
            known = ", ".join(d.id for d in task.due if d.kind == "follow-up") or "none"
            c.report(
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


def all_rules(checker: RecordReader, documents: list[tuple[str, Document]]) -> Rules:
    """Every plan's rules as one set; rule ids are unique across plans (records name them)."""
    parts: list[Rules] = []
    for plan_id, document in documents:
        checker.rules_plan = plan_id
        parts.append(rules(checker, document))
    checker.rules_plan = None
    seen: dict[str, str] = {}
    for (plan_id, document), part in zip(documents, parts, strict=True):
        # ladders are found by task; rankings and gradings are named by id in the records
        named: tuple[tuple[str, tuple[RankingRule | GradingRule, ...]], ...] = (
            ("rankings", part.rankings),
            ("gradings", part.gradings),
        )
        for kind, items in named:
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
