"""Profile one `mkdocs serve` rebuild in-process (h24n): where its seconds go.

    python tests/benchmarks/serve_profile.py --units 500 [--work /tmp/duban-serve] [--top 40]
        [--profile heavy] [--edit text|report] [--pyinstrument out.txt]

On site_floor.py's generated repository: the plugin started as ``mkdocs serve`` starts it, a
first build into a temporary folder, one status file's last update edited, then the second
build under cProfile (cumulative times; the profiler about doubles Python's time, so read the
shares). With ``--plain`` the second build is timed without the profiler (CPU seconds).
h24ae: ``--edit report`` makes a monthly report (status_edits.py's) instead of the text edit;
``--pyinstrument`` samples the second build with pyinstrument (when installed) into a text file
instead of cProfile (which doubles Python's time unevenly). As in ``mkdocs serve``, another
thread runs beside the builds (there: its web server), so the render is never forked
(``split.can_fork``) and every page it makes is in the profile. The edits are made in a copy
of the generated repository (removed at the end), which stays as generated for the others.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import shutil
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from site_bytes import repository
from site_floor import AS_OF
from status_edits import report_edit, text_edit


class _Ready(logging.Handler):
    """Counts the log's "downloads ready" lines (serve_downloads.py's, in either language)."""

    WORDS = ("whole-plan downloads are ready", "全局下载文件已重新生成")

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += any(w in record.getMessage() for w in self.WORDS)

    def wait(self, count: int, timeout: float = 600.0) -> None:
        started = time.monotonic()
        while self.count < count and time.monotonic() - started < timeout:
            time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-serve"))
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    parser.add_argument("--edit", choices=("text", "report"), default="text")
    parser.add_argument("--pyinstrument", type=Path, default=None)
    args = parser.parse_args()
    os.environ.update(DUBAN_AS_OF=AS_OF, NO_MKDOCS_2_WARNING="1")
    logging.basicConfig(format="  log: %(message)s")
    ready = _Ready()  # h24ae: each edit made once the last build's downloads are ready
    logging.getLogger("mkdocs.plugins.duban").addHandler(ready)
    logging.getLogger("mkdocs.plugins.duban").setLevel(logging.INFO)
    generated = repository(args.work, args.units, args.profile)  # as serve_edit.py's (h24s)
    # h24ae: edited in a copy, not in place (a report edit adds updates: the other benchmarks
    # share the generated repository), the copy and the served folder removed at the end
    scratch = Path(tempfile.mkdtemp(prefix="duban-serve-profile-"))
    project, served = scratch / "project", scratch / "served"
    shutil.copytree(generated, project, ignore=shutil.ignore_patterns("site", ".duban"))
    status = sorted((project / "data" / "status").glob("*.yaml"))[7]
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=False)
    server = threading.Event()  # h24ae: stands for serve's web server thread (no fork)
    threading.Thread(target=server.wait, daemon=True).start()
    url = "http://127.0.0.1:8000/"
    config.site_url = url  # as `mkdocs serve` sets it, before every build
    try:
        mkdocs_build.build(config, serve_url=url)
        for edit in range(2):
            marker = f"剖析{edit}{time.time_ns()}"
            edited = (text_edit if args.edit == "text" else report_edit)(
                status.read_text("utf-8"), marker
            )
            status.write_text(edited, "utf-8")
            time.sleep(2.1)  # past live.py's RACY_NS
            ready.wait(edit)  # the profile is the build's, not the downloads thread's
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
            config.site_url = url
            cpu, wall = time.process_time(), time.monotonic()
            if args.plain or edit == 0:
                mkdocs_build.build(config, serve_url=url)
            elif args.pyinstrument is not None:
                import pyinstrument  # optional: only when asked

                sampler = pyinstrument.Profiler(interval=0.0005)
                sampler.start()
                mkdocs_build.build(config, serve_url=url)
                sampler.stop()
                text = sampler.output_text(color=False, show_all=True)
                args.pyinstrument.write_text(text, "utf-8")
            else:
                profile = cProfile.Profile()
                profile.runcall(mkdocs_build.build, config, serve_url=url)
            print(
                f"rebuild {edit + 1}: {time.monotonic() - wall:.2f} s, "
                f"{time.process_time() - cpu:.2f} s CPU",
                flush=True,
            )
        if not args.plain and args.pyinstrument is None:
            if args.dump:  # h24p: the whole profile, for pstats
                profile.dump_stats(args.dump)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    finally:
        config.plugins.on_shutdown()
        server.set()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
