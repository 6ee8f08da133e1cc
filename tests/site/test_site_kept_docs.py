"""h24x (plugin/kept_docs.py): in a CI build with ``page_cache``, a hand-written page whose
Markdown, context and navigation are unchanged is neither converted by Python-Markdown nor cut
by jieba again: its render and search entries come from the cache's folder, and jieba's
dictionary is not given duban's words (which loads it) when no page is cut. The site is, file
for file, a fresh full build's."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import jieba
import markdown
import pytest
from mkdocs.commands import build as build_module
from mkdocs.commands.build import build
from mkdocs.config import load_config

from duban.plugin import kept_docs
from duban.plugin.kept_docs import SUFFIX
from sitekit import DEMO_AS_OF, ci_project, mkdocs_build, scratch, site_files

ABOUT = "关于演示站点"  # the demo's hand-written page (docs/about.md) starts with it


class Counted:
    """Markdown conversions of the hand-written page, jieba's cuts, duban's words given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.converted: list[str] = []
        self.cuts = 0
        self.words = 0
        self.templates: list[str] = []  # the theme's static pages MkDocs rendered
        convert, cut, use = markdown.Markdown.convert, jieba.cut, kept_docs.use_words
        theme_template = build_module._build_theme_template

        def counted_template(name: str, *args: object) -> None:
            self.templates.append(name)
            theme_template(name, *args)  # type: ignore[arg-type]

        def counted_convert(md: markdown.Markdown, source: str) -> str:
            self.converted.append(source)
            return convert(md, source)

        def counted_cut(*args: object, **kwargs: object) -> object:
            self.cuts += 1
            return cut(*args, **kwargs)  # type: ignore[arg-type]

        def counted_use(words: object) -> object:
            self.words += 1
            return use(words)  # type: ignore[arg-type]

        monkeypatch.setattr(markdown.Markdown, "convert", counted_convert)
        monkeypatch.setattr(jieba, "cut", counted_cut)
        monkeypatch.setattr(kept_docs, "use_words", counted_use)
        monkeypatch.setattr(build_module, "_build_theme_template", counted_template)

    def about(self) -> int:
        return sum(ABOUT in source for source in self.converted)

    def reset(self) -> None:
        self.converted, self.cuts, self.words, self.templates = [], 0, 0, []


def _project(work: Path) -> Path:
    project = ci_project(work / "project")
    # an id without a value: MkDocs' anchors then hold None (the project's guide has such HTML)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n<p id>没有值的 id</p>\n", "utf-8")
    return project


