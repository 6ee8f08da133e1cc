"""The state every rule of the rules and records files shares, and how their references to
tasks, units and deadlines are resolved (one resolver for all:
:class:`~duban.load.resolve.TaskFinder` and the model's names)."""

from __future__ import annotations

from typing import Any

from duban.load.resolve import TaskFinder
from duban.load.resolve.context import name_key
from duban.load.resolve.due_ref import period_problem, pick_due
from duban.load.strict_yaml import Document, KeyPath
from duban.model.model import Model
from duban.model.plan import Due, Task
from duban.model.problems import Problem
from duban.model.refs import OccurrenceRef


class RecordReader:
    """What every rule of the rules and records files shares: the model, the problems found so
    far, and how a reference to a task, a unit or a deadline is resolved (and reported)."""

    def __init__(self, model: Model, finder: TaskFinder):
        self.model = model
        self.problems: list[Problem] = []
        self.finder = finder
        self.rules_plan: str | None = None
        """While reading a plan's rules.yaml: that plan (task references are local to it)."""
        self.broken_rules: set[str] = set()
        """Plans whose rules.yaml failed its schema: references to their rules are not
        reported again."""
        self.office: str | None = None
        """The unit or group org.yaml names as its supervising office (may record any action)."""
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

    def period_ok(
        self,
        document: Document,
        keys: KeyPath,
        task: Task,
        holder: str,
        due: Due,
        key: str,
        follow_up_keys: set[OccurrenceRef],
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
