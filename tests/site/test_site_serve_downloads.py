"""`mkdocs serve` makes the whole-plan downloads after the pages (h24n, plugin/serve_downloads.py):
a rebuild after one status file shows the edit on the unit's page and the summaries, says in
the log that the downloads are being made again, and the downloads catch up, the same bytes as
a full build's; anything but a status file changed makes them in the build, as before."""

from __future__ import annotations

import logging
import re
import shutil
import threading
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from duban.outputs import urls
from duban.plugin.serve_downloads import LaterDownloads, put_in_place
from duban.plugin.serve_files import LinkedFile, TemplateCode
from duban.site import Site, kept_open_data
from duban.site.split import Job
from sitekit import SERVE_URL, demo_project, mkdocs_build, scratch, serve_rebuild, serve_started

LATER = "rebuilt after the pages"
READY = "whole-plan downloads are ready"
WHOLE = (urls.EXPORT_JSON, urls.LEDGER_CSV, urls.LEDGER_XLSX, urls.FEED)


def _edit(status: Path, words: str) -> None:
    """The first update's text marked and its obligation done: the summaries count it."""
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", rf"\g<1>{words}", text, count=1)
    changed = changed.replace("  progress: 20\n", "  progress: 90\n", 1)
    assert changed.count(words) == 1 and "progress: 90" in changed
    status.write_text(changed, "utf-8")


def test_a_serve_rebuild_shows_the_pages_then_the_downloads_catch_up(caplog, monkeypatch):
    work = scratch("serve-downloads")
    project = demo_project(work / "project")
    served = work / "served"
    served.mkdir()
    config = serve_started(project, served)
    plugin = config.plugins["duban"]
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.duban")
    try:
        serve_rebuild(project, served)  # the first build makes every download
        assert LATER not in caplog.text
        first = {uri: (served / uri).read_bytes() for uri in WHOLE}
        pages = {p: p.read_bytes() for p in served.rglob("*.html")}
        status = sorted((project / "data" / "status").glob("*.yaml"))[0]
        _edit(status, "服务下载改动：")
        pieces: list[int] = []  # the open data's pieces made (h24l): the edited file's only
        made_piece = kept_open_data.made_piece
        monkeypatch.setattr(
            kept_open_data, "made_piece", lambda e: pieces.append(1) or made_piece(e)
        )
        serve_rebuild(project, served)
        assert LATER in caplog.text
        # the pages at once: the unit's own, its task's and the summaries that count it
        assert "服务下载改动：" in (served / "units" / f"{status.stem}.html").read_text("utf-8")
        changed = {p.relative_to(served).as_posix() for p in pages if p.read_bytes() != pages[p]}
        assert {"overdue.html", f"units/{status.stem}.html"} <= changed  # a summary too
        assert [p for p in changed if p.endswith("/tasks/04.html")]  # the edited task's page
        # the downloads the served site holds are whole, old or new, never half-written
        plugin.later.wait()
        assert READY in caplog.text and plugin.later.made == len(plugin.later.sizes)
        assert len(pieces) == 1
        for uri in (urls.EXPORT_JSON, urls.FEED):  # the 台账 shows the latest update only
            made = (served / uri).read_bytes()
            assert made != first[uri] and "服务下载改动：".encode() in made, uri
        assert not [p for p in served.rglob(".*") if p.is_file()]  # no temporary file left
        # the same bytes as a full build of the same data
        full = mkdocs_build(project / "mkdocs.yml", work / "full", {"DUBAN_SITE_URL": SERVE_URL})
        assert full.returncode == 0, full.stderr
        for uri in plugin.later.sizes:
            assert (served / uri).read_bytes() == (work / "full" / uri).read_bytes(), uri
        # a change beside the status files: a full load, every download made in the build
        caplog.clear()
        org = project / "data" / "org.yaml"
        org.write_text(org.read_text("utf-8") + "\n", "utf-8")
        serve_rebuild(project, served)
        assert LATER not in caplog.text
        made = (served / urls.EXPORT_JSON).read_bytes()
        assert made == (work / "full" / urls.EXPORT_JSON).read_bytes()
    finally:
        config.plugins.on_shutdown()
    assert plugin.later.folder is None
    shutil.rmtree(work, ignore_errors=True)


def _site(sink_log: list[str]) -> Site:
    return Site(sink=lambda uri, data: sink_log.append(uri))


def test_the_next_build_stops_the_thread_between_two_downloads(tmp_path):
    later = LaterDownloads()
    later.folder, later.sizes = tmp_path / "kept", {"downloads/a.csv": 1, "downloads/b.csv": 1}
    later.start(serving=True, updated=True)
    started, go = threading.Event(), threading.Event()

    def slow() -> dict[str, str]:
        started.set()
        go.wait(10)
        site.put("downloads/a.csv", "new a")
        return {}

    def never() -> dict[str, str]:
        raise AssertionError("the next build should have stopped the thread")

    site = _site([])
    calendars = Job(lambda: {})
    assert later.take([calendars, Job(slow), Job(never)], site) == [calendars]
    assert site.sizes == {"downloads/a.csv": 1, "downloads/b.csv": 1}
    served = tmp_path / "served"
    later.after(str(served))
    assert started.wait(10)
    threading.Timer(0.2, go.set).start()
    later.start(serving=True, updated=True)  # waits for the download under way, then stops
    assert (served / "downloads" / "a.csv").read_text() == "new a"
    assert (tmp_path / "kept" / "downloads" / "a.csv").read_text() == "new a"
    assert later.sizes == {"downloads/a.csv": 5, "downloads/b.csv": 1}
    later.close()
    assert not (tmp_path / "kept").exists()


@pytest.mark.parametrize(("serving", "updated"), [(False, True), (True, False)])
def test_a_build_or_a_full_load_makes_every_download(serving, updated, tmp_path):
    later = LaterDownloads()
    later.folder, later.sizes = tmp_path, {"downloads/a.csv": 1}
    later.start(serving=serving, updated=updated)
    jobs = [Job(lambda: {}), Job(lambda: {})]
    assert later.take(jobs, _site([])) == jobs
    assert later.source("downloads/a.csv") is None


def test_put_in_place_replaces_a_file_whole(tmp_path):
    put_in_place(tmp_path, "downloads/x.json", b"one")
    put_in_place(tmp_path, "downloads/x.json", b"two")
    assert (tmp_path / "downloads" / "x.json").read_bytes() == b"two"
    assert [p.name for p in (tmp_path / "downloads").iterdir()] == ["x.json"]


def test_a_download_is_linked_into_the_served_folder(tmp_path):
    source = tmp_path / "made" / "downloads" / "a.ics"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"calendar")
    linked = LinkedFile("downloads/a.ics", None, str(tmp_path / "s"), use_directory_urls=False)
    linked.abs_src_path = str(source)
    target = tmp_path / "s" / "downloads" / "a.ics"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"the last build's")
    linked.copy_file()
    assert target.read_bytes() == b"calendar" and target.stat().st_ino == source.stat().st_ino


def test_the_themes_templates_are_compiled_once_a_session(monkeypatch):
    code = TemplateCode()

    def env(source: str) -> Environment:
        made = Environment(loader=DictLoader({"main.html": source}))
        made.bytecode_cache = code
        return made

    assert env("a {{ x }}").get_template("main.html").render(x=1) == "a 1"
    again = env("a {{ x }}")
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert again.get_template("main.html").render(x=2) == "a 2"
    monkeypatch.undo()
    assert env("b {{ x }}").get_template("main.html").render(x=3) == "b 3"  # a new source
