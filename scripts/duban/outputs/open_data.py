"""The resolved model as JSON: the open-data file of the site and ``duban export json``.

The shape is described by ``schemas/export.schema.json`` and documented in docs/open-data.md.
Builds a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from duban.model.model import Model, Obligation
from duban.model.org import Group, Unit
from duban.model.refs import Source

OPEN_DATA_FORMAT = "duban-export/3"


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples and dates as plain JSON values (dates as YYYY-MM-DD)."""
    if isinstance(value, Source):
        # the data-relative file, not the message path (which depends on the working directory)
        return {"file": value.file, "line": value.line}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
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


def export_data(model: Model, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a consumer needs to rebuild the task table without reading YAML."""
    groups_of = memberships(model)
    holders = set(model.holders)
    tasks = []
    for task in model.all_in_order():
        data = jsonable(task)
        data["roles"] = {role: jsonable(assignment) for role, assignment in task.roles.items()}
        tasks.append(data)
    result = {
        "format": OPEN_DATA_FORMAT,
        "plans": [jsonable(plan) for plan in model.plans_in_order()],
        "units": [_holder(u, groups_of, holders) for u in model.units.values()],
        "groups": [_holder(g, groups_of, holders) for g in model.groups.values()],
        "tasks": tasks,
        "obligations": [_obligation(o) for o in model.obligations],
        "status": [jsonable(s) for s in model.status.values()],
    }
    if extra:
        result.update(extra)
    return result


def export_json(model: Model, extra: dict[str, Any] | None = None) -> str:
    # compact: a program reads it (a browser or `jq .` shows it indented); indenting made a
    # province's file a third larger
    text = json.dumps(export_data(model, extra), ensure_ascii=False, separators=(",", ":"))
    return text + "\n"
