"""Benchmark: the 台账 job alone (h24af), as a CI build runs it, on a generated repository.

    python tests/benchmarks/ledger_job.py --units 500 [--profile heavy] [--changed 10]
        [--work /tmp/duban-ledger] [--turns 3] [--cprofile out.prof] [--cprofile-same out.prof]

On site_cache.py's repository (copied, so the edits stay in the copy), in this one process, the
model and evaluation made outside the timing: each turn times (CPU seconds) the 台账's workbook

1. cold: a fresh page cache (the memo filled, as a cold CI build);
2. nothing changed: the same data, a new memo on that folder;
3. after ``--changed`` status files edited as monthly reports (site_cache.py's ``report``);
4. full: no memo (``ledger`` and ``ledger_xlsx``, as a full build).

and checks that the workbook of 2 is 1's and that of 3 is 4's (the same data), byte for byte.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import shutil
import time
from pathlib import Path

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.i18n.locale import load_locale
from duban.load.project import load_project
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_xlsx
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import kept_ledger, page_group, page_keys
from duban.site.context import Context, Settings, site_title
from site_bytes import repository
from site_floor import AS_OF
from status_edits import report_edit


def _setup(data: Path, memo: SourceMemo | None):  # type: ignore[no-untyped-def]
    if memo is not None:
        memo.start(data_digests(data))
    model = load_project(data).model
    assert model is not None
    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    evaluation = evaluate(model, settings.as_of, settings.due_soon_days)
    t = load_locale(settings.language)
    ctx = Context(model, evaluation, settings, t, full=model, title=site_title(model, settings, t))
    plan_ctxs = {pid: ctx.for_plan(pid) for pid in model.plans}
    ctx.group_pages = page_group.plans_with_group_pages(ctx, plan_ctxs)
    assert ctx.group_pages, "a province: the kept 台账 is a province's"
    keys = page_keys.Keys(ctx, memo) if memo is not None else None
    report = check_report(model, evaluation, summary=ctx.summary())
    if keys is not None:  # made by the page keys before the 台账's job, in a build
        keys.occurrences(evaluation.items)
    return model, evaluation, report, keys


def timed(data: Path, cache: Path | None, profile: str = "") -> tuple[float, bytes]:
    memo = SourceMemo(cache, keep=False) if cache is not None else None
    model, evaluation, report, keys = _setup(data, memo)
    gc.collect()
    gc.freeze()  # as the plugin does before rendering: the model left out of collections
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    if memo is None:
        workbook = ledger_xlsx(ledger(model, evaluation, report))
    else:
        assert keys is not None
        workbook = kept_ledger.ledger_xlsx(model, evaluation, report, keys, memo)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    seconds = time.process_time() - started
    gc.unfreeze()
    if memo is not None:
        memo.finish()
    return seconds, workbook


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-ledger"))
    parser.add_argument("--profile", choices=("light", "heavy"), default="heavy")
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--cprofile", default="", help="the edited turn's cProfile, to a file")
    parser.add_argument("--cprofile-same", default="", help="nothing changed: its cProfile")
    args = parser.parse_args()
    project = repository(args.work, args.units, args.profile)
    for turn in range(args.turns):
        data = args.work / "data"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(project / "data", data)
        cache = args.work / "pages"
        shutil.rmtree(cache, ignore_errors=True)
        cold, first = timed(data, cache)
        same, kept = timed(data, cache, args.cprofile_same if turn == 0 else "")
        statuses = sorted((data / "status").glob("*.yaml"))
        for status in statuses[:: max(1, len(statuses) // args.changed)][: args.changed]:
            status.write_text(report_edit(status.read_text("utf-8")), "utf-8")
        edited, after = timed(data, cache, args.cprofile if turn == 0 else "")
        full, whole = timed(data, None)
        same_ok = kept == first
        print(
            f"turn {turn + 1}: cold {cold:.2f} s, nothing changed {same:.2f} s, "
            f"after {args.changed} reports {edited:.2f} s, full {full:.2f} s "
            f"(CPU); {len(whole) / 1e6:.2f} MB; the same bytes: {after == whole}",
            flush=True,
        )
        if after != whole or not same_ok:
            raise SystemExit("the kept 台账 is not the full build's")


if __name__ == "__main__":
    main()
