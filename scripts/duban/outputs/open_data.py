"""The resolved model as JSON: the open-data file of the site and ``duban export json``.

The shape is described by ``schemas/export.schema.json`` and documented in docs/open-data.md.
Builds a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from duban.evaluation.cascade import obligation_buckets
from duban.evaluation.evaluate import Evaluation
from duban.evaluation.rollup import Implementer
from duban.model.fields import field_names
from duban.model.links import Link
from duban.model.model import Model, Obligation
from duban.model.org import Group, Unit
from duban.model.plan import Task
from duban.model.refs import Source

OPEN_DATA_FORMAT = "duban-export/4"


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples and dates as plain JSON values (dates as YYYY-MM-DD)."""
    if isinstance(value, Source):
        # the data-relative file, not the message path (which depends on the working directory)
        return {"file": value.file, "line": value.line}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: jsonable(getattr(value, name)) for name in field_names(type(value))}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(jsonable(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def memberships(model: Model) -> dict[str, list[str]]:
    """For each unit or group id, the ids of the groups that list it directly."""
    result: dict[str, list[str]] = {}
    for group in model.groups.values():
        for member in group.members:
            result.setdefault(member.unit_id, []).append(group.id)
    return result


def _holder(
    holder: Unit | Group, groups_of: dict[str, list[str]], holders: set[str]
) -> dict[str, Any]:
    data = jsonable(holder)
    data["groups"] = groups_of.get(holder.id, [])
    data["holds_obligations"] = holder.id in holders
    return data


def _obligation(obligation: Obligation) -> dict[str, Any]:
    """One task x holder. Its deadlines are ``due_ids`` into the task's ``due`` (format 2 copied
    every occurrence into every obligation: a province's file grew with units x periods)."""
    return jsonable(obligation)


def _implements(links: tuple[Link, ...]) -> list[dict[str, Any]]:
    """A task's ``implements`` as the data writes it: ``to`` (``[<source>:]<plan>/<task>…``)
    and ``as_written``."""
    return [{"to": link.ref, "as_written": link.as_written} for link in links]


def _task(task: Task) -> dict[str, Any]:
    data = jsonable(task)
    data["roles"] = {role: jsonable(assignment) for role, assignment in task.roles.items()}
    data["implements"] = _implements(task.implements)
    return data


Rollup = tuple[str | None, dict[str, int]]


def obligation_rollups(model: Model, evaluation: Evaluation) -> dict[tuple[str, str], Rollup]:
    """(task, holder) -> (its roll-up bucket, its occurrences by state) as of the evaluation:
    the bucket as the local roll-up has it (evaluation/cascade.py, the one rule of rollup.py),
    so every level counts alike."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for item in evaluation.items:
        counts.setdefault((item.task_id, item.holder_id), Counter())[item.state.value] += 1
    return {
        key: (bucket, dict(counts.get(key, {})))
        for key, bucket in obligation_buckets(model, evaluation).items()
    }


def linked_row(row: Implementer) -> dict[str, Any]:
    """One row rolled up from a source, as export 4 carries it in ``linked``."""
    return {
        "target": row.target,
        "source_id": row.source_id,
        "source_name": row.source_name,
        "plan_id": row.plan_id,
        "plan_title": row.plan_title,
        "task_id": row.task_id,
        "task_label": row.task_label,
        "task_title": row.task_title,
        "holder_id": row.holder_id,
        "holder_name": row.holder_name,
        "bucket": row.bucket,
        "as_of": row.as_of.isoformat(),
        "url": row.url,
        "as_written": row.as_written,
        "via": list(row.via),
    }


def export_data(
    model: Model,
    extra: dict[str, Any] | None = None,
    *,
    evaluation: Evaluation | None = None,
    repository: tuple[str, str | None] | None = None,
    linked: Iterable[Implementer] = (),
    status: bool = True,
) -> dict[str, Any]:
    """Everything a consumer needs to rebuild the task table without reading YAML, and what an
    upper level's roll-up reads (format 4): each obligation's bucket and counts as of the
    evaluation, this repository's ``(id, name)`` and the rows it rolled up from its sources.
    ``status`` False: the ``status`` list left empty (h24l: :func:`export_json` is given it)."""
    model.require_texts("the open data")
    groups_of = memberships(model)
    holders = set(model.holders)
    rollups = obligation_rollups(model, evaluation) if evaluation is not None else {}
    obligations = []
    for obligation in model.obligations:
        data = _obligation(obligation)
        if evaluation is not None:
            bucket, counts = rollups.get((obligation.task_id, obligation.holder_id), (None, {}))
            data["bucket"], data["counts"] = bucket, counts
        obligations.append(data)
    result: dict[str, Any] = {"format": OPEN_DATA_FORMAT}
    if evaluation is not None:
        result["as_of"] = evaluation.as_of.isoformat()
    if repository is not None:
        result["repository"] = {"id": repository[0], "name": repository[1]}
    result |= {
        "plans": [jsonable(plan) for plan in model.plans_in_order()],
        "units": [_holder(u, groups_of, holders) for u in model.units.values()],
        "groups": [_holder(g, groups_of, holders) for g in model.groups.values()],
        "tasks": [_task(task) for task in model.all_in_order()],
        "obligations": obligations,
        "status": [jsonable(s) for s in model.status.values()] if status else [],
        "linked": [linked_row(row) for row in linked],
    }
    if extra:
        result.update(extra)
    return result


def compact_json(value: Any) -> str:
    """``value`` as the open data writes it: compact (a program reads it; a browser or `jq .`
    shows it indented; indenting made a province's file a third larger)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def export_json(
    model: Model,
    extra: dict[str, Any] | None = None,
    *,
    evaluation: Evaluation | None = None,
    repository: tuple[str, str | None] | None = None,
    linked: Sequence[Implementer] = (),
    status_json: str | None = None,
) -> str:
    """``status_json`` (h24l): the ``status`` list's entries already as JSON, comma-joined
    (each entry as :func:`compact_json` writes it; the site keeps them by status file): put in
    place as they are, the same bytes as the entries made here."""
    data = export_data(
        model,
        extra,
        evaluation=evaluation,
        repository=repository,
        linked=linked,
        status=status_json is None,
    )
    if status_json is None:
        return compact_json(data) + "\n"
    # a compact object is its members joined, each "key":value (json.dumps' own layout)
    members = (
        f"{compact_json(k)}:{f'[{status_json}]' if k == 'status' else compact_json(v)}"
        for k, v in data.items()
    )
    return "{" + ",".join(members) + "}\n"
