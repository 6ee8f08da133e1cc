"""The rows other repositories feed into this one's roll-ups: from each source's export (its copy
in the cache, or a local folder read in place), an :class:`Implementer` for every obligation of a
task that implements a task here, directly or through a chain of the source's own links, and for
every row the source itself rolled up from below (its ``linked``) whose chain leads up here.

``federated_implementers`` gives them as one mapping target -> rows, the shape the local
roll-up (evaluation/cascade.py) has, so the site and ``duban check`` take both alike
(``evaluation.cascade.merged``). Buckets are the source's own (rollup.obligation_bucket at
its export's date), never recomputed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from duban.evaluation.rollup import Implementer
from duban.model.federation import ChildExport, Feed, LinkedRow
from duban.model.links import REF, parse_link
from duban.outputs.urls import https_url, item_anchor, page_url, task_page

Rows = dict[str, list[Implementer]]
MAX_CHAIN = 20
"""Links followed inside one source before a chain is given up (a cycle the source let through)."""


def task_url(site: str | None, task_id: str, directory_urls: bool = False) -> str | None:
    """The https page of ``task_id`` (``<plan>/<task>[/<item>]``) on a duban site at ``site``,
    else None (no site, not https, or not a task reference)."""
    base = https_url(site)
    if base is None or REF.fullmatch(task_id) is None:
        return None
    anchor = item_anchor(task_id)
    page = page_url(task_page(task_id), directory_urls).removeprefix("./")
    url = base.rstrip("/") + "/" + page
    return f"{url}#{anchor}" if anchor else url


Reach = list[tuple[str, str | None, tuple[str, ...]]]


def _ancestors(task_id: str) -> list[str]:
    """``p/t/i/j`` -> ``p/t/i``, ``p/t`` (the tasks a sub-item is part of)."""
    parts = task_id.split("/")
    return ["/".join(parts[:depth]) for depth in range(len(parts) - 1, 1, -1)]


def _upward(export: ChildExport, here: str) -> dict[str, Reach]:
    """For each task of the source: the targets here its links lead to (its own, and those of
    the tasks it is a sub-item of), with the as-written text of the link that reaches here and
    the source's tasks passed on the way, from the target down (as evaluation/cascade.py)."""
    memo: dict[str, Reach] = {}

    def reach(task_id: str, path: tuple[str, ...]) -> Reach:
        if task_id in memo:
            return memo[task_id]
        found: Reach = []
        if task_id not in export.tasks or task_id in path or len(path) > MAX_CHAIN:
            return found
        links = [
            link
            for key in (task_id, *_ancestors(task_id))
            if key in export.tasks
            for link in export.tasks[key].implements
        ]
        seen: set[str] = set()
        for to, as_written in links:
            link = parse_link(to)
            if link is None:
                continue
            if link.source == here:
                if link.target not in seen:
                    seen.add(link.target)
                    found.append((link.target, as_written, ()))
            elif link.is_local:
                for target, written, via in reach(link.target, (*path, task_id)):
                    if target not in seen:
                        seen.add(target)
                        found.append((target, written, (*via, link.target)))
        memo[task_id] = found
        return found

    for task_id in export.tasks:
        reach(task_id, ())
    return memo


def federated_implementers(here: str | None, feeds: Iterable[Feed]) -> Rows:
    """Target here -> the rows every source's copy gives it (none without ``here``: no
    repository id, no lower plan can name this one)."""
    rows: Rows = {}
    if not here:
        return rows
    for feed in feeds:
        export = feed.export
        if export is None or export.outdated or export.as_of is None:
            continue
        up = _upward(export, here)
        prefix = f"{feed.source_id}:"
        for obligation in export.obligations:
            task = export.tasks.get(obligation.task_id)
            if task is None:
                continue
            for target, as_written, via in up.get(obligation.task_id, ()):
                _add(
                    rows,
                    Implementer(
                        target=target,
                        source_id=feed.source_id,
                        source_name=feed.source_name,
                        plan_id=task.plan_id,
                        plan_title=export.plans.get(task.plan_id, task.plan_id),
                        task_id=task.id.partition("/")[2],
                        task_label=task.label,
                        task_title=task.title,
                        holder_id=obligation.holder_id,
                        holder_name=export.holders.get(obligation.holder_id, obligation.holder_id),
                        bucket=obligation.bucket,
                        as_of=export.as_of,
                        url=task_url(feed.site, task.id),
                        as_written=as_written,
                        via=tuple(prefix + v for v in via),
                    ),
                )
        for row in export.linked:
            if _loops(row, here):
                continue
            for target, as_written, via in _targets_of(up, row.target):
                _add(rows, _relayed(row, target, as_written, (*via, row.target), prefix))
    return rows


def _targets_of(up: Mapping[str, Reach], target: str) -> Reach:
    """Where a row the source rolled up under its task ``target`` leads here (a sub-item of the
    source's that it does not list counts under the task it is part of)."""
    for key in (target, *_ancestors(target)):
        if key in up:
            return up[key]
    return []


def _loops(row: LinkedRow, here: str) -> bool:
    """A row that came from here, or passed through here, on its way up: counted once already."""
    return row.source_id == here or any(v.startswith(f"{here}:") for v in row.via)


def _relayed(
    row: LinkedRow, target: str, as_written: str | None, chain: tuple[str, ...], prefix: str
) -> Implementer:
    return Implementer(
        target=target,
        source_id=row.source_id,
        source_name=row.source_name,
        plan_id=row.plan_id,
        plan_title=row.plan_title,
        task_id=row.task_id,
        task_label=row.task_label,
        task_title=row.task_title,
        holder_id=row.holder_id,
        holder_name=row.holder_name,
        bucket=row.bucket,
        as_of=row.as_of,
        url=row.url,
        as_written=row.as_written,
        via=(*(prefix + v for v in chain), *row.via),
    )


def _add(rows: Rows, row: Implementer) -> None:
    """Under its target and every task the target is a sub-item of (as evaluation/cascade.py)."""
    for key in (row.target, *_ancestors(row.target)):
        rows.setdefault(key, []).append(row)


def rows_by_target(rows: Iterable[Implementer]) -> Rows:
    """Rows given once each (``Settings.federated``, export 4's ``linked``) as the mapping
    target -> rows again, a sub-item's rows under every task above it too."""
    result: Rows = {}
    for row in rows:
        _add(result, row)
    return result


def rolled_up_rows(rows: Mapping[str, Sequence[Implementer]]) -> list[Implementer]:
    """Every row once (an item's rows also stand under its task): what export 4's ``linked``
    carries, so the level above sees the level below this one's sources."""
    seen: set[int] = set()
    result = []
    for found in rows.values():
        for row in found:
            if id(row) not in seen and row.source_id:
                seen.add(id(row))
                result.append(row)
    return result
