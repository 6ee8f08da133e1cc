"""The plugin's hand-off (duban.plugin.handoff): Markdown reads only a generated page's headings
and search reads the page without what it leaves out, and the site is the same as when MkDocs
parsed every page whole (``DUBAN_SITE_HANDOFF=markdown``, the old way)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

import pytest
from material.plugins.search.plugin import Parser
from mkdocs.structure.pages import _HTMLHandler

from duban.load.project import load_project
from duban.plugin.handoff import anchor_ids, fill, placeholder, searchable
from duban.site import Settings, render_site
from helpers import swept
from site_floor import page_text
from sitekit import DEMO, ROOT, Build, demo_project, html_files, mkdocs_build, shared_build

SITES = {
    # the dates of test_site_phone.py, whose builds are the default way's here (one build each)
    "shipped": (ROOT / "mkdocs.yml", "2011-06-15"),
    "county": (ROOT / "examples" / "county" / "mkdocs.yml", "2024-07-31"),
}


def built(name: str, way: str) -> Build:
    """The site built the old way (``markdown``) or the default way (``html``, no variable: the
    build the other test files share, sitekit.shared_build)."""
    config, as_of = SITES[name]
    handoff = {"DUBAN_SITE_HANDOFF": way} if way == "markdown" else {}
    build = shared_build(config, DUBAN_AS_OF=as_of, **handoff)
    assert build.returncode == 0, build.stderr
    return build


@pytest.mark.parametrize("name", swept(sorted(SITES), ["shipped"]))
def test_every_page_and_the_search_index_are_the_same_either_way(name):
    old, new = built(name, "markdown").site, built(name, "html").site
    old_pages = [p.relative_to(old) for p in html_files(old)]
    assert old_pages == [p.relative_to(new) for p in html_files(new)]
    assert len(old_pages) > 30
    for page in old_pages:
        before, after = (old / page).read_bytes(), (new / page).read_bytes()
        if after != before:  # (equal bytes are an equal text: no need to extract it)
            text = page_text(after.decode()), page_text(before.decode())
            assert text[0] == text[1], page  # what a reader sees
        assert after == before, page  # and, today, every byte
    index = [
        json.loads((s / "search/search_index.json").read_text("utf-8"))["docs"] for s in (old, new)
    ]
    assert index[1] == index[0]
    where = {(entry["location"], entry["title"]) for entry in index[1]}
    unit = next((loc, t) for loc, t in sorted(where) if re.fullmatch(r"units/[^/#]+\.html", loc))
    task = next((loc, t) for loc, t in sorted(where) if re.fullmatch(r"plans/.+/tasks/[^#]+", loc))
    # a unit's name and a task's words find the same pages either way, the page itself among them
    for location, title in (unit, task):
        words = title.replace("\u200b", "")
        assert location in hits(index[1], words) == hits(index[0], words), (location, words)


def hits(entries: list[dict], words: str) -> set[str]:
    """The pages whose indexed title or text holds ``words`` (jieba's separators removed)."""
    return {
        e["location"].split("#")[0]
        for e in entries
        if words in (e["title"] + e["text"]).replace("\u200b", "")
    }


def test_the_warnings_of_a_build_are_the_same_either_way():
    assert built("shipped", "html").warnings == built("shipped", "markdown").warnings == []


@cache
def demo_pages() -> dict[str, str]:
    project = load_project(DEMO / "data")
    assert project.model is not None
    settings = Settings(as_of=dt.date(2010, 12, 15), directory_urls=False)
    return {
        u: p for u, p in render_site(project.model, settings).pages.items() if u.endswith(".md")
    }


def test_the_placeholder_holds_the_headings_and_one_paragraph_per_block():
    page = demo_pages()["plans/xian-sfj-2010-zfgfh/tasks/19.md"]
    text, held = placeholder(page)
    assert held is not None
    assert text.startswith("---\ntitle:") and "<" not in text  # no HTML for Markdown to parse
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert [line for line in text.splitlines() if line.startswith("## ")] == headings
    assert len(held.blocks) == text.count("dubanslot")
    # every character of the page's body is in a block or a heading
    body = "".join(held.blocks) + "".join(headings)
    assert sorted(body.replace("\n", "")) == sorted(
        page[page.index("\n---\n") + 5 :].replace("\n", "")
    )
    html = "\n".join(f"<p>dubanslot{i}x</p>" for i in range(len(held.blocks)))
    assert fill(html, held) == "\n".join(held.blocks).strip()


def blocks_of(page: str) -> str:
    held = placeholder(page)[1]
    assert held is not None  # every generated page is raw HTML between its headings
    return "\n".join(held.blocks)


def test_a_page_with_markdown_between_its_headings_is_handed_over_whole():
    for page in ("---\ntitle: x\n---\n\n<div>a</div>\n\nsome *text*\n", "<span>inline</span>\n"):
        assert placeholder(page) == (page, None)
    assert placeholder("<div>\n\n</div>\n\n## h\n\n<!-- c -->\n<table></table>\n")[1]


def test_the_anchors_are_those_mkdocs_finds_in_raw_html():
    for uri, page in demo_pages().items():
        blocks = blocks_of(page)
        handler = _HTMLHandler()
        handler.feed(blocks)
        handler.close()
        assert anchor_ids(blocks) == handler.present_anchor_ids, uri
    assert anchor_ids('<p id="a&amp;b"></p><a name="n">x</a><span name="no"></span>') == {
        "a&b",
        "n",
    }


def sections(html: str) -> list[tuple[str | None, str, str, bool]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


TRICKY = """<h2 id="a">A</h2>
<div class="x" data-search-exclude><div>inner</div>after the first close</div>
<table data-search-exclude><tr><td><a href="x" data-search-exclude>link</a>cell</td></tr></table>
<p>kept <input data-search-exclude> text</p>
<h2 id="b">B</h2><ul><li>item <a data-search-exclude href="y">gone</a> stays</li></ul>
<details data-search-exclude>ids</details><p>end</p>
<p title="a data-search-exclude b">title</p><p>data-search-exclude in text</p>"""


def test_search_reads_the_same_sections_without_the_excluded_elements():
    assert sections(searchable(TRICKY)) == sections(TRICKY)
    assert "inner" not in searchable(TRICKY) and "cell" not in searchable(TRICKY)
    assert "after the first close" in searchable(TRICKY)  # as Material ends an element
    for uri, page in demo_pages().items():
        blocks = blocks_of(page)
        assert sections(searchable(blocks)) == sections(blocks), uri


def test_links_to_anchors_in_generated_pages_are_checked_as_before(tmp_path):
    root = demo_project(tmp_path / "project")
    (root / "docs" / "links.md").write_text(
        "# Links\n\n[status](units/baqiao.md#obligation-table)\n\n"
        "[nowhere](units/baqiao.md#no-such-id)\n",
        "utf-8",
    )
    assert 'id="obligation-table"' in demo_pages()["units/baqiao.md"]  # in the raw HTML
    warned = {}
    for way in ("markdown", "html"):
        build = mkdocs_build(root / "mkdocs.yml", tmp_path / way, {"DUBAN_SITE_HANDOFF": way})
        warned[way] = [w for w in build.warnings if "links.md" in w]
    assert warned["html"] == warned["markdown"]
    assert len(warned["html"]) == 1 and "no-such-id" in warned["html"][0], warned
