"""The site's render and build at 1, 2 and 4 processes (``render_processes``), light and heavy.

    python tests/benchmarks/site_processes.py --sizes 250,1500 --profiles light,heavy \\
        --processes 1,2,4 [--no-build] [--work DIR]

For each profile and size a repository of generate.py (with the project's mkdocs.yml and docs/)
is measured at each number of processes, each measurement in a process of its own:

* **render**: ``render_site`` as the plugin calls it (the model loaded, evaluated and frozen
  first, outside the time; downloads written to a folder): wall-clock seconds, and the CPU
  seconds of the parent and of the busiest child (on a machine others share, the longer of
  the two is what the render takes with a core each);
* **build**: ``mkdocs build`` with ``DUBAN_RENDER_PROCESSES=N``, wall-clock seconds, the peak
  memory of the largest process (the children's own, counted apart), and the built site's size
  and number of files.

Rows print as they are measured. ``DUBAN_AS_OF=2024-11-30``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import measured  # beside this file: on sys.path as script and under pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AS_OF = "2024-11-30"
RENDER = """
import datetime as dt, gc, os, sys, tempfile, time
from pathlib import Path
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.site import Settings, render_site, split
children = []
def reaped(pid, options):  # each child's own CPU time, as split reaps it
    pid, status, usage = os.wait4(pid, options)
    children.append(usage.ru_utime + usage.ru_stime)
    return pid, status
split.os.waitpid = reaped
root, processes = Path(sys.argv[1]), int(sys.argv[2])
model = load_project(root / "data", root / "schemas").model
evaluation = evaluate(model, dt.date.fromisoformat(sys.argv[3]), 30)
gc.collect(); gc.freeze()
out = Path(tempfile.mkdtemp())
def sink(uri, data):
    path = out / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
started, cpu = time.perf_counter(), time.process_time()
render_site(model, Settings(as_of=evaluation.as_of), evaluation, sink=sink, processes=processes)
print(time.perf_counter() - started, time.process_time() - cpu, max(children, default=0))
"""


def prepare(work: Path, units: int, profile: str) -> Path:
    root = work / f"{profile}-{units}"
    if not (root / "data").is_dir():
        command = [sys.executable, str(HERE / "generate.py"), "--units", str(units)]
        command += ["--profile", profile, "--out", str(root)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "docs", ignore_errors=True)
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def render_seconds(root: Path, processes: int) -> tuple[float, float, float]:
    """(wall-clock seconds, the parent's CPU seconds, the busiest child's CPU seconds)."""
    command = [sys.executable, "-c", RENDER, str(root), str(processes), AS_OF]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    wall, parent, child = (float(x) for x in out)
    return wall, parent, child


def build(root: Path, processes: int) -> tuple[float, float, float, int]:
    """(seconds, peak MB, the built site's MB, its files)."""
    os.environ.update(
        DUBAN_AS_OF=AS_OF, DUBAN_RENDER_PROCESSES=str(processes), NO_MKDOCS_2_WARNING="1"
    )
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    config = str(root / "mkdocs.yml")
    seconds, mb = measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config])
    files = [p for p in site.rglob("*") if p.is_file()]
    return seconds, mb, sum(p.stat().st_size for p in files) / 1e6, len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250")
    parser.add_argument("--profiles", default="light,heavy")
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="duban-processes-"))
    print(
        "| profile | units | processes | render s | parent CPU s | busiest child CPU s "
        "| build s | build MB | site MB | files |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |", flush=True)
    for profile in args.profiles.split(","):
        for units in (int(u) for u in args.sizes.split(",")):
            root = prepare(work, units, profile)
            for processes in (int(p) for p in args.processes.split(",")):
                render = render_seconds(root, processes)
                built = (0.0, 0.0, 0.0, 0) if args.no_build else build(root, processes)
                print(
                    f"| {profile} | {units} | {processes} | {render[0]:.1f} | {render[1]:.1f} | "
                    f"{render[2]:.1f} | {built[0]:.1f} | {built[1]:.0f} | {built[2]:.1f} | "
                    f"{built[3]} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
