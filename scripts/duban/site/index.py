"""Occurrences and reports grouped once per build, for every page to look up its share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.evaluation.evaluate import reporters as known_reporters
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.site import newest_kept
from duban.site.lights import Tally, light_of
from duban.site.reports import ReportEntry, newest_reports, report_entries

_NEWEST = "_dbn_newest"


@dataclass(frozen=True)
class Index:
    """Occurrences and reports grouped once per build. Each page looks up its own share here;
    scanning the whole evaluation for every unit page made the build quadratic in units."""

    by_holder: dict[str, list[ItemState]]
    """Every holder's occurrences, shared duties listed under each of their holders."""
    by_task: dict[str, list[ItemState]]
    """Occurrences of each task or sub-item itself."""
    by_top: dict[str, list[ItemState]]
    """Occurrences of each task and all its sub-items (a task's row and light)."""
    model: Model
    as_of: dt.date
    evaluation: Evaluation | None = field(default=None, compare=False, repr=False)
    """h24r: the evaluation indexed (its whole tally, :meth:`tally_of`)."""

    @classmethod
    def of(cls, model: Model, evaluation: Evaluation) -> Index:
        by_holder: dict[str, list[ItemState]] = {}
        by_task: dict[str, list[ItemState]] = {}
        by_top: dict[str, list[ItemState]] = {}
        tops: dict[str, list[ItemState]] = {}  # h24ag: each task's top list, found once a task
        for item in evaluation.items:
            for holder_id in item.holders:
                by_holder.setdefault(holder_id, []).append(item)
            task_id = item.task_id
            found = by_task.get(task_id)
            if found is None:
                found = by_task[task_id] = []
                task = model.tasks.get(task_id)
                top = task.top_id if task is not None else task_id
                tops[task_id] = by_top.setdefault(top, [])
            found.append(item)
            tops[task_id].append(item)
        return cls(by_holder, by_task, by_top, model, evaluation.as_of, evaluation)

    # Reports are gathered when first asked for: each plan's index is built too, and its
    # reports (a second of a province's build each) were never read.
    @cached_property
    def reports(self) -> list[ReportEntry]:
        """Everything reported up to the evaluation's date, newest first."""
        return report_entries(self.model, self.as_of)

    @cached_property
    def reporters(self) -> set[str]:
        """h24q: the holders that had recorded anything by the date (``evaluate.reporters``),
        found once: the progress page, the units index and every plan's group pages ask."""
        return known_reporters(self.model, self.as_of)

    # h24r: the home page, the progress pages, the rankings, the units index and the group
    # pages each tallied every holder again; once per index now
    @cached_property
    def holder_tallies(self) -> dict[str, Tally]:
        """Each holder's occurrences (:attr:`by_holder`) counted by state."""
        return {h: Tally.of(items) for h, items in self.by_holder.items()}

    @cached_property
    def holder_lights(self) -> dict[str, State | None]:
        """The light of each holder's occurrences (:func:`~duban.site.lights.combine`)."""
        return {h: light_of(items) for h, items in self.by_holder.items()}

    @cached_property
    def tally(self) -> Tally:
        """Every occurrence of the indexed evaluation counted by state."""
        return Tally.of(self.evaluation.items if self.evaluation is not None else ())

    def tally_of(self, evaluation: Evaluation) -> Tally:
        """``Tally.of(evaluation.items)``: :attr:`tally` when it is the indexed evaluation."""
        if evaluation is self.evaluation:
            return self.tally
        return Tally.of(evaluation.items)

    @cached_property
    def reports_by_holder(self) -> dict[str, list[ReportEntry]]:
        found: dict[str, list[ReportEntry]] = {}
        for report in self.reports:
            found.setdefault(report.holder_id, []).append(report)
        return found

    # h24q: an incremental build renders a few unit pages and the newest reports (home, feed):
    # neither needs every report made and sorted
    def newest(self, count: int) -> list[ReportEntry]:
        """The first ``count`` of :attr:`reports`; h24aa: found once per index and count (the
        home page's key and the page ask), while serving from the last build's."""
        if "reports" in self.__dict__:
            return self.reports[:count]
        found = self.__dict__.setdefault(_NEWEST, {})
        if count not in found:
            carried = self.__dict__.get(newest_kept.SERVING)
            got = None
            if carried is not None:
                got = carried.first(count, self.model.status.values(), self.as_of)
            found[count] = got if got is not None else newest_reports(self.model, self.as_of, count)
        return list(found[count])

    def reports_of(self, holder_id: str) -> list[ReportEntry]:
        """``reports_by_holder.get(holder_id, [])``: one holder's reports, newest first."""
        if "reports_by_holder" in self.__dict__:
            return self.reports_by_holder.get(holder_id, [])
        entries = self.entries_by_holder.get(holder_id, [])
        return report_entries(self.model, self.as_of, entries)

    @cached_property
    def entries_by_holder(self) -> dict[str, list[StatusEntry]]:
        """Each holder's status entries, in the model's order (its reports are made from them;
        the page keys compare them while serving)."""
        found: dict[str, list[StatusEntry]] = {}
        for entry in self.model.status.values():
            found.setdefault(entry.holder_id, []).append(entry)
        return found
