"""What each job of a site's render is expected to take, so that :func:`duban.site.split.shares`
gives every process about as much work.

The figures are microseconds of one process's CPU time per occurrence the job reads, measured
job by job on repositories of ``tests/benchmarks/generate.py`` (250 units, light and heavy
profiles; docs/performance-site.md): the 台账 workbook about 110 per occurrence of the site, a
unit's page about 85 per occurrence of that unit. They only need to be right relative to each
other; a wrong guess costs time, never correctness.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from duban.evaluation.evaluate import Evaluation
from duban.site.index import Index

__all__ = ["Costs"]

# microseconds per occurrence read
CALENDARS = 45.0
OPEN_DATA = 31.0
LEDGER = 114.0
FEED = 9.0
TASK_TABLES = 2.0
HOME = 8.0
OVERDUE = 5.0
UNIT_PAGE = 85.0
HISTORY = 40.0
TASK_PAGE = 12.0
GROUP_PAGES = 73.0
PROGRESS = 7.0
SMALL = 1_000.0
"""A page that reads little (an index, a leader's page): a millisecond."""


@dataclass(frozen=True)
class Costs:
    total: int
    holders: Counter[str]
    tasks: Counter[str]
    plans: Counter[str]

    @classmethod
    def of(cls, evaluation: Evaluation, index: Index | None = None) -> Costs:
        """``index`` (h24s): the evaluation's, whose lists give the same counts without a
        pass over every occurrence."""
        holders: Counter[str] = Counter()
        tasks: Counter[str] = Counter()
        if index is not None and index.evaluation is evaluation:
            holders.update({h: len(items) for h, items in index.by_holder.items()})
            for top, items in index.by_top.items():
                tasks["/".join(top.split("/")[:2])] += len(items)
        else:
            for item in evaluation.items:
                holders.update(item.holders)
                tasks["/".join(item.task_id.split("/")[:2])] += 1
        plans: Counter[str] = Counter()
        for task, count in tasks.items():
            plans[task.split("/")[0]] += count
        return cls(len(evaluation.items), holders, tasks, plans)

    def calendars(self) -> float:
        return CALENDARS * self.total

    def open_data(self) -> float:
        return OPEN_DATA * self.total

    def ledger(self) -> float:
        return LEDGER * self.total

    def feed(self) -> float:
        return FEED * self.total

    def task_tables(self, plan: str) -> float:
        return TASK_TABLES * self.plans[plan]

    def home(self) -> float:
        return HOME * self.total

    def overdue(self) -> float:
        return OVERDUE * self.total

    def unit(self, holder: str) -> float:
        return SMALL + UNIT_PAGE * self.holders[holder]

    def history(self, holder: str) -> float:
        return HISTORY * self.holders[holder]

    def task(self, task: str) -> float:
        return SMALL + TASK_PAGE * self.tasks[task]

    def groups(self, plan: str) -> float:
        return GROUP_PAGES * self.plans[plan]

    def progress(self, plan: str) -> float:
        return PROGRESS * self.plans[plan]

    def small(self) -> float:
        return SMALL
