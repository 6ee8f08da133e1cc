"""The leaders the plans name beside their units (牵头领导, 分管领导 ...), gathered across plans.

A leader is a person the published plan names, not a unit: leaders hold no obligation, keep no
status file and are never counted among units. One person is one name (whitespace as typeset
taken out, compared after NFKC), whatever the post written beside it in each task.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from duban.model.model import Model
from duban.model.plan import Leader, Task


def leader_key(name: str) -> str:
    """How two leaders' names are compared: NFKC, without whitespace (王 健 is 王健)."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def leader_id(name: str) -> str:
    """A stable ASCII id for a leader's page (names are Chinese; file names stay portable)."""
    return "l-" + hashlib.sha256(leader_key(name).encode()).hexdigest()[:10]


@dataclass(frozen=True)
class LeaderEntry:
    """One leader across the plans: the posts and units written beside the name, and the tasks
    and sub-items that name them (a sub-item only when it names its own leaders)."""

    id: str
    name: str
    posts: tuple[str, ...]
    unit_ids: tuple[str, ...]
    task_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name}（{'、'.join(self.posts)}）" if self.posts else self.name


def own_leaders(model: Model, task: Task) -> tuple[Leader, ...]:
    """The leaders a task or sub-item names itself (not the ones it inherits)."""
    if task.parent is not None and task.leaders == model.tasks[task.parent].leaders:
        return ()
    return task.leaders


_LAST: list[tuple[Model, list[LeaderEntry]]] = []


def leaders_of(model: Model) -> list[LeaderEntry]:
    """Every leader the model's tasks name, in the order they are first named (computed once
    per model: every unit page asks)."""
    if _LAST and _LAST[0][0] is model:
        return _LAST[0][1]
    found = _gather(model)
    _LAST[:] = [(model, found)]
    return found


def _gather(model: Model) -> list[LeaderEntry]:
    found: dict[str, tuple[str, dict[str, None], dict[str, None], dict[str, None]]] = {}
    for task in model.all_in_order():
        for leader in own_leaders(model, task):
            _, posts, units, tasks = found.setdefault(
                leader_key(leader.name), (leader.name, {}, {}, {})
            )
            if leader.post:
                posts[leader.post] = None
            if leader.unit_id:
                units[leader.unit_id] = None
            tasks[task.id] = None
    return [
        LeaderEntry(leader_id(key), name, tuple(posts), tuple(units), tuple(tasks))
        for key, (name, posts, units, tasks) in found.items()
    ]


def any_leaders(model: Model) -> bool:
    return any(t.leaders for t in model.tasks.values())


def leaders_of_unit(model: Model, unit_id: str) -> list[LeaderEntry]:
    """The leaders the data says lead ``unit_id``."""
    return [e for e in leaders_of(model) if unit_id in e.unit_ids]
