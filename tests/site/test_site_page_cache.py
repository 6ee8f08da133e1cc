"""The page cache (duban/plugin/page_cache.py): a build that reuses the pages of an earlier one
is the same, byte for byte, as a fresh full build of the same data, and reuses what did not
change."""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from duban.plugin.page_cache import SUFFIX, Entry, PageCache, _stable, context_digest, digest_of
from duban.plugin.reuse import open_cache
from helpers import free_port
from sitekit import DEMO_AS_OF, Build, demo_project, mkdocs_build, scratch, site_files, text_edited


def _reused(build: Build) -> tuple[int, int]:
    found = re.search(r"(?:page cache|页面缓存)\D*(\d+)\D*(\d+)", build.stderr)
    assert found, build.stderr[-2000:]
    return int(found.group(1)), int(found.group(2))


def _project(work: Path) -> Path:
    """The demo project, its date and page cache read from the environment."""
    project = demo_project(work / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        'as_of: "2010-12-15"',
        'as_of: !ENV [DUBAN_AS_OF, ""]\n      page_cache: !ENV [DUBAN_PAGE_CACHE, ""]',
    )
    assert "page_cache" in text
    config.write_text(text, "utf-8")
    return project


def _build(project: Path, site: Path, cache: Path | None) -> Build:
    env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": str(cache or "")}
    build = mkdocs_build(project / "mkdocs.yml", site, env)
    assert build.returncode == 0, build.stderr[-3000:]
    return build


def test_a_build_with_the_cache_is_the_full_build_byte_for_byte():
    work = scratch("page-cache")
    project = _project(work)
    cache = work / "cache"
    first = _build(project, work / "first", cache)
    reused, made = _reused(first)
    assert reused == 0 and made > 30  # a cold cache: every generated page made and kept
    assert len(list(cache.glob(f"*/*{SUFFIX}"))) == made

    statuses = sorted((project / "data" / "status").glob("*.yaml"))[:2]
    for status in statuses:
        text_edited(status, "已更新：")
    again = _build(project, work / "again", cache)
    fresh = _build(project, work / "fresh", None)
    assert not re.search("page cache|页面缓存", fresh.stderr)  # off unless asked for

    reused, made = _reused(again)
    assert reused > made > 0  # the unchanged units' pages came from the cache
    assert site_files(again.site) == site_files(fresh.site)
    # and the edited units' pages did change (they were not served stale)
    for status in statuses:
        page = f"units/{status.stem}.html"
        before = (first.site / page).read_text("utf-8")
        after = (again.site / page).read_text("utf-8")
        assert "已更新：" in after and "已更新：" not in before
    # the cache now holds exactly this build's pages
    assert len(list(cache.glob(f"*/*{SUFFIX}"))) == reused + made

    # a hand-written page's title or links may be in every page: its edit reuses nothing
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n改动。\n", "utf-8")
    assert _reused(_build(project, work / "docs-edit", cache))[0] == 0

    # a new date: as_of is in every page's key, so nothing is reused, and the site is that
    # date's full build
    env = {"DUBAN_AS_OF": "2011-03-01", "DUBAN_PAGE_CACHE": str(cache)}
    later = mkdocs_build(project / "mkdocs.yml", work / "later", env)
    assert later.returncode == 0, later.stderr[-3000:]
    assert _reused(later)[0] == 0
    fresh = mkdocs_build(
        project / "mkdocs.yml", work / "fresh-later", {"DUBAN_AS_OF": "2011-03-01"}
    )
    assert site_files(later.site) == site_files(fresh.site)


def test_a_project_checked_out_in_another_folder_reuses_every_page():
    """A CI runner may check the repository out in another folder each job: the pages' context
    holds its folders relative to mkdocs.yml (page_cache.portable), and the sources' keys the
    records' places in the data folder (fact_bytes), so nothing is made again, and the site is
    the fresh build's."""
    work = scratch("page-cache-moved")
    project = _project(work / "one")
    cache = work / "cache"
    first = _build(project, work / "first", cache)
    moved = work / "two" / "checkout"
    shutil.copytree(project, moved, symlinks=True)
    again = _build(moved, work / "again", cache)
    assert _reused(again) == (_reused(first)[1], 0)
    sources = re.search(r"(?:page sources|页面源)\D*(\d+)\D*(\d+)", again.stderr)
    assert sources and int(sources.group(1)) > 0 and sources.group(2) == "0", again.stderr
    assert site_files(again.site) == site_files(_build(moved, work / "fresh", None).site)


