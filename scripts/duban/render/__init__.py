"""Model + evaluation -> the generated part of the site, as strings and bytes in memory.

``render_site`` is the one entry point: it returns every generated page (Markdown source made of
raw HTML, keyed by its path in the docs tree) and every download (keyed by its path in the site).
It writes nothing and never reads the clock: the MkDocs plugin and the tests are the edges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources

from ..evaluate import Evaluation, evaluate
from ..ics import calendar_ics
from ..model import Group, Model
from . import downloads, pages, urls, views
from .locale import load_locale
from .pages import Settings, site_description, site_title

__all__ = ["Settings", "Site", "asset_files", "render_site", "site_description", "site_title"]


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Downloads kept in memory (all of them, unless a ``sink`` takes them)."""
    evaluation: Evaluation | None = None
    sink: Callable[[str, bytes], None] | None = None
    """Where downloads go as soon as each is made, instead of ``files``: the edge writes them
    out, so a province's hundreds of MB of calendars are not all held at once."""
    sizes: dict[str, int] = field(default_factory=dict)
    """Every download's size in bytes (pages show them)."""

    def put(self, path: str, content: str | bytes) -> None:
        data = content.encode() if isinstance(content, str) else content
        self.sizes[path] = len(data)
        if self.sink is not None:
            self.sink(path, data)
        else:
            self.files[path] = content


def engine_extras(evaluation: Evaluation) -> dict[str, object]:
    """What the deadline engine adds to an evaluation (indicator results, escalation stages,
    flags). Read with getattr so the pages still render, without those parts, from an
    evaluation that lacks them."""
    return {
        name: getattr(evaluation, name)
        for name in ("indicators", "escalations", "flags")
        if getattr(evaluation, name, None) is not None
    }


def calendars(
    model: Model, evaluation: Evaluation, whole: set[str] | None = None
) -> Iterator[tuple[str, str]]:
    """iCalendar files (the deadline engine's ``duban.ics``): each plan's in ``whole`` (default
    all), all plans together when every plan is in it, and one per unit or group with
    deadlines (a group with members stands for its members).

    A plan summarised by group (a province) has no calendar of its own: every unit's every
    occurrence in one file is tens of MB no calendar program opens, and the units' and
    groups' calendars hold the same events."""
    whole = set(model.plans) if whole is None else whole
    for plan_id in model.plans:
        if plan_id in whole:
            view = model.for_plan(plan_id)
            yield urls.plan_ics(plan_id), calendar_ics(view, evaluation.for_plan(plan_id))
    if len(model.plans) > 1 and whole >= set(model.plans):
        yield urls.ALL_ICS, calendar_ics(model, evaluation)
    # each holder's calendar reads only its own obligations and occurrences: handing every
    # calendar the whole model made the build quadratic in units (each scanned everything)
    obligations: dict[str, list] = {}
    for obligation in model.obligations:
        for holder_id in obligation.holders:
            obligations.setdefault(holder_id, []).append(obligation)
    items: dict[str, list] = {}
    for item in evaluation.items:
        for holder_id in item.holders:
            items.setdefault(holder_id, []).append(item)
    everyone = set(obligations)
    position = {id(v): n for n, v in enumerate([*model.obligations, *evaluation.items])}
    for holder in views.page_holders(model):
        mine = _members(model, holder.id)
        if isinstance(holder, Group) and holder.members and mine >= everyone:
            continue  # a group of every holder: its calendar would be all.ics again
        own = _in_order((o for h in mine for o in obligations.get(h, ())), position)
        if not own:
            continue
        seen = _in_order((i for h in mine for i in items.get(h, ())), position)
        text = calendar_ics(
            replace(model, obligations=tuple(own)),
            replace(evaluation, items=tuple(seen)),
            unit_id=holder.id,
        )
        if "BEGIN:VEVENT" in text:
            yield urls.unit_ics(holder.id), text


def _in_order(values, position: dict[int, int]) -> list:
    """Each object once (a shared duty is listed under every holder), in the model's order.
    By identity: obligations and occurrences hold mappings, so they do not hash."""
    found = {id(v): v for v in values}
    return sorted(found.values(), key=lambda v: position[id(v)])


def _members(model: Model, holder_id: str) -> set[str]:
    """The holders a calendar stands for: a group with members stands for its members."""
    group = model.groups.get(holder_id)
    if group is None or not group.members:
        return {holder_id}
    found: set[str] = set()
    for member in group.members:
        found |= _members(model, member.unit_id)
    return found


