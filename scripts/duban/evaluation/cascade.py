"""Local roll-ups of cascading plans: the obligations below that implement each upper task.

A task or sub-item that says ``implements: <plan>/<task>[/<item>]`` (a lower plan's task
carrying out an upper plan's, both in this data folder) puts every obligation of itself and of
its sub-items under that upper task, each as one :class:`~duban.evaluation.rollup.Implementer`
whose bucket is :func:`~duban.evaluation.rollup.obligation_bucket` of the obligation's
occurrences (state, reported), as of the evaluation's date.

The mapping :func:`local_implementers` returns is keyed by the upper task (``<plan>/<task>``) and
by the upper sub-item (``<plan>/<task>/<item>``): a row that implements a sub-item also counts
under its task (and under every sub-item above it). Links are followed down: if C implements B
and B implements A, C's rows appear under A with ``via=(B,)``; ``via`` lists the intermediate
implementing tasks (or sub-items, the ones that declare the link) from the target downwards, so
D -> C -> B -> A gives D's rows under A ``via=(B, C)``. An obligation reached along two paths
counts once under a target, along the shortest. A local row has ``source_id == ""`` and no
``url``: the site links it to its task page itself. Rows from other repositories (h20b) are
added to the same mapping with :func:`merged`.

:func:`task_buckets` gives each task's (and sub-item's) OWN obligations by bucket, what a parent
repository compares its roll-up with (``duban check --format json``: ``tasks``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from duban.evaluation.evaluate import Evaluation, State
from duban.evaluation.rollup import (
    NOT_REPORTED,
    OVERDUE,
    Implementer,
    bucket_counts,
    obligation_bucket,
)
from duban.model.model import Model, Obligation, descendants
from duban.model.org import display_name
from duban.model.plan import Task

Implementers = dict[str, list[Implementer]]
"""Upper task or sub-item (``<plan>/<task>[/<item>]``) -> the obligations implementing it."""

LATE = (NOT_REPORTED, OVERDUE)
"""The buckets ``--include-linked`` lists under an upper task."""


def obligation_buckets(model: Model, evaluation: Evaluation) -> dict[tuple[str, str], str | None]:
    """Each obligation's bucket, keyed (task key, holder id) as :class:`Obligation` names it."""
    occurrences: dict[tuple[str, str], list[tuple[State, bool]]] = {}
    key: tuple[str, str] | None = None
    found: list[tuple[State, bool]] = []
    for item in evaluation.items:  # an obligation's occurrences come one after another
        here = (item.task_id, item.holder_id)
        if here != key:
            key = here
            found = occurrences.setdefault(here, [])
        found.append((item.state, item.entry is not None))
    return {
        (o.task_id, o.holder_id): obligation_bucket(occurrences.get((o.task_id, o.holder_id), ()))
        for o in model.obligations
    }


def _by_task(model: Model) -> dict[str, list[Obligation]]:
    found: dict[str, list[Obligation]] = {}
    for obligation in model.obligations:
        found.setdefault(obligation.task_id, []).append(obligation)
    return found


def _subtree(model: Model, key: str) -> list[str]:
    return [key, *descendants(model.tasks, key)]


def task_buckets(
    model: Model,
    evaluation: Evaluation,
    buckets: dict[tuple[str, str], str | None] | None = None,
) -> dict[str, dict[str, int]]:
    """Every task and sub-item with obligations in it -> its own obligations by bucket (those
    of its sub-items included), in plan order."""
    if buckets is None:
        buckets = obligation_buckets(model, evaluation)
    by_task = _by_task(model)
    result = {}
    for task in model.all_in_order():
        keys = _subtree(model, task.id)
        found = [buckets[o.task_id, o.holder_id] for k in keys for o in by_task.get(k, ())]
        if found:
            result[task.id] = bucket_counts(found)
    return result


