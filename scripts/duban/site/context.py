"""What every page of one build shares: the settings and the render context.

:class:`Settings` is how to render (fixed for one build); :class:`Context` adds the model, the
evaluation, the locale and what the build found out before the pages (download sizes, plans with
group pages), and answers the questions every page asks of them (is this list summarised by
group? where does a unit report? where is this record edited?).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import InitVar, dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from duban.evaluation.cascade import local_implementers
from duban.evaluation.check_report import Summary, summarize
from duban.evaluation.evaluate import Evaluation, ItemState
from duban.evaluation.flags import Flag
from duban.evaluation.rollup import Implementer
from duban.i18n.locale import Locale
from duban.model.federation import SourceHealth
from duban.model.model import Model
from duban.site import groups, holder_records, names, serve_rows, views
from duban.site.implementers import LinkedSource
from duban.site.index import Index
from duban.site.kept_pieces import KeptPieces
from duban.site.serve_index import KeptIndexes

REPORT_FORM = "report.yml"


@dataclass(frozen=True)
class Settings:
    """How to render: everything the pages need beyond the model, fixed for one build."""

    as_of: dt.date
    language: str = "zh"
    due_soon_days: int = 30
    edit_url: str | None = None
    """Base of the repository's web editor, e.g. https://github.com/OWNER/REPO/edit/main/."""
    data_path: str = "data"
    """The data folder relative to the repository root (for edit links)."""
    directory_urls: bool = False
    site_url: str | None = None
    data_files: frozenset[str] | None = None
    """Files present in the data folder (``tasks/03.yaml``); None means assume all exist."""
    site_title: str | None = None
    """The site's name when the repository holds several plans (None: the locale's)."""
    repository: str | None = None
    """https://github.com/OWNER/REPO: edit links (when ``edit_url`` is not set) and the
    "报送进展" links to the issue form .github/ISSUE_TEMPLATE/report.yml."""
    branch: str = "main"
    summary_rows: int = groups.SUMMARY_ROWS
    """Lists longer than this are summarised by group (see :mod:`duban.site.groups`)."""
    history_per_item: int = 3
    """A unit page shows this many latest reports per occurrence; the rest are on its
    history pages."""
    history_page_size: int = 1000
    """Reports per history page (about 300 KB of HTML): a unit that reported for years has
    several pages, never one too large to open."""
    # h20b: federation (data/federation.yaml), read by the plugin from the sources' copies
    federation_id: tuple[str, str | None] | None = None
    """This repository's (id, name), carried by the open-data export (None without one)."""
    federated: tuple[Implementer, ...] = ()
    """Every row the sources give, once each (outputs/federation.py ``rows_by_target`` makes
    the target -> rows mapping; ``evaluation.cascade.merged`` joins it to the local one)."""
    source_health: tuple[SourceHealth, ...] = ()
    """Each source's health (ok; stale: 数据截至 <date>; outdated; unreachable, invalid:
    无法获取)."""
    feed_on_page: int = 40
    """At most this many of those latest reports, newest first, on a unit page (h24b): the
    items' table already shows each one's latest report, and a province's unit pages listed
    some 100 reports each."""
    feed_on_page_province: int = 20
    """``feed_on_page`` where the site summarises by group (h24f): a province's unit page
    shows its 20 newest reports; the note under them points to the open data for the rest."""
    closed_per_item_province: int = 1
    """Where the site summarises by group (h24i), a unit page lists of each obligation its
    open occurrences, its next one and its latest ``closed_per_item_province`` closed ones
    (``duban.site.unit_rows``); the rest are in its calendar and the open data. One: how the
    last period went; the record's counts (整体记录) say how all of them went."""


