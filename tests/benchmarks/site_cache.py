"""Benchmark: a build that reuses the page cache after a few status files changed, against a full
build of the same data, in the same run.

    python tests/benchmarks/site_cache.py --units 1500 [--changed 10] [--work /tmp/duban-cache]
        [--profile heavy]

On site_floor.py's generated repository (generate.py --plans 2, the project's mkdocs.yml and
docs/; ``--profile heavy``: generate.py's heavy profile, as serve_edit.py's), one after the
other, each ``mkdocs build`` in a child process of its own:

1. a cold build with the page cache (fills it; ``page_cache`` = a folder outside the repository);
2. ``--changed`` status files edited: ``--edit text`` (the default) changes the last update's
   text of each (the unit page shows it; no summary does); ``--edit report`` is a unit's monthly
   report: a new update dated the day before the build's date, and one task in progress marked
   done that day (the tallies, the lights, the newest reports and the 台账 change);
3. the incremental build with the cache;
4. a full build without the cache, of the same data.

``DUBAN_BENCH_PYINSTRUMENT=out.txt`` (h24z; or ``.html``, ``.pyisession``): the incremental
build sampled by pyinstrument (installed beside duban), as ``DUBAN_BENCH_PROFILE`` gives cProfile's.

It prints each build's time and peak memory, the incremental/full ratio, the pages reused and
made, and checks that the incremental build's site is the full build's, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from site_bytes import repository
from site_floor import AS_OF
from status_edits import report_edit, text_edit


def timed_build(project: Path, site: Path, cache: Path | None) -> dict:
    child = [sys.executable, __file__, "--child", str(project), str(site), str(cache or "")]
    out = subprocess.run(child, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(project: Path, site: Path, cache: str) -> None:
    env = {**os.environ, "DUBAN_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    env["DUBAN_PAGE_CACHE"] = cache
    env.pop("DUBAN_SITE_HANDOFF", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    warm = bool(cache) and (Path(cache) / "src").is_dir()
    profile = os.environ.get("DUBAN_BENCH_PROFILE", "")  # h24g: a cProfile of the warm build
    # h24z: pyinstrument's samples of the warm build, to a .txt, .html or .pyisession file
    sampled = os.environ.get("DUBAN_BENCH_PYINSTRUMENT", "")
    if profile and warm:
        command[1:1] = ["-m", "cProfile", "-o", profile]
    elif sampled and warm:
        command[1:3] = ["-m", "pyinstrument", "-o", sampled, "-m", "mkdocs"]
    started = time.perf_counter()
    done = subprocess.run([*command, "-d", str(site)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(done.returncode)
    found = re.search(r"(?:page cache|页面缓存)\D*(\d+)\D*(\d+)", done.stderr)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    reused, made = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    # h24g: the page jobs whose sources were kept (not rendered) and those rendered
    kept = re.search(r"(?:page sources|页面源)\D*(\d+)\D*(\d+)", done.stderr)
    unrendered, rendered = (int(kept.group(1)), int(kept.group(2))) if kept else (0, 0)
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024}
            | {"reused": reused, "made": made}
            | {"jobs_unrendered": unrendered, "jobs_rendered": rendered}
        )
    )


def edit(project: Path, count: int, kind: str = "text") -> list[str]:
    """``count`` status files, spread over the units, each edited as ``kind`` says (none for
    ``--changed 0``: the incremental build's floor, what it pays with nothing to make again)."""
    if count <= 0:
        return []
    statuses = sorted((project / "data" / "status").glob("*.yaml"))
    step = max(1, len(statuses) // count)
    changed = []
    for status in statuses[::step][:count]:
        text = status.read_text("utf-8")
        new = text_edit(text) if kind == "text" else report_edit(text)
        if new != text:
            status.write_text(new, "utf-8")
            changed.append(status.name)
    return changed


def same_files(one: Path, two: Path) -> list[str]:
    """The files that differ (or exist in one site only)."""
    names = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()}
    return sorted(
        n
        for n in names
        if not ((one / n).is_file() and (two / n).is_file())
        or (one / n).read_bytes() != (two / n).read_bytes()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-cache"))
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    parser.add_argument("--edit", choices=("text", "report"), default="text")
    args = parser.parse_args()
    project = repository(args.work, args.units, args.profile)  # h24t: serve_edit.py's call
    name = f"{args.units}" if args.profile == "light" else f"{args.profile}-{args.units}"
    cache = args.work / f"pages-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    sites = {kind: args.work / f"site-{name}-{kind}" for kind in ("cold", "warm", "full")}
    for site in sites.values():
        shutil.rmtree(site, ignore_errors=True)
    cold = timed_build(project, sites["cold"], cache)
    print(f"cold build with the cache: {cold}", flush=True)
    changed = edit(project, args.changed, args.edit)
    print(f"changed: {len(changed)} status files ({args.edit})", flush=True)
    warm = timed_build(project, sites["warm"], cache)
    print(f"incremental build: {warm}", flush=True)
    full = timed_build(project, sites["full"], None)
    print(f"full build: {full}", flush=True)
    differ = same_files(sites["warm"], sites["full"])
    print(
        f"incremental/full: {warm['seconds'] / full['seconds']:.2f}",
        f"(CPU time {warm['cpu'] / full['cpu']:.2f})",
    )
    print(f"files that differ: {len(differ)} {differ[:10]}")
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
    else:
        main()
