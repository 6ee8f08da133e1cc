"""``mkdocs serve`` while the data is being edited: a real server on a copy of the demo project.

An invalid edit must show in the browser (every page lists the problems, in Chinese, each with
its file:line), not only in the terminal; fixing the data brings the normal pages back. A real
``mkdocs build`` of the same invalid data still fails (tests/site/test_site_build.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import free_port
from sitekit import DEMO_PLAN, demo_project, plan_path, scratch

TASK = plan_path(DEMO_PLAN, "tasks/03")
BROKEN = "state: done\n  done: '2010-10-23'"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float = 120) -> str:
    """Poll until the page holds ``text`` (the server rebuilds on change, in its own time)."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = _get(url)
        if text in body:
            return body
        time.sleep(0.5)
    pytest.fail(f"{url} never showed {text!r}; last body starts {body[:300]!r}")


def _title(body: str) -> str:
    found = re.search(r"<title>([^<]*)</title>", body)
    assert found, body[:300]
    return found.group(1)


@contextlib.contextmanager
def _serving(root: Path):
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DUBAN_LANG": ""}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command,
        cwd=root,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C: MkDocs removes its served folder
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def served():
    root = demo_project(scratch("serve"))
    with _serving(root) as origin:
        yield root, origin


def test_an_invalid_edit_shows_in_the_page_and_fixing_it_brings_the_page_back(served):
    root, origin = served
    page = f"{origin}/{TASK}"
    before = _wait_for(page, "各单位落实情况")
    status = root / "data" / "status" / "baqiao.yaml"
    good = status.read_text("utf-8")
    assert BROKEN in good
    # a date that does not exist, and markup that must reach the page as text
    status.write_text(good.replace(BROKEN, "state: done\n  done: '2010-02-30<b>'", 1), "utf-8")
    body = _wait_for(page, "数据有误")
    assert "status/baqiao.yaml:" in body  # file:line of the problem
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "2010-10-23" in text)
    assert f"baqiao.yaml:{line}:" in body
    assert "obligations[0].done" in body
    assert "&lt;b&gt;" in body and "2010-02-30<b>" not in body  # escaped
    assert "duban validate" in body  # what to do
    assert "各单位落实情况" not in body
    assert _title(body) == _title(before)  # the tab and the nav keep their labels
    # the nav's generated pages and the hand-written ones show the problems too
    assert "数据有误" in _get(f"{origin}/overdue.html")
    about = _get(f"{origin}/about.html")
    assert "数据有误" in about and "baqiao.yaml" in about
    assert about.count("<h1") == 1  # the page keeps its own heading and title
    status.write_text(good, "utf-8")
    body = _wait_for(page, "各单位落实情况")
    assert "数据有误" not in body
    assert "数据有误" not in _get(f"{origin}/about.html")


def test_a_preview_started_on_invalid_data_shows_the_problems_at_home(tmp_path: Path):
    root = demo_project(tmp_path / "project")
    status = root / "data" / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("2010-10-23", "2010-02-30", 1), "utf-8")
    with _serving(root) as origin:
        body = _wait_for(f"{origin}/index.html", "数据有误")
        assert "baqiao.yaml:" in body


def test_the_problem_page_is_only_for_serving(tmp_path: Path):
    """``mkdocs build`` of invalid data still fails with the problems and exit 1."""
    from sitekit import mkdocs_build

    root = demo_project(tmp_path / "project")
    status = root / "data" / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("2010-10-23", "2010-02-30", 1), "utf-8")
    build = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 1
    assert "baqiao.yaml:" in build.stderr and "Traceback" not in build.stderr
    assert not (tmp_path / "site").exists()
