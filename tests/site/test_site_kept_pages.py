"""Reused pages skip MkDocs' per-page loop (h24p, plugin/kept_pages.py): `mkdocs serve` keeps
the unchanged pages' files in the served folder, a CI build writes them from the cache, and
either way the site is, file for file, the one a fresh full build makes (navigation, sitemap,
search index and 404 included)."""

from __future__ import annotations

import logging
import re
import shutil

from mkdocs.structure.files import File, InclusionLevel

from duban.plugin.kept_pages import ASIDE, LoopFiles
from sitekit import (
    DEMO_AS_OF,
    assert_served_as_built,
    ci_project,
    demo_project,
    mkdocs_build,
    scratch,
    serve_rebuild,
    serve_started,
    site_files,
    text_edited,
)

KEPT = re.compile(r"duban: (\d+) reused pages put in place without MkDocs' per-page work")


def _kept(text: str) -> int:
    found = KEPT.findall(text)
    return int(found[-1]) if found else 0


def test_serve_keeps_unchanged_pages_in_place_and_serves_what_a_full_build_makes(
    caplog, monkeypatch
):
    monkeypatch.setenv("DUBAN_LANG", "en")
    work = scratch("kept-pages-serve")
    project = demo_project(work / "project")
    served = work / "served"
    served.mkdir()
    config = serve_started(project, served)
    plugin = config.plugins["duban"]
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.duban")
    read: list[str] = []  # the pages MkDocs' reading loop handed to the plugin
    on_pre_page = type(plugin).on_pre_page
    monkeypatch.setattr(
        type(plugin),
        "on_pre_page",
        lambda self, page, **kw: read.append(page.file.src_uri) or on_pre_page(self, page, **kw),
    )
    try:
        serve_rebuild(project, served)  # the first build writes every page
        assert _kept(caplog.text) == 0
        generated = {u for u in plugin.served_pages}
        statuses = sorted((project / "data" / "status").glob("*.yaml"))
        for round, status in enumerate(statuses[:2]):
            before = {p: p.stat().st_ino for p in served.rglob("*.html")}
            text_edited(status, f"保留页面改动{round}：")
            caplog.clear()
            read.clear()
            serve_rebuild(project, served)
            kept = _kept(caplog.text)
            # most generated pages never reached MkDocs' loop; the edited unit's page did
            assert kept > len(generated) // 2, caplog.text
            assert len(read) < len(generated) - kept + 20
            assert f"units/{status.stem}.md" in read
            # the hand-written pages: their search entries found, not cut with jieba again
            assert plugin.cache.page_cache.searched == 1  # about.md, the demo's one
            assert plugin.cache.renders.hits >= 1  # and its Markdown not rendered again
            page = served / "units" / f"{status.stem}.html"
            assert f"保留页面改动{round}：" in page.read_text("utf-8")
            # the kept pages are the very files of the last build (moved back, not rewritten)
            same = [p for p, inode in before.items() if p.exists() and p.stat().st_ino == inode]
            assert len(same) == kept
            plugin.later.wait()  # the whole-plan downloads, made after the pages (h24n)
            plugin.cache.kept._sweep()
            assert not served.with_name(served.name + ASIDE).exists()
            # every file served is the one a fresh full build of the same data makes
            full = work / f"full-{round}"
            assert_served_as_built(project, served, full)
        # invalid data: the problem page is served everywhere, nothing is kept; fixed, the
        # next build writes every page again and serves the full build's files
        status = statuses[0]
        good = status.read_text("utf-8")
        status.write_text(good + "\n  - [broken\n", "utf-8")
        serve_rebuild(project, served)
        assert not plugin.cache.kept.written
        status.write_text(good, "utf-8")
        caplog.clear()
        serve_rebuild(project, served)
        assert _kept(caplog.text) == 0
        plugin.later.wait()
        assert site_files(served) == site_files(work / "full-1")
    finally:
        config.plugins.on_shutdown()
    assert not served.with_name(served.name + ASIDE).exists()
    shutil.rmtree(work, ignore_errors=True)


def test_a_ci_build_writes_the_reused_pages_from_the_cache_byte_for_byte():
    work = scratch("kept-pages-ci")
    project = ci_project(work / "project")
    env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": str(work / "cache"), "DUBAN_LANG": "en"}
    cold = mkdocs_build(project / "mkdocs.yml", work / "cold", env)
    assert cold.returncode == 0 and _kept(cold.stderr) == 0, cold.stderr[-3000:]
    text_edited(sorted((project / "data" / "status").glob("*.yaml"))[1], "写入缓存改动：")
    again = mkdocs_build(project / "mkdocs.yml", work / "again", env)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _kept(again.stderr) > 30
    fresh = mkdocs_build(project / "mkdocs.yml", work / "fresh", {"DUBAN_AS_OF": DEMO_AS_OF})
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    assert site_files(again.site) == site_files(fresh.site)  # sitemap, search index, 404 too
    shutil.rmtree(work, ignore_errors=True)


def test_only_the_loops_calls_leave_the_kept_pages_out():
    def file(uri: str) -> File:
        return File(uri, src_dir=None, dest_dir="/site", use_directory_urls=False)

    files = LoopFiles([file("p0.md"), file("p1.md"), file("p2.md"), file("a.css")])
    assert [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)] == [
        "p0.md",
        "p1.md",
        "p2.md",
    ]
    files.skipped = frozenset({"p1.md"})
    assert [f.src_uri for f in files.documentation_pages()] == ["p0.md", "p1.md", "p2.md"]
    loop = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    assert [f.src_uri for f in loop] == ["p0.md", "p2.md"]
    assert len(files) == 4 and files.get_file_from_path("p1.md") is not None


def test_serve_dirty_moves_nothing_aside(caplog, monkeypatch):
    """`mkdocs serve --dirty` keeps the folder itself (MkDocs rebuilds only what changed): the
    kept pages are written from the cache then, and every page is still there."""
    monkeypatch.setenv("DUBAN_LANG", "en")
    work = scratch("kept-pages-dirty")
    project = demo_project(work / "project")
    served = work / "served"
    served.mkdir()
    config = serve_started(project, served, dirty=True)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.duban")
    try:
        serve_rebuild(project, served, dirty=True)
        pages = sorted(p.relative_to(served) for p in served.rglob("*.html"))
        status = sorted((project / "data" / "status").glob("*.yaml"))[0]
        text_edited(status, "脏构建改动：")
        serve_rebuild(project, served, dirty=True)
        assert not served.with_name(served.name + ASIDE).exists()
        assert sorted(p.relative_to(served) for p in served.rglob("*.html")) == pages
        page = served / "units" / f"{status.stem}.html"
        assert "脏构建改动：" in page.read_text("utf-8")
    finally:
        config.plugins.on_shutdown()
    shutil.rmtree(work, ignore_errors=True)
