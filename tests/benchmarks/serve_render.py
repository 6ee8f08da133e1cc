"""Benchmark (h24v): duban's render of `mkdocs serve` rebuilds in-process, without MkDocs.

    python tests/benchmarks/serve_render.py --units 750 --profile heavy [--edits 4]
        [--work /tmp/duban-serve] [--pyinstrument out.txt] [--edit text|report]

On serve_profile.py's generated repository (a copy of its data folder, so the repository is
not edited): the model loaded and evaluated as serve does (``LiveLoad``, ``LiveEvaluation``),
a first ``render_site`` with an in-memory memo, then ``--edits`` times one status file's last
update edited, or a monthly report made (``--edit report``, status_edits.py's; a different
unit each time) and ``render_site`` again, the whole-plan downloads
left out as serve leaves them (their sizes the first build's). Prints each rebuild's CPU
seconds of ``render_site`` alone: serve_profile.py's rebuild also counts MkDocs and the last
build's downloads thread. ``--pyinstrument``: the last rebuild sampled (pyinstrument, when
installed) into a text file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from duban.evaluation.update import LiveEvaluation
from duban.load.update import LiveLoad
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, render_site
from site_bytes import repository
from site_floor import AS_OF
from status_edits import report_edit, text_edit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=750)
    parser.add_argument("--profile", choices=("light", "heavy"), default="heavy")
    parser.add_argument("--edits", type=int, default=4)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-serve"))
    parser.add_argument("--pyinstrument", type=Path, default=None)
    parser.add_argument("--edit", choices=("text", "report"), default="text")
    args = parser.parse_args()
    project = repository(args.work, args.units, args.profile)
    data = Path(tempfile.mkdtemp(prefix="duban-serve-render-")) / "data"
    shutil.copytree(project / "data", data)
    as_of = dt.date.fromisoformat(AS_OF)
    live, evaluations = LiveLoad(), LiveEvaluation()
    memo = SourceMemo(None, keep=True)  # in memory, as while serving
    settings = Settings(as_of=as_of)
    sizes: dict[str, int] = {}

    def later(jobs: list[Any], site: Any) -> list[Any]:  # serve_downloads.take's way
        site.sizes.update(sizes)
        return jobs[:1]

    def build(changed: list[str] | None, profiled: bool = False) -> tuple[float, Any]:
        loaded = live.load(data, changed=changed)
        assert loaded.model is not None
        memo.start(data_digests(data))
        evaluation = evaluations.evaluate(loaded.model, as_of, settings.due_soon_days)
        profiler = None
        if profiled:
            import pyinstrument  # optional: only when asked

            profiler = pyinstrument.Profiler(interval=0.0005)
            profiler.start()
        cpu = time.process_time()
        site = render_site(
            loaded.model,
            settings,
            evaluation,
            processes=1,
            memo=memo,
            later=later if changed else None,
        )
        cpu = time.process_time() - cpu
        if profiler is not None and args.pyinstrument is not None:
            profiler.stop()
            args.pyinstrument.write_text(profiler.output_text(color=False), "utf-8")
        return cpu, site

    _, site = build(None)
    sizes.update(site.sizes)
    status = sorted((data / "status").glob("*.yaml"))
    for edit in range(args.edits):
        path = status[(7 + 50 * edit) % len(status)]
        marker = f"剖析{edit}{time.time_ns()}"
        edited = (text_edit if args.edit == "text" else report_edit)(
            path.read_text("utf-8"), marker
        )
        path.write_text(edited, "utf-8")
        gc.collect()
        profiled = args.pyinstrument is not None and edit == args.edits - 1
        cpu, _ = build([f"status/{path.name}"], profiled)
        print(f"edit {edit + 1}: render_site {cpu:.2f} s CPU", flush=True)
    shutil.rmtree(data.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