@dataclass
class Context:
    """What every page shares."""

    model: Model
    evaluation: Evaluation
    settings: Settings
    t: Locale
    downloads: dict[str, int] = field(default_factory=dict)  # path -> size in bytes
    given_index: InitVar[Index | None] = None
    """The model's index, when the caller has built it; else :meth:`__post_init__` does."""
    index: Index = field(init=False)
    full: Model | None = None
    """The whole repository, when ``model`` is a one-plan view (names of other plans)."""
    title: str = ""
    """The site's title (see :func:`site_title`)."""

    group_pages: frozenset[str] = frozenset()
    """Plans whose per-group pages exist (see
    :func:`duban.site.page_group.plans_with_group_pages`)."""
    implementers: dict[str, list[Implementer]] | None = None
    """Upper task or sub-item -> the obligations below implementing it (cascading plans): this
    data folder's own rows unless the caller gives them (then with rows from other
    repositories beside them, :func:`duban.evaluation.cascade.merged`). See :meth:`below`."""
    sources: dict[str, LinkedSource] = field(default_factory=dict)
    """Other repositories by id: their names and sites, for rows from them and links up."""
    pieces: KeptPieces | None = None
    """Serving (h24ad): the big tables' rows kept from the last build (:mod:`.kept_pieces`)."""

    def __post_init__(self, given_index: Index | None) -> None:
        if given_index is None:
            given_index = Index.of(self.model, self.evaluation)
        self.index = given_index
        if self.full is None:
            self.full = self.model
        self.ranks = names.task_ranks(self.full)

    def for_plan(self, plan_id: str, indexes: KeptIndexes | None = None) -> Context:
        """The same build seen from one plan: only its tasks, obligations and occurrences
        (``indexes``, serving: its index made from the last build's, h24s)."""
        model, evaluation = self.model.for_plan(plan_id), self.evaluation.for_plan(plan_id)
        return Context(
            model,
            evaluation,
            self.settings,
            self.t,
            given_index=indexes.index(plan_id, model, evaluation) if indexes else None,
            downloads=self.downloads,
            full=self.model,
            title=self.title,
            group_pages=self.group_pages,
            implementers=self.below(),
            sources=self.sources,
            pieces=self.pieces,
        )

    def below(self) -> dict[str, list[Implementer]]:
        """The rows below every upper task (:attr:`implementers`; this data folder's own,
        made once from the whole model and evaluation, when none were given)."""
        if self.implementers is None:
            self.implementers = local_implementers(self.full or self.model, self.evaluation)
        return self.implementers

    def summarise(self, items: list[ItemState]) -> bool:
        """Whether a list of these occurrences is shown by group on this build's pages."""
        return groups.should_summarise(self.model, items, self.settings.summary_rows)

    def home_groups(self) -> dict[str, str]:
        """Each group member's bucket (:func:`duban.site.groups.home_groups`), found once."""
        if not hasattr(self, "_home"):
            self._home = groups.home_groups(self.full or self.model)
        return self._home

    def summary(self) -> Summary:
        """h24q: the check report's summary of this context's model and evaluation
        (:func:`~duban.evaluation.check_report.summarize`), found once: the home page, the
        督办清单 and the 台账 show it."""
        if not hasattr(self, "_summary"):
            # h24r: the index's reporters, when it is of the same model and date
            reported = holder_records.reporters(self.model, self.evaluation.as_of, self.index)
            self._summary = summarize(self.model, self.evaluation, reported)
        return self._summary

    def section_rows(self) -> list[views.SectionRow]:
        """h24s: :func:`~duban.site.views.section_rows` of this context, found once (a plan's
        task list and its progress page show them)."""
        if not hasattr(self, "_sections"):
            self._sections = views.section_rows(self.model, self.evaluation, self.index)
        return self._sections

    def soon(self) -> list[ItemState]:
        """h24s: :func:`~duban.site.views.upcoming` within ``due_soon_days``, found once (the
        group pages, the 督办清单 and the choice of plans with group pages ask)."""
        if not hasattr(self, "_soon"):
            self._soon = views.upcoming(self.evaluation, self.settings.due_soon_days)
        return self._soon

    def late(self) -> list[ItemState]:
        """h24s: :func:`~duban.site.views.overdue`, found once (as :meth:`soon`)."""
        if not hasattr(self, "_late"):
            self._late = views.overdue(self.evaluation)
        return self._late

    def summarise_count(self, rows: int) -> bool:
        """Whether a list of one row per holder is too long for one page."""
        return rows > self.settings.summary_rows and groups.has_groups(self.model)

    def buckets(self, items: Iterable[ItemState]) -> list[groups.Bucket]:
        return groups.buckets(self.full or self.model, items, self.home_groups())

    def group_summary(self, items: Iterable[ItemState]) -> groups.GroupSummary:
        return groups.group_summary(self.full or self.model, items, self.home_groups())

    def task_summary(self, task_id: str) -> groups.GroupSummary:
        """h24ad: :meth:`group_summary` of a task's (or sub-item's) occurrences, from the last
        build's while serving (:func:`.serve_rows.task_summary`)."""
        full, home = self.full or self.model, self.home_groups()
        return serve_rows.task_summary(full, self.evaluation, self.index, task_id, home)

    @cached_property
    def task_rows(self) -> dict[str, views.TaskRow]:
        """h24ad: each task's row (:func:`.serve_rows.task_rows`) by its id, found once: the
        task list and each task's page show them."""
        return {row.task.id: row for row in serve_rows.task_rows(self.model, self.index)}

    ranks: dict[str, int] = field(init=False, default_factory=dict)
    """Each task's place in plan order across plans (sortable table cells)."""

    def report_link(self, item: ItemState) -> str | None:
        """The issue form, prefilled with the unit and the obligation (field ids = keys)."""
        repository = self.settings.repository
        if not repository:
            return None
        task = (self.full or self.model).tasks[item.task_id]
        top, _, sub = task.local_id.partition("/")
        fields = {
            "template": REPORT_FORM,
            "title": f"报送进展：{item.holder_id} 任务 {task.local_id}"
            + (f" {item.key}" if item.key else ""),
            "unit": item.holder_id,
            "plan": task.plan_id,
            "task": top,
            "item": sub,
            "due": item.due_id,
            "period": item.key,
        }
        query = urlencode({k: v for k, v in fields.items() if v})
        return f"{repository}/issues/new?{query}"

    def flags_for(self, holder_id: str | None = None, task_id: str | None = None) -> list[Flag]:
        """The flags the rules raised, about one holder or one task (or all of them)."""
        return [
            f
            for f in self.evaluation.flags
            if (holder_id is None or f.holder_id == holder_id)
            and (task_id is None or f.task_id == task_id)
        ]

    def edit_link(self, data_file: str) -> str | None:
        base = self.settings.edit_url
        if not base and self.settings.repository:
            base = f"{self.settings.repository}/edit/{self.settings.branch}/"
        if not base:
            return None
        files = self.settings.data_files
        if files is not None and data_file not in files:
            return None
        prefix = self.settings.data_path.strip("/")
        return f"{base.rstrip('/')}/{prefix + '/' if prefix else ''}{data_file}"


def site_title(model: Model, settings: Settings, t: Locale) -> str:
    """The site's name: the configured title, else the only plan's short name or title, else
    the locale's generic name."""
    if settings.site_title:
        return settings.site_title
    if len(model.plans) == 1:
        return next(iter(model.plans.values())).display_name
    return str(t.site_title)


def site_description(model: Model) -> str | None:
    """The only plan's description (or title); None for several plans."""
    if len(model.plans) == 1:
        plan = next(iter(model.plans.values()))
        return plan.description or plan.title
    return None
