"""Model + evaluation -> the generated part of the site, as strings and bytes in memory.

``render_site`` is the one entry point: it returns every generated page (Markdown source made of
raw HTML, keyed by its path in the docs tree) and every download (keyed by its path in the site).
It writes nothing and never reads the clock: the MkDocs plugin and the tests are the edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from ..evaluate import Evaluation, evaluate
from ..ics import calendar_ics
from ..model import Model
from . import downloads, pages, urls, views
from .locale import load_locale
from .pages import Settings

__all__ = ["Settings", "Site", "asset_files", "render_site"]


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    evaluation: Evaluation | None = None


def engine_extras(evaluation: Evaluation) -> dict[str, object]:
    """What the deadline engine adds to an evaluation (indicator results, escalation stages,
    flags). Read with getattr so the pages still render, without those parts, from an
    evaluation that lacks them."""
    return {
        name: getattr(evaluation, name)
        for name in ("indicators", "escalations", "flags")
        if getattr(evaluation, name, None) is not None
    }


def calendars(model: Model, evaluation: Evaluation) -> dict[str, str]:
    """iCalendar files (the deadline engine's ``duban.ics``): the whole plan, and one per unit
    or group with deadlines (a group with members stands for its members)."""
    result = {urls.PLAN_ICS: calendar_ics(model, evaluation)}
    for holder in views.page_holders(model):
        text = calendar_ics(model, evaluation, unit_id=holder.id)
        if "BEGIN:VEVENT" in text:
            result[urls.unit_ics(holder.id)] = text
    return result


def asset_files() -> dict[str, bytes]:
    """The stylesheet and script the pages use, to be served from the site itself."""
    folder = resources.files("duban").joinpath("assets")
    return {
        urls.ASSET_CSS: folder.joinpath("duban.css").read_bytes(),
        urls.ASSET_JS: folder.joinpath("duban.js").read_bytes(),
    }


def render_site(model: Model, settings: Settings) -> Site:
    evaluation = evaluate(model, settings.as_of, settings.due_soon_days)
    t = load_locale(settings.language)
    site = Site(evaluation=evaluation)

    index = views.Index.of(model, evaluation)
    # downloads first: pages link to them and show their sizes
    table = downloads.task_table(model, evaluation, index, t)
    site.files[urls.EXPORT_JSON] = downloads.open_data(model, evaluation)
    site.files[urls.TASKS_CSV] = downloads.to_csv(table)
    site.files[urls.TASKS_XLSX] = downloads.to_xlsx(table, t.nav.tasks, model.plan.title)
    holder_urls = {
        h.id: urls.page_url(urls.unit_page(h.id), settings.directory_urls)
        for h in views.page_holders(model)
    }
    site.files[urls.FEED] = downloads.atom_feed(model, index, t, settings.site_url, holder_urls)
    site.files.update(calendars(model, evaluation))

    sizes = {path: len(c.encode() if isinstance(c, str) else c) for path, c in site.files.items()}
    ctx = pages.Context(model, evaluation, settings, t, engine_extras(evaluation), sizes, index)
    site.pages[urls.HOME] = pages.home(ctx)
    site.pages[urls.TASKS] = pages.task_table(ctx)
    for task in model.tasks_in_order():
        site.pages[urls.task_page(task.id)] = pages.task_page(ctx, task)
    site.pages[urls.UNITS] = pages.units_index(ctx)
    for holder in views.page_holders(model):
        site.pages[urls.unit_page(holder.id)] = pages.unit_page(ctx, holder)
    site.pages[urls.PROGRESS] = pages.progress(ctx)
    site.pages[urls.OVERDUE] = pages.overdue(ctx)
    site.pages[urls.LEADERSHIP] = pages.leadership(ctx)
    site.pages[urls.DOWNLOADS] = pages.downloads_page(ctx)
    return site
