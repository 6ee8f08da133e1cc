"""What the pages show of cascading plans: the tasks below an upper task, and the way up.

The rows come from one mapping, upper task or sub-item -> :class:`Implementer` (see
:mod:`duban.evaluation.cascade`), given to the site as a whole
(:attr:`duban.site.context.Context.implementers`): this data folder's own rows by default, and
any rows read from other repositories beside them (``source_id`` set; their text is untrusted,
escaped by the templates, and their links are kept only when https). A source's name and
site address come from :class:`LinkedSource` (``Context.sources``), which also makes a lower
task's link up to a task of another repository.

On the upper task's page: the roll-up (a count per bucket) and a table of the implementing
obligations; beyond ``Settings.summary_rows`` rows (a province) the table is replaced by one
row per source and plan with its counts, and the rows stay on the lower tasks' own pages.
Tables of rows are kept out of the search index (``data-search-exclude`` on the ``table``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

from duban.evaluation.rollup import BUCKETS, Implementer, bucket_counts
from duban.i18n.locale import Locale
from duban.load.federation_config import FederationConfig
from duban.model.federation import INVALID, OK, OUTDATED, STALE, SourceHealth
from duban.model.model import Model
from duban.model.plan import Task
from duban.outputs import federation, urls
from duban.site.env import https_url

BUCKET_LIGHT = {
    "done": "done-on-time",
    "done_late": "done-late",
    "overdue": "overdue",
    "not_reported": "overdue",
    "ongoing": "ongoing",
    "open": "not-due",
}
"""The light each roll-up bucket is drawn with (its word is its own: :func:`bucket_words`)."""


def bucket_words(t: Locale) -> dict[str, str]:
    """The site's word for each roll-up bucket."""
    return {
        "done": t.cascade.done,
        "done_late": t.cascade.done_late,
        "overdue": t.cascade.overdue,
        "not_reported": t.cascade.not_reported,
        "ongoing": t.cascade.ongoing,
        "open": t.cascade.open,
    }


@dataclass(frozen=True)
class LinkedSource:
    """Another repository whose rows appear here, or whose tasks this one's implement."""

    id: str
    name: str
    site_url: str | None = None
    """Its published site (https only): links to its task pages; None: no links."""
    directory_urls: bool = False
    """Whether that site uses ``use_directory_urls`` (duban's sites do not)."""

    def task_url(self, target: str) -> str | None:
        """The https address of ``<plan>/<task>[/<item>]`` on that site, when it is known."""
        return federation.task_url(self.site_url, target, self.directory_urls)


def linked_sources(config: FederationConfig) -> dict[str, LinkedSource]:
    """The other repositories the pages name: the sources (their rows below) and the upper
    sites (a task's link up, ``upper`` in data/federation.yaml)."""
    found = {u.id: LinkedSource(u.id, u.name, u.site) for u in config.upper}
    found |= {s.id: LinkedSource(s.id, s.name, s.site) for s in config.sources}
    return found


@dataclass(frozen=True)
class RowView:
    """One implementing obligation as a table row shows it."""

    row: Implementer
    origin: str
    """The source's name (another repository) and the plan's name."""
    href: str | None
    """The implementing task's page: relative here, https on another site, else None."""
    holder_href: str | None
    as_of: dt.date | None
    """The date of its data when not this build's (数据截至)."""
    via: str
    """The tasks between it and the upper task, as ``a → b`` ("" when it implements it)."""


@dataclass(frozen=True)
class OriginCount:
    """One line of a summarised roll-up: a source's plan and its rows by bucket."""

    origin: str
    counts: dict[str, int]
    total: int
    as_of: dt.date | None


@dataclass(frozen=True)
class Below:
    """The 下级落实情况 of one upper task or sub-item."""

    counts: dict[str, int]
    total: int
    rows: list[RowView]
    """Every row (empty when :attr:`origins` summarises them)."""
    origins: list[OriginCount]
    """One line per source and plan when there are too many rows for one page."""

    @property
    def summarised(self) -> bool:
        return bool(self.origins)


def _origin(row: Implementer, sources: dict[str, LinkedSource]) -> str:
    if not row.source_id:
        return row.plan_title
    source = sources.get(row.source_id)
    name = source.name if source is not None else (row.source_name or row.source_id)
    return f"{name} · {row.plan_title}"


