"""Profile one `mkdocs serve` rebuild in-process (h24n): where its seconds go.

    python tests/benchmarks/serve_profile.py --units 500 [--work /tmp/duban-serve] [--top 40]
        [--profile heavy]

On site_floor.py's generated repository: the plugin started as ``mkdocs serve`` starts it, a
first build into a temporary folder, one status file's last update edited, then the second
build under cProfile (cumulative times; the profiler about doubles Python's time, so read the
shares). With ``--plain`` the second build is timed without the profiler (CPU seconds).
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import re
import tempfile
import time
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from site_bytes import repository
from site_floor import AS_OF


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-serve"))
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    args = parser.parse_args()
    os.environ.update(DUBAN_AS_OF=AS_OF, NO_MKDOCS_2_WARNING="1")
    logging.basicConfig(format="  log: %(message)s")
    logging.getLogger("mkdocs.plugins.duban").setLevel(logging.INFO)
    project = repository(args.work, args.units, args.profile)  # as serve_edit.py's (h24s)
    status = sorted((project / "data" / "status").glob("*.yaml"))[7]
    served = Path(tempfile.mkdtemp(prefix="duban-serve-profile-"))
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=False)
    url = "http://127.0.0.1:8000/"
    config.site_url = url  # as `mkdocs serve` sets it, before every build
    try:
        mkdocs_build.build(config, serve_url=url)
        for edit in range(2):
            text = status.read_text("utf-8")
            last = list(re.finditer(r"\n\s+text: \"?", text))[-1]
            marker = f"剖析{edit}{time.time_ns()}"
            status.write_text(text[: last.end()] + marker + text[last.end() :])
            time.sleep(2.1)  # past live.py's RACY_NS
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
            config.site_url = url
            cpu, wall = time.process_time(), time.monotonic()
            if args.plain or edit == 0:
                mkdocs_build.build(config, serve_url=url)
            else:
                profile = cProfile.Profile()
                profile.runcall(mkdocs_build.build, config, serve_url=url)
            print(
                f"rebuild {edit + 1}: {time.monotonic() - wall:.2f} s, "
                f"{time.process_time() - cpu:.2f} s CPU",
                flush=True,
            )
        if not args.plain:
            if args.dump:  # h24p: the whole profile, for pstats
                profile.dump_stats(args.dump)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    main()
