"""The site's downloads as jobs for :mod:`.split`: the calendars, each plan's task tables, the
open data, the 台账 and the feed, each job with its cost and what it needs; a CI build's (a
memo on disk) take what they can from what earlier builds kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from duban.evaluation.check_report import check_report
from duban.outputs import urls
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_csv, ledger_xlsx
from duban.site import (
    calendars,
    downloads,
    job_costs,
    kept_downloads,
    kept_ledger,
    kept_open_data,
    kept_open_data_chunks,
    kept_states,
    kept_uses,
    names,
    page_keys,
    split,
)
from duban.site.context import Context


def download_jobs(
    ctx: Context,
    put_file: Callable[[str, str | bytes], None],
    title: str,
    cost: job_costs.Costs,
    units: list[kept_downloads.UnitCalendar],
    memo: page_keys.Memo | None,
    keys: page_keys.Keys | None = None,
    plan_ctxs: dict[str, Context] | None = None,
    with_ledger: bool = True,
) -> list[split.Job]:
    """Every download, made before the pages that show their sizes. Calendars first: unit
    pages link to their own; the units' are taken from ``memo`` when their key is kept
    (:mod:`.kept_downloads`), and their job returns what the memo is to keep. Any process may
    make them but the task tables (this one: the plans' task lists wait for them) and, with
    serve's memo (in memory), the open data; the 台账's and the open data's jobs return the
    memo's keys they used (h24ah, :mod:`.kept_uses`). ``with_ledger``: False when the 台账's job
    (:func:`ledger_job`) was started already (h24ai, :func:`ledger_first`)."""
    model, evaluation, t = ctx.model, ctx.evaluation, ctx.t

    def put(made: Iterable[tuple[str, str | bytes]]) -> dict[str, str]:
        for path, content in made:
            put_file(path, content)
        return {}

    def calendar_files() -> dict[str, str]:
        whole = set(model.plans) - ctx.group_pages
        put(calendars.plan_calendars(model, evaluation, whole))
        made: dict[str, str] = {}
        open_only = bool(ctx.group_pages)
        put(kept_downloads.made_calendars(ctx, units, open_only, memo, made))
        return made

    def task_tables(pid: str) -> Iterator[tuple[str, str | bytes]]:
        # h24q: the plan's context's view and index, made once for its pages too
        pctx = (plan_ctxs or {}).get(pid) or ctx.for_plan(pid)
        view = pctx.model
        table = downloads.task_table(view, pctx.evaluation, pctx.index, t)
        yield urls.plan_tasks_csv(pid), downloads.to_csv(table)
        yield urls.plan_tasks_xlsx(pid), downloads.to_xlsx(table, t.nav.tasks, view.plan.title)

    ci = _ci(memo, keys)

    def open_data_files(used: page_keys.Memo | None) -> Iterator[tuple[str, str | bytes]]:
        settings = ctx.settings
        if ctx.group_pages:  # a province (h24i): compressed, a twentieth of the bytes
            # h24z: the status entries kept compressed by status file;
            # h24ac: the parts around them kept by chunk (a CI build's)
            deflated = kept_open_data.status_deflated(model, used)
            kept = (keys, used) if ci else (None, None)
            gz = kept_open_data_chunks.open_data_gz(model, evaluation, deflated, settings, *kept)
            yield urls.EXPORT_JSON_GZ, gz
            return
        # h24q: the occurrences' states kept by holder (a memo on disk: a CI build's)
        states = None
        if ci and used is not None and keys is not None:
            states = kept_states.states_json(evaluation, keys, used)
        status = kept_open_data.status_json(model, used) if used is not None else None  # h24l
        yield urls.EXPORT_JSON, downloads.open_data(model, evaluation, settings, status, states)

    def feed() -> Iterator[tuple[str, str]]:
        holder_urls = {
            h.id: urls.page_url(urls.unit_page(h.id), ctx.settings.directory_urls)
            for h in names.page_holders(model)
        }
        yield (
            urls.FEED,
            downloads.atom_feed(
                model, ctx.index, t, ctx.settings.site_url, holder_urls, title=title
            ),
        )

    def job(
        made: Callable[[], Iterable[tuple[str, str | bytes]]],
        cost: float,
        needs: split.Needs = split.Needs.NOTHING,
        far: bool = True,
    ) -> split.Job:
        return split.Job(lambda: put(made()), needs=needs, far=far, cost=cost)

    noting = partial(kept_uses.noting, memo, put)
    return [
        split.Job(calendar_files, needs=split.Needs.NOTHING_FIRST, far=True, cost=cost.calendars()),
        *(job(partial(task_tables, p), cost.task_tables(p), far=False) for p in model.plans),
        # h24ah: a CI build's memo is on disk, what a child used noted (serve's stays here)
        split.Job(noting(open_data_files), far=memo is None or ci, cost=cost.open_data()),
        *([ledger_job(ctx, put_file, cost, memo, keys)] if with_ledger else []),
        job(feed, cost.feed()),
    ]


def _ci(memo: page_keys.Memo | None, keys: page_keys.Keys | None) -> bool:
    """h24q: a CI build's memo (on disk, not kept across builds as serve's is): a province's
    台账 from its rows kept by holder, the open data's states kept by holder."""
    return memo is not None and memo.on_disk and not memo.keep and keys is not None


def _kept_rows(ctx: Context, memo: page_keys.Memo | None, keys: page_keys.Keys | None) -> bool:
    """Whether the 台账 is made from rows kept by holder (h24q): a CI build of a province."""
    return _ci(memo, keys) and bool(ctx.group_pages)


def ledger_first(ctx: Context, memo: page_keys.Memo | None, keys: page_keys.Keys | None) -> bool:
    """h24ai: whether the 台账's job is to start before the others are made (``split.start``):
    a CI build of a province whose rows were kept under this build's base, i.e. an
    incremental build, where the 台账 is the longest job and the parent's own work (the page
    jobs, mostly reused) is short. A cold build is left to ``split``'s shares: there the
    pages are most of the work, and a child given the 台账 alone would leave them to the
    parent."""
    if not _kept_rows(ctx, memo, keys) or memo is None or keys is None:
        return False
    return kept_ledger.is_kept(keys, memo)


def ledger_job(
    ctx: Context,
    put_file: Callable[[str, str | bytes], None],
    cost: job_costs.Costs,
    memo: page_keys.Memo | None,
    keys: page_keys.Keys | None,
) -> split.Job:
    """The 台账's job (far always: without a memo it touches none; with one, what it used is
    noted, h24ah). A CI build of a province takes its rows from those kept by holder."""
    model, evaluation = ctx.model, ctx.evaluation
    pieces = _kept_rows(ctx, memo, keys)

    def ledger_files(used: page_keys.Memo | None) -> Iterator[tuple[str, str | bytes]]:
        report = check_report(model, evaluation, summary=ctx.summary())
        if pieces and used is not None and keys is not None:
            yield urls.LEDGER_XLSX, kept_ledger.ledger_xlsx(model, evaluation, report, keys, used)
            return
        book = ledger(model, evaluation, report)
        yield urls.LEDGER_XLSX, ledger_xlsx(book)
        if not ctx.group_pages:  # a province: the workbook's rows again, 3.6 times its bytes
            yield urls.LEDGER_CSV, ledger_csv(book)

    def put(made: Iterable[tuple[str, str | bytes]]) -> None:
        for path, content in made:
            put_file(path, content)

    return split.Job(kept_uses.noting(memo, put, ledger_files), far=True, cost=cost.ledger())
