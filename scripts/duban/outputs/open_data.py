"""The resolved model as JSON: the open-data file of the site and ``duban export json``.

The shape is described by ``schemas/export.schema.json`` and documented in docs/open-data.md.
Builds a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.evaluation.rollup import Implementer, obligation_bucket
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


def rollup_of(items: Sequence[ItemState]) -> Rollup:
    """One obligation's roll-up bucket and its occurrences by state, from its occurrences (the
    one rule of rollup.py, as the local roll-up has it: evaluation/cascade.py), so every level
    counts alike; no occurrence: (None, {})."""
    bucket = obligation_bucket((item.state, item.entry is not None) for item in items)
    return bucket, dict(Counter(item.state.value for item in items))


def occurrences_by_obligation(
    items: Iterable[ItemState],
) -> dict[tuple[str, str], list[ItemState]]:
    """(task, holder) -> its occurrences among ``items``, in their order."""
    found: dict[tuple[str, str], list[ItemState]] = {}
    for item in items:
        found.setdefault((item.task_id, item.holder_id), []).append(item)
    return found


def obligation_rollups(model: Model, evaluation: Evaluation) -> dict[tuple[str, str], Rollup]:
    """(task, holder) -> :func:`rollup_of` its occurrences as of the evaluation."""
    items = occurrences_by_obligation(evaluation.items)
    return {
        (o.task_id, o.holder_id): rollup_of(items.get((o.task_id, o.holder_id), ()))
        for o in model.obligations
    }


def obligation_data(obligation: Obligation, rollup: Rollup | None) -> dict[str, Any]:
    """One task x holder as the open data lists it, with its bucket and counts when evaluated.
    Its deadlines are ``due_ids`` into the task's ``due`` (format 2 copied every occurrence
    into every obligation: a province's file grew with units x periods)."""
    data = jsonable(obligation)
    if rollup is not None:
        data["bucket"], data["counts"] = rollup
    return data


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
    placed: Collection[str] = (),
) -> dict[str, Any]:
    """Everything a consumer needs to rebuild the task table without reading YAML, and what an
    upper level's roll-up reads (format 4): each obligation's bucket and counts as of the
    evaluation, this repository's ``(id, name)`` and the rows it rolled up from its sources.
    ``status`` False: the ``status`` list left empty (h24l: :func:`export_json` is given it);
    ``placed`` (h24ac): the lists of these members left empty, not made, likewise."""
    model.require_texts("the open data")
    groups_of = memberships(model)
    holders = set(model.holders)

    def obligations() -> list[dict[str, Any]]:
        if evaluation is None:
            return [obligation_data(o, None) for o in model.obligations]
        rollups = obligation_rollups(model, evaluation)
        return [obligation_data(o, rollups[o.task_id, o.holder_id]) for o in model.obligations]

    lists: dict[str, Callable[[], list[Any]]] = {
        "plans": lambda: [jsonable(plan) for plan in model.plans_in_order()],
        "units": lambda: [_holder(u, groups_of, holders) for u in model.units.values()],
        "groups": lambda: [_holder(g, groups_of, holders) for g in model.groups.values()],
        "tasks": lambda: [_task(task) for task in model.all_in_order()],
        "obligations": obligations,
        "status": lambda: [jsonable(s) for s in model.status.values()] if status else [],
        "linked": lambda: [linked_row(row) for row in linked],
    }
    result: dict[str, Any] = {"format": OPEN_DATA_FORMAT}
    if evaluation is not None:
        result["as_of"] = evaluation.as_of.isoformat()
    if repository is not None:
        result["repository"] = {"id": repository[0], "name": repository[1]}
    result |= {name: [] if name in placed else made() for name, made in lists.items()}
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
    placed: Mapping[str, str] | None = None,
) -> str:
    """``status_json`` (h24l): the ``status`` list's entries already as JSON, comma-joined
    (each entry as :func:`compact_json` writes it; the site keeps them by status file): put in
    place as they are, the same bytes as the entries made here. ``placed`` (h24ac): any of the
    top-level lists so, by member (the site's open data marks where its pieces go)."""
    given = dict(placed or {})
    if status_json is not None:
        given["status"] = status_json
    data = export_data(
        model,
        extra,
        evaluation=evaluation,
        repository=repository,
        linked=linked,
        placed=given,
    )
    if not given:
        return compact_json(data) + "\n"
    # a compact object is its members joined, each "key":value (json.dumps' own layout)
    members = (
        f"{compact_json(k)}:{f'[{given[k]}]' if k in given else compact_json(v)}"
        for k, v in data.items()
    )
    return "{" + ",".join(members) + "}\n"