class _Rollup:
    """Rows under each local target, following links down (memoised; the links are acyclic:
    the validator refuses circles)."""

    def __init__(self, model: Model, evaluation: Evaluation) -> None:
        self.model = model
        self.as_of = evaluation.as_of
        self.buckets = obligation_buckets(model, evaluation)
        self.by_task = _by_task(model)
        self.holder_rank = {h: i for i, h in enumerate({**model.holders, **model.groups})}
        self.links = [
            (task, link)
            for task in model.all_in_order()
            for link in task.implements
            if link.is_local and link.target in model.tasks
        ]
        self.memo: dict[str, list[Implementer]] = {}
        self.visiting: set[str] = set()

    def direct(self, node: Task, target: str, as_written: str | None) -> list[Implementer]:
        """One row per obligation of ``node`` and its sub-items, counted under ``target``."""
        model = self.model
        plan = model.plans[node.plan_id]
        rows = []
        for key in _subtree(model, node.id):
            task = model.tasks[key]
            for obligation in self.by_task.get(key, ()):
                holder = obligation.holder_id
                rows.append(
                    Implementer(
                        target=target,
                        source_id="",
                        source_name="",
                        plan_id=plan.id,
                        plan_title=plan.display_name,
                        task_id=task.local_id,
                        task_label=task.label,
                        task_title=task.title,
                        holder_id=holder,
                        holder_name=display_name(model.entity(holder), holder),
                        bucket=self.buckets[key, holder],
                        as_of=self.as_of,
                        as_written=as_written,
                    )
                )
        return rows

    def under(self, key: str) -> list[Implementer]:
        """The rows under ``key``: links to it or to any sub-item of it, followed down."""
        if key in self.memo:
            return self.memo[key]
        if key in self.visiting:  # a circle the validator let through: stop rather than loop
            return []
        self.visiting.add(key)
        prefix = key + "/"
        rows: list[Implementer] = []
        for node, link in self.links:
            target = link.target
            if target != key and not target.startswith(prefix):
                continue
            rows += self.direct(node, target, link.as_written)
            rows += [replace(r, target=target, via=(node.id, *r.via)) for r in self.under(node.id)]
        self.visiting.discard(key)
        self.memo[key] = self.ordered(_once(rows))
        return self.memo[key]

    def ordered(self, rows: list[Implementer]) -> list[Implementer]:
        tasks = self.model.tasks

        def order(row: Implementer) -> tuple[object, ...]:
            task = tasks.get(f"{row.plan_id}/{row.task_id}")
            return (
                len(row.via),
                task.order if task is not None else (),
                self.holder_rank.get(row.holder_id, 0),
            )

        return sorted(rows, key=order)


def _once(rows: list[Implementer]) -> list[Implementer]:
    """Each obligation once: the first row (fewest steps) of each (source, plan, task, holder)."""
    best: dict[tuple[str, str, str, str], Implementer] = {}
    for row in rows:
        key = (row.source_id, row.plan_id, row.task_id, row.holder_id)
        kept = best.get(key)
        if kept is None or len(row.via) < len(kept.via):
            best[key] = row
    return list(best.values())


def local_implementers(model: Model, evaluation: Evaluation) -> Implementers:
    """Every local target (and each task above a sub-item target) -> its implementing rows.

    ``model`` and ``evaluation`` are the whole data folder's (not one plan's view): a lower
    plan's rows are needed on the upper plan's pages."""
    if not any(link.is_local for task in model.tasks.values() for link in task.implements):
        return {}  # no links: nothing to evaluate again (a province's 100,000 occurrences)
    rollup = _Rollup(model, evaluation)
    keys: dict[str, None] = {}
    for _, link in rollup.links:
        parts = link.target.split("/")
        for depth in range(2, len(parts) + 1):
            keys["/".join(parts[:depth])] = None
    result = {}
    for key in keys:
        rows = rollup.under(key)
        if rows:
            result[key] = rows
    return dict(sorted(result.items(), key=lambda kv: model.tasks[kv[0]].order))


def merged(*mappings: Mapping[str, Iterable[Implementer]]) -> Implementers:
    """Several mappings (local rows, each source's rows) as one, rows of each key in order."""
    result: Implementers = {}
    for mapping in mappings:
        for key, rows in mapping.items():
            result.setdefault(key, []).extend(rows)
    return result


def rollup_counts(implementers: Mapping[str, Iterable[Implementer]]) -> dict[str, dict[str, int]]:
    """Each target's rows by bucket (every bucket named, zeros included)."""
    return {key: bucket_counts(r.bucket for r in rows) for key, rows in implementers.items()}


def late_below(
    implementers: Mapping[str, Iterable[Implementer]], tasks_only: bool = True
) -> dict[str, list[Implementer]]:
    """The overdue and not-reported rows under each upper task (``tasks_only``: keyed by task,
    a sub-item's rows being under its task too), targets with none left out."""
    result = {}
    for key, rows in implementers.items():
        if tasks_only and key.count("/") != 1:
            continue
        late = [r for r in rows if r.bucket in LATE]
        if late:
            result[key] = late
    return result


@dataclass(frozen=True)
class LinkedReport:
    """What ``duban check`` and the 通报 say about the links: each task's own buckets, each
    upper task's roll-up and (``--include-linked``) the late rows under each upper task."""

    tasks: dict[str, dict[str, int]]
    """Every task and sub-item with obligations -> its own obligations by bucket."""
    linked: dict[str, dict[str, int]]
    """Every upper task and sub-item with rows below -> the rows by bucket."""
    late: dict[str, list[Implementer]] | None = None
    """Upper task -> its overdue and not-reported rows below (None: not asked for)."""
    headings: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Upper task -> (its plan's name, its label and title), for the printed lists."""


def linked_report(
    model: Model,
    evaluation: Evaluation,
    implementers: Mapping[str, Iterable[Implementer]] | None = None,
    include_late: bool = False,
) -> LinkedReport:
    """The links' part of the check report; ``implementers``: the rows to roll up (default:
    this data folder's own, :func:`local_implementers`)."""
    rows = local_implementers(model, evaluation) if implementers is None else implementers
    late = late_below(rows) if include_late else None
    headings = {
        key: (model.plans[task.plan_id].display_name, task.heading)
        for key in (late or {})
        if (task := model.tasks.get(key)) is not None
    }
    return LinkedReport(task_buckets(model, evaluation), rollup_counts(rows), late, headings)