def _build(project: Path, site: Path) -> None:
    """``mkdocs build`` in this process (the counters see it)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _fresh(project: Path, site: Path) -> dict[str, bytes]:
    """A full build without the page cache (the variable the tests set is emptied for it)."""
    env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": "", "DUBAN_LANG": "en"}
    done = mkdocs_build(project / "mkdocs.yml", site, env)
    assert done.returncode == 0, done.stderr[-3000:]
    return site_files(site)


class Pristine:
    """The project, its page cache as one build filled it, and the full build's site: made once
    for this file (each build costs seconds), each test starting from a copy put back in the same
    place (the cache's keys hold the project's paths)."""

    def __init__(self) -> None:
        self.work = scratch("kept-docs")
        self.project = _project(self.work)
        self.cache = self.work / "cache"
        env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": str(self.cache), "DUBAN_LANG": "en"}
        done = mkdocs_build(self.project / "mkdocs.yml", self.work / "cold", env)
        assert done.returncode == 0, done.stderr[-3000:]
        self.site = _fresh(self.project, self.work / "fresh")
        self.kept = self.work.with_name(self.work.name + "-kept")
        self.kept.mkdir()
        for name in ("project", "cache"):
            shutil.copytree(self.work / name, self.kept / name)

    def restore(self) -> None:
        """The folder as the first build left it: the project, the filled cache, no site."""
        shutil.rmtree(self.work)
        self.work.mkdir()
        for name in ("project", "cache"):
            shutil.copytree(self.kept / name, self.work / name)


@pytest.fixture(scope="module")
def pristine() -> Iterator[Pristine]:
    made = Pristine()
    yield made
    shutil.rmtree(made.work, ignore_errors=True)
    shutil.rmtree(made.kept, ignore_errors=True)


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, pristine: Pristine) -> tuple[Path, Path]:
    """(the work folder, the project), the cache filled by a build of the unchanged project."""
    pristine.restore()
    monkeypatch.setenv("DUBAN_AS_OF", DEMO_AS_OF)
    monkeypatch.setenv("DUBAN_PAGE_CACHE", str(pristine.cache))
    monkeypatch.setenv("DUBAN_LANG", "en")
    return pristine.work, pristine.project


def test_an_unchanged_hand_written_page_is_not_converted_or_cut_again(
    monkeypatch, cached, pristine
):
    work, project = cached
    shutil.rmtree(work / "cache")  # this test counts what a cold build does
    counted = Counted(monkeypatch)
    _build(project, work / "cold")
    assert counted.about() == 1 and counted.cuts > 0 and counted.words == 1
    assert sorted(counted.templates) == ["404.html", "sitemap.xml"]
    assert len(list((work / "cache").glob(f"*/*{SUFFIX}"))) == 2  # about.md's, 404.html's
    counted.reset()
    _build(project, work / "again")  # nothing changed: every page from the cache
    assert counted.about() == 0  # no Markdown for the hand-written page
    assert counted.cuts == 0 and counted.words == 0  # jieba's dictionary not even loaded
    assert counted.templates == ["sitemap.xml"]  # 404.html written from the cache
    assert site_files(work / "again") == pristine.site
    # a status file changed: the pages that show it are made and cut, the guide still kept
    status = sorted((project / "data" / "status").glob("*.yaml"))[1]
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+text: )", r"\g<1>改动：", text, count=1), "utf-8")
    counted.reset()
    _build(project, work / "edited")
    assert counted.about() == 0 and counted.cuts > 0 and counted.words == 1
    assert site_files(work / "edited") == _fresh(project, work / "fresh-edited")


def test_a_changed_hand_written_page_is_converted_again(monkeypatch, cached):
    work, project = cached
    counted = Counted(monkeypatch)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n## 新增一节\n\n青山镇的说明。\n", "utf-8")
    counted.reset()
    _build(project, work / "again")
    assert counted.about() == 1 and counted.cuts > 0
    assert "404.html" in counted.templates  # the context changed: the navigation may have
    built = site_files(work / "again")
    assert built == _fresh(project, work / "fresh")
    index = json.loads(built["search/search_index.json"])
    assert any("青山镇的说明" in e["text"].replace("\u200b", "") for e in index["docs"])


def test_a_record_that_is_not_valid_is_not_used(monkeypatch, cached, pristine):
    work, project = cached
    records = list((work / "cache").glob(f"*/*{SUFFIX}"))
    assert records
    for path in records:  # not a record of this format: the page is rendered again
        record = json.loads(path.read_text("utf-8"))
        record["toc"] = "not a table of contents"
        record["output"] = 404  # the 404 page's: not a text
        path.write_text(json.dumps(record), "utf-8")
    counted = Counted(monkeypatch)
    _build(project, work / "again")
    assert counted.about() == 1 and "404.html" in counted.templates
    assert site_files(work / "again") == pristine.site


def test_a_page_whose_render_warned_is_not_kept_and_warns_again(cached):
    work, project = cached
    shutil.rmtree(work / "cache")  # what these builds keep, alone
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n[gone](missing-page.md)\n", "utf-8")
    env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": str(work / "cache")}
    for site in ("one", "two"):  # --strict fails both times: the warning is logged again
        done = mkdocs_build(project / "mkdocs.yml", work / site, env)
        assert done.returncode != 0
        assert "missing-page.md" in done.stderr
    kept = [json.loads(p.read_text("utf-8")) for p in (work / "cache").glob(f"*/*{SUFFIX}")]
    assert [record["uri"] for record in kept] == ["404.html"]  # about.md's render is not kept


def test_a_kept_page_s_link_to_a_file_removed_since_warns(cached):
    work, project = cached
    shutil.rmtree(work / "cache")  # what these builds keep, alone
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n![图](images/map.png)\n", "utf-8")
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "map.png").write_bytes(b"not really a png")
    env = {"DUBAN_AS_OF": DEMO_AS_OF, "DUBAN_PAGE_CACHE": str(work / "cache")}
    done = mkdocs_build(project / "mkdocs.yml", work / "one", env)
    assert done.returncode == 0, done.stderr[-3000:]
    (project / "docs" / "images" / "map.png").unlink()
    done = mkdocs_build(project / "mkdocs.yml", work / "two", env)
    assert done.returncode != 0 and "images/map.png" in done.stderr  # rendered again: warned


def test_the_words_are_given_to_jieba_once_and_only_when_needed(monkeypatch):
    given: list[tuple[str, ...]] = []
    monkeypatch.setattr(kept_docs, "use_words", lambda words: given.append(tuple(words)))
    words = kept_docs.SearchWords()
    assert words.given(["青山镇"]) == ("青山镇",) and given == []
    words.need()
    words.need()
    assert given == [("青山镇",)]