def below(
    rows: Iterable[Implementer],
    link: urls.Linker,
    as_of: dt.date,
    sources: dict[str, LinkedSource],
    max_rows: int,
    local_holders: Container[str],
) -> Below | None:
    """The view of the rows under one target (None when there are none)."""
    listed = list(rows)
    if not listed:
        return None
    counts = bucket_counts(r.bucket for r in listed)
    total = sum(counts.values())
    if len(listed) > max_rows:
        found: dict[str, list[Implementer]] = {}
        for r in listed:
            found.setdefault(_origin(r, sources), []).append(r)
        origins = []
        for origin, group in found.items():
            n = bucket_counts(r.bucket for r in group)
            oldest = min(r.as_of for r in group)
            origins.append(
                OriginCount(origin, n, sum(n.values()), oldest if oldest != as_of else None)
            )
        return Below(counts, total, [], origins)
    names = _task_names(listed)
    views = [
        RowView(
            row=r,
            origin=_origin(r, sources),
            href=_task_href(r, link, sources),
            holder_href=link.unit(r.holder_id)
            if not r.source_id and r.holder_id in local_holders
            else None,
            as_of=r.as_of if r.as_of != as_of else None,
            via=" → ".join(names.get(step, step) for step in r.via),
        )
        for r in listed
    ]
    return Below(counts, total, views, [])


def _task_names(rows: Iterable[Implementer]) -> dict[str, str]:
    """``via`` steps (``[<source>:]<plan>/<task>``) by the label and title their own rows give:
    a county's row reaches the province through a city task that implements the same target,
    so that task's rows are among the same rows; a step without rows keeps its reference."""
    found: dict[str, str] = {}
    for r in rows:
        ref = f"{r.plan_id}/{r.task_id}"
        found.setdefault(
            f"{r.source_id}:{ref}" if r.source_id else ref, f"{r.task_label} {r.task_title}"
        )
    return found


def _task_href(row: Implementer, link: urls.Linker, sources: dict[str, LinkedSource]) -> str | None:
    if not row.source_id:
        return link.task(f"{row.plan_id}/{row.task_id}")
    return https_url(row.url)


@dataclass(frozen=True)
class UpLink:
    """落实上级任务：one upper task a lower task or sub-item implements."""

    text: str
    href: str | None
    as_written: str | None


def up_links(
    task: Task, full: Model, link: urls.Linker, sources: dict[str, LinkedSource]
) -> list[UpLink]:
    """The upper tasks ``task`` implements, linked: a task of this repository by its label and
    title; another repository's by the words of the document (or the reference), linked when
    that source's site is known."""
    result = []
    for up in task.implements:
        if up.is_local:
            upper = full.tasks.get(up.target)
            if upper is None:
                continue
            plan = full.plans[upper.plan_id].display_name
            text = f"《{plan}》{upper.heading}"
            result.append(UpLink(text, link.task(upper.id), up.as_written))
            continue
        source = sources.get(up.source)
        href = source.task_url(up.target) if source is not None else None
        named = f"{source.name} · {up.target}" if source is not None else up.ref
        result.append(UpLink(up.as_written or named, href, named if up.as_written else None))
    return result


def template_values(t: Locale) -> dict[str, Any]:
    """What ``_cascade.html`` reads besides the page's own values."""
    words = bucket_words(t)
    return {
        "buckets": list(BUCKETS),
        "bucket_light": BUCKET_LIGHT,
        "bucket_word": words,
        "bucket_heads": [("num", words[b]) for b in BUCKETS],
    }


def rollup_cells(
    implementers: dict[str, list[Implementer]], tasks: Iterable[Task]
) -> dict[str, dict[str, int]]:
    """Each task that has rows below -> its counts by bucket (the task table and progress page)."""
    return {
        task.id: bucket_counts(r.bucket for r in implementers[task.id])
        for task in tasks
        if implementers.get(task.id)
    }


def source_state(health: SourceHealth, t: Locale) -> str:
    """A source's health in words: 正常，数据截至 <date> / 无法获取：<reason> … (the downloads
    page, and the notice beside the roll-ups)."""
    day = health.copy_date.isoformat() if health.copy_date else ""
    if health.state in (OK, STALE, OUTDATED):
        words = {
            OK: t.sources.ok,
            STALE: t.sources.stale,
            OUTDATED: t.sources.outdated,
        }[health.state]
        return f"{words} {day}"
    words = t.sources.invalid if health.state == INVALID else t.sources.unreachable
    return f"{words}：{health.reason}" if health.reason else words


def missing_sources(health: Iterable[SourceHealth], t: Locale) -> list[tuple[SourceHealth, str]]:
    """The sources whose rows are missing or old, each with its state in words: a page that
    shows a roll-up says so, as a roll-up without them would look complete."""
    return [(h, source_state(h, t)) for h in health if not h.healthy]


__all__ = [
    "BUCKETS",
    "BUCKET_LIGHT",
    "Below",
    "LinkedSource",
    "OriginCount",
    "RowView",
    "UpLink",
    "below",
    "bucket_words",
    "linked_sources",
    "missing_sources",
    "rollup_cells",
    "source_state",
    "template_values",
    "up_links",
]