def test_a_cache_inside_the_repository_is_not_used(tmp_path, caplog):
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / ".git").mkdir()  # the project is a repository: a pull request could commit one
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.duban"):
        cache = open_cache(".duban/pages", project, project / "data", "build", None)
    assert cache is None
    assert re.search(r"page_cache .* not used|未使用页面缓存 ", caplog.text), caplog.text
    assert not (project / ".duban").exists()
    outside = open_cache(str(tmp_path / "cache"), project, project / "data", "build", None)
    assert outside is not None and outside.folder == tmp_path / "cache"


def test_broken_or_forged_entries_are_made_again(tmp_path):
    cache = PageCache(tmp_path)
    key = cache.key("context", "units/a.md", "source")
    search = ({"location": "a.html", "title": "a", "text": ""},)
    cache.put(key, Entry("<html>a</html>", search, frozenset({"x"})))
    assert PageCache(tmp_path).get(key) == Entry("<html>a</html>", search, frozenset({"x"}))
    path = tmp_path / key[:2] / f"{key}{SUFFIX}"
    other = cache.key("context", "units/b.md", "source")  # an entry copied under another key
    (tmp_path / other[:2]).mkdir(exist_ok=True)
    shutil.copy(path, tmp_path / other[:2] / f"{other}{SUFFIX}")
    assert PageCache(tmp_path).get(other) is None
    path.write_text(path.read_text("utf-8")[:-5], "utf-8")  # half-written
    assert PageCache(tmp_path).get(key) is None


def test_the_context_names_functions_and_objects_without_their_address():
    def slugify() -> None: ...

    assert _stable(slugify).endswith(
        "test_the_context_names_functions_and_objects_without_their_address.<locals>.slugify"
    )
    assert _stable(object()) == "<object object>"
    assert digest_of([object()]) == digest_of([object()])


class _Plugin:
    def __init__(self, **settings: object) -> None:
        self.config = settings


class _Theme(dict):
    name, dirs = "material", ["/theme"]


class _Config(dict):
    """What context_digest reads of MkDocs' configuration."""

    config_file_path = None
    theme = _Theme(palette="default")

    def __init__(self, **duban: object) -> None:
        super().__init__(site_name="站")
        self.extra_javascript: list[str] = []
        self.plugins = {"search": _Plugin(lang=["zh"]), "duban": _Plugin(**duban)}


def test_how_a_build_runs_is_no_part_of_the_pages_context():
    """The processes that render and the cache's own folder change no page: a CI runner with
    another core count, or the cache restored elsewhere, keeps the pages (the same bytes in any
    number of processes is tested in test_render_split)."""

    def context(**duban: object) -> str:
        return context_digest(_Config(**duban), {"as_of": "2010-12-15"}, [], [], ())

    one = context(as_of="2010-12-15", render_processes="auto", page_cache="/tmp/a")
    assert context(as_of="2010-12-15", render_processes="1", page_cache="/srv/b") == one
    assert context(as_of="2010-12-16", render_processes="auto", page_cache="/tmp/a") != one
    assert context(as_of="2010-12-15", language="en", render_processes="auto") != context(
        as_of="2010-12-15", render_processes="auto"
    )


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(check, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_remakes_only_the_edited_units_pages_and_says_what_changed():
    work = scratch("page-cache-serve")
    project = _project(work)
    port = free_port()
    log = work / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DUBAN_LANG": "en"}
    env.update(DUBAN_AS_OF=DEMO_AS_OF, DUBAN_PAGE_CACHE="")
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        status = sorted((project / "data" / "status").glob("*.yaml"))[0]
        url = f"http://127.0.0.1:{port}/units/{status.stem}.html"
        _until(lambda: "<html" in _get(url))
        _until(lambda: "made" in log.read_text("utf-8"))  # the first build: everything made
        text_edited(status, "服务中改动：")
        _until(lambda: "服务中改动：" in _get(url))
        _until(lambda: log.read_text("utf-8").count("made") == 2)
        text = log.read_text("utf-8")
        assert f"1 unit file(s) changed (status/{status.name})" in text
        assert "1 status file(s) loaded again" in text  # h24m: the model updated, not rebuilt
        rebuild = text[text.index("unit file(s) changed") :]
        reused, made = _reused(Build(work, 0, "", rebuild))
        assert reused > 30 and 0 < made < 10
        (project / "data" / "org.yaml").write_text(
            (project / "data" / "org.yaml").read_text("utf-8") + "\n", "utf-8"
        )
        _until(lambda: "full rebuild" in log.read_text("utf-8"))
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C: MkDocs removes its served folder
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_another_plugin_turns_the_cache_off():
    work = scratch("page-cache-plugin")
    project = _project(work)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("plugins:\n", "plugins:\n  - tags\n", 1)
    config.write_text(text, "utf-8")
    build = _build(project, work / "site", work / "cache")
    assert re.search(r"page cache not used: plugin \S*tags|插件 \S*tags 可能改动页面", build.stderr)
    assert not list((work / "cache").glob(f"*/*{SUFFIX}"))
