"""Benchmark: `mkdocs serve` after one changed status file, from the file's save to the new page
served.

    python tests/benchmarks/serve_edit.py --units 1500 [--edits 2] [--work /tmp/duban-serve]
        [--profile heavy]

On site_floor.py's generated repository (generate.py --plans 2, the project's mkdocs.yml and
docs/): starts a real ``mkdocs serve``, waits for its first build, then ``--edits`` times changes
one unit's status file (``--edit text``: one update's text gets a new marker; ``--edit
report``: a monthly report, a new update holding the marker and a task in progress marked done,
which changes the summaries too: status_edits.py; ``--edit both``: half of each, text first),
polling the unit's page every 0.2 s until it shows the marker; prints each time and the
server's log lines about the rebuild.
When the server makes the whole-plan downloads after the pages (h24n), each edit also waits
for the log to say they are ready, and prints when they were (so edits never overlap them).

h24p: the server's log lines are time-stamped as they arrive (seconds since the save), so each
edit prints when the watcher saw the change, when the build started and ended, and the server's
threads' time waiting for a core (``/proc/PID/task/*/schedstat``: the run-queue wait), which
is where a shared machine's wall-clock time above the CPU time goes.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from site_bytes import repository
from site_floor import AS_OF
from status_edits import report_edit, text_edit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) the server's process has used so far (Linux /proc): the
    wall-clock time of a rebuild on a shared machine says more about the others' load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _schedstat(pid: int) -> tuple[float, float]:
    """The server's threads' seconds on a core and waiting for one (Linux schedstat)."""
    run = wait = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            fields = (task / "schedstat").read_text().split()
        except OSError:
            continue
        run, wait = run + int(fields[0]), wait + int(fields[1])
    return run / 1e9, wait / 1e9


STAMPED: list[tuple[float, str]] = []  # (monotonic time, line) of the server's log


def _stamp(stream: object, log: Path) -> None:
    with log.open("w") as out:
        for raw in stream:  # type: ignore[attr-defined]
            line = raw.decode("utf-8", "replace").rstrip("\n")
            STAMPED.append((time.monotonic(), line))
            out.write(line + "\n")
            out.flush()


MILESTONES = (
    "Detected file changes",
    "Building documentation",
    "Cleaning site directory",
    "重新载入",
    "页面源",
    "页面缓存",
    "沿用上次写好",
    "Documentation built",
    "Reloading browsers",
)


def _milestones(saved: float, until: float) -> str:
    found = []
    for when, line in STAMPED:
        if saved <= when <= until:
            for name in MILESTONES:
                if name in line:
                    found.append(f"{when - saved:.2f} s {name}")
    return "; ".join(found)


def _wait(url: str, text: str, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in _get(url):
            return time.monotonic() - started
        time.sleep(0.2)
    raise SystemExit(f"{url} never showed {text!r}")


READY_LATER = ("在页面之后重新生成", "rebuilt after the pages")
READY = ("全局下载文件已重新生成", "whole-plan downloads are ready")


def _ready(log: Path, count: int, timeout: float) -> float:
    """When the server's log says the downloads of the ``count``-th rebuild are ready."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        text = log.read_text("utf-8", "replace")
        if sum(text.count(words) for words in READY) >= count:
            return time.monotonic()
        time.sleep(0.2)
    raise SystemExit("the downloads were never ready")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--edits", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-serve"))
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    parser.add_argument("--edit", choices=("text", "report", "both"), default="text")
    args = parser.parse_args()
    project = repository(args.work, args.units, args.profile)  # the heavy one: site_processes'
    status = sorted((project / "data" / "status").glob("*.yaml"))[7]
    page = f"units/{status.stem}.html"
    port = _free_port()
    env = {**os.environ, "DUBAN_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    log = args.work / f"serve-{args.units}.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    threading.Thread(target=_stamp, args=(server.stdout, log), daemon=True).start()
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        started = time.monotonic()
        _wait(url, "<html", 3600)
        print(f"first build served after {time.monotonic() - started:.1f} s", flush=True)
        time.sleep(3)
        # h24aa: ``both``, the first half of the edits text edits, then monthly reports (one
        # server, one first build)
        half = args.edits // 2
        kinds = [args.edit] * args.edits if args.edit != "both" else ["text"] * half
        kinds += ["report"] * (args.edits - len(kinds))
        for edit, kind in enumerate(kinds):
            marker = f"改动标记{edit}{time.time_ns()}"
            text = status.read_text("utf-8")
            # the last update: the unit page shows each occurrence's latest reports
            made = text_edit if kind == "text" else report_edit
            new = made(text, marker)
            cpu = _cpu(server.pid)
            run, waited = _schedstat(server.pid)
            saved = time.monotonic()
            status.write_text(new, "utf-8")
            seconds = _wait(url, marker, 3600)
            cpu = _cpu(server.pid) - cpu
            run2, waited2 = _schedstat(server.pid)
            print(
                f"edit {edit + 1} ({kind}): the page showed it {seconds:.1f} s after the save "
                f"(the server's CPU meanwhile: {cpu:.1f} s; its threads on a core "
                f"{run2 - run:.1f} s, waiting for one {waited2 - waited:.1f} s)",
                flush=True,
            )
            print("  when:", _milestones(saved, saved + seconds), flush=True)
            if any(words in log.read_text("utf-8", "replace") for words in READY_LATER):
                ready = _ready(log, edit + 1, 600)
                print(f"  the downloads ready {ready - saved:.1f} s after the save", flush=True)
            time.sleep(3)
    finally:
        # Ctrl-C, not SIGTERM: MkDocs removes its served folder (some 300 MB at this size)
        # and duban's plugin its own only when the server ends through KeyboardInterrupt
        server.send_signal(signal.SIGINT)
        try:
            server.wait(120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(30)
    lines = log.read_text("utf-8", "replace").splitlines()
    for line in lines:
        if "duban" in line or "Documentation built" in line or "Building" in line:
            print("  server:", line)


if __name__ == "__main__":
    main()