def asset_files() -> dict[str, bytes]:
    """The stylesheet and script the pages use, to be served from the site itself."""
    folder = resources.files("duban").joinpath("assets")
    return {
        urls.ASSET_CSS: folder.joinpath("duban.css").read_bytes(),
        urls.ASSET_JS: folder.joinpath("duban.js").read_bytes(),
    }


def render_site(
    model: Model,
    settings: Settings,
    evaluation: Evaluation | None = None,
    sink: Callable[[str, bytes], None] | None = None,
) -> Site:
    """Every page and download. Cross-plan pages (home, 督办清单, units, downloads) see the whole
    repository; each plan's pages under ``plans/<id>/`` see only that plan (Model.for_plan).

    ``evaluation`` is made once at the edge (the plugin); tests may leave it to be made here
    from ``settings.as_of``. Everything below reads this one evaluation, never the date."""
    if evaluation is None:
        evaluation = evaluate(model, settings.as_of, settings.due_soon_days)
    t = load_locale(settings.language)
    site = Site(evaluation=evaluation, sink=sink)
    title = pages.site_title(model, settings, t)

    index = views.Index.of(model, evaluation)
    ctx = pages.Context(  # site.sizes is filled below, once the downloads are made
        model, evaluation, settings, t, engine_extras(evaluation), site.sizes, index, model, title
    )
    plan_ctxs = {pid: ctx.for_plan(pid) for pid in model.plans}
    # long lists link to per-group pages: decide which plans have them before any page
    ctx.group_pages = pages.plans_with_group_pages(ctx, plan_ctxs)
    for pctx in plan_ctxs.values():
        pctx.group_pages = ctx.group_pages

    # downloads first: pages link to them and show their sizes
    plan_views = {pid: (model.for_plan(pid), evaluation.for_plan(pid)) for pid in model.plans}
    for pid, (view, ev) in plan_views.items():
        table = downloads.task_table(view, ev, views.Index.of(view, ev), t)
        site.put(urls.plan_tasks_csv(pid), downloads.to_csv(table))
        site.put(urls.plan_tasks_xlsx(pid), downloads.to_xlsx(table, t.nav.tasks, view.plan.title))
    site.put(urls.EXPORT_JSON, downloads.open_data(model, evaluation))
    # imported here: duban.check imports duban.render.urls, so not at module level
    from ..check import check_report
    from ..ledger import ledger, ledger_csv, ledger_xlsx

    book = ledger(model, evaluation, check_report(model, evaluation))
    site.put(urls.LEDGER_XLSX, ledger_xlsx(book))
    site.put(urls.LEDGER_CSV, ledger_csv(book))
    holder_urls = {
        h.id: urls.page_url(urls.unit_page(h.id), settings.directory_urls)
        for h in views.page_holders(model)
    }
    site.put(
        urls.FEED, downloads.atom_feed(model, index, t, settings.site_url, holder_urls, title=title)
    )
    for path, text in calendars(model, evaluation, whole=set(model.plans) - ctx.group_pages):
        site.put(path, text)
    only = next(iter(plan_ctxs.values())) if len(plan_ctxs) == 1 else None
    site.pages[urls.HOME] = pages.home(ctx, only)
    site.pages[urls.OVERDUE] = pages.overdue(ctx)
    site.pages[urls.UNITS] = pages.units_index(ctx)
    for holder in views.page_holders(model):
        site.pages[urls.unit_page(holder.id)] = pages.unit_page(ctx, holder)
        archive = pages.unit_history(ctx, holder)
        if archive is not None:
            site.pages[urls.unit_history(holder.id)] = archive
    site.pages[urls.DOWNLOADS] = pages.downloads_page(ctx)
    for pid, pctx in plan_ctxs.items():
        site.pages[urls.plan_page(pid)] = pages.plan_index(pctx)
        site.pages[urls.plan_page(pid, "progress")] = pages.progress(pctx)
        site.pages[urls.plan_page(pid, "overdue")] = pages.overdue(pctx, pid)
        if pctx.model.plan.leadership is not None:
            site.pages[urls.plan_page(pid, "leadership")] = pages.leadership(pctx)
        for task in pctx.model.tasks_in_order():
            site.pages[urls.task_page(task.id)] = pages.task_page(pctx, task)
        if pid in ctx.group_pages:
            site.pages.update(pages.group_pages(pctx))
    return site
