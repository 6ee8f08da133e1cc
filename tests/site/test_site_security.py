"""The built site is safe by construction: hostile data never becomes markup, and no page makes
the reader's browser contact any host but the site's own.

The hostile fixture (tests/fixtures/hostile, written by make_hostile.py) puts markup, event
handlers, script URLs, Markdown, template syntax and line breaks into every text field.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from duban.load.project import load_project
from sitekit import (
    HOSTILE,
    HOSTILE_PLAN,
    ROOT,
    built_site,
    html_files,
    mkdocs_build,
    plan_path,
    read_page,
    scratch,
)

sys.path.insert(0, str(HOSTILE))
import make_hostile

MARKERS = (
    '<script>alert("XSS")</script>',
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(2)"',
    "[md-link](javascript:alert(5))",
    "**md-bold**",
    "{{ 7*191 }}",
    "{% raw %}",
    "</div></table><!--",
)


@pytest.fixture(scope="module")
def hostile():
    build = built_site("hostile")
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="module")
def pages(hostile):
    return {
        path.relative_to(hostile.site).as_posix(): read_page(path)
        for path in html_files(hostile.site)
    }


def test_hostile_fixture_is_what_its_generator_writes():
    for name, content in make_hostile.files().items():
        assert (HOSTILE / "data" / name).read_text(encoding="utf-8") == content, name


def test_hostile_site_builds_strict_without_warnings(hostile):
    assert hostile.warnings == []


def test_every_generated_page_shows_the_hostile_text_as_text(pages):
    generated = [p for p in pages if p != "about.html" and p != "404.html"]
    assert len(generated) >= 10
    for name in (
        "index.html",
        plan_path(HOSTILE_PLAN, "tasks/01"),
        plan_path(HOSTILE_PLAN, "index"),
        "units/alpha.html",
        plan_path(HOSTILE_PLAN, "leadership"),
    ):
        text = pages[name].text
        for marker in MARKERS:
            assert marker in text, (name, marker)


def test_no_script_from_data_runs(pages):
    for name, page in pages.items():
        for body in page.scripts:
            assert "alert(" not in body and "XSS" not in body, name
        for el in page.elements:
            if el.tag == "script" and el.attrs.get("src"):
                assert not re.match(r"^[a-z]+:|^//", el.attrs["src"]), (name, el.attrs)


def test_no_event_handler_attribute_anywhere(pages):
    for name, page in pages.items():
        for el in page.elements:
            handlers = [a for a in el.attrs if a.lower().startswith("on")]
            assert not handlers, (name, el.tag, handlers)


def test_no_script_url_and_no_markup_element_from_data(pages):
    for name, page in pages.items():
        for tag, attr, value in page.urls():
            assert (
                not value.strip().lower().startswith(("javascript:", "data:text", "vbscript:"))
            ), (
                name,
                tag,
                attr,
                value,
            )
        for el in page.elements:
            assert not (el.tag == "img" and el.attrs.get("src") == "x"), name
            assert el.tag not in ("iframe", "object", "embed"), name


def test_markdown_and_template_syntax_in_data_take_no_effect(hostile, pages):
    for name, page in pages.items():
        assert "1337" not in page.text, name  # {{ 7*191 }} was never evaluated
    for path in html_files(hostile.site):
        html = path.read_text(encoding="utf-8")
        assert "<strong>md-bold</strong>" not in html, path
        assert ">md-link</a>" not in html, path
        # a fence or snippet in data never became a code block (escaped twice) or a file
        assert 'class="highlight"' not in html, path
        assert "&amp;lt;script&amp;gt;alert(" not in html, path
        assert "root:x:" not in html, path


def test_line_breaks_in_data_keep_their_place(pages):
    # text fields hold "```html" on a line of its own: it shows, on a line of its own
    assert "\n```html\n" in pages[plan_path(HOSTILE_PLAN, "tasks/01")].text


def test_search_index_holds_no_live_markup(hostile):
    index = json.loads((hostile.site / "search" / "search_index.json").read_text("utf-8"))
    docs = index["docs"]
    assert docs
    for doc in docs:
        for value in (doc["title"], doc["text"]):
            assert "<script" not in value.lower(), doc["location"]
            assert "<img" not in value.lower(), doc["location"]
            assert "onerror=" not in value.replace("onerror=alert(1)&gt;", ""), doc["location"]


def test_downloads_of_hostile_data_parse_and_keep_the_text(hostile):
    downloads = hostile.site / "downloads"
    feed = ElementTree.parse(downloads / "updates.atom").getroot()
    contents = [e.text or "" for e in feed.iter("{http://www.w3.org/2005/Atom}content")]
    assert any('<script>alert("XSS")</script>' in c for c in contents)
    data = json.loads((downloads / "duban.json").read_text("utf-8"))
    assert MARKERS[0] in data["tasks"][0]["title"]
    plan = downloads / HOSTILE_PLAN
    rows = list(csv.reader(io.StringIO((plan / "tasks.csv").read_text("utf-8-sig"))))
    assert MARKERS[0] in rows[1][1]
    with zipfile.ZipFile(plan / "tasks.xlsx") as archive:
        ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    assert "BEGIN:VCALENDAR" in (plan / "plan.ics").read_text("utf-8")


# -- no third-party host --------------------------------------------------------------------
def is_local(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url.strip(), re.I) or url.startswith("#")


def data_urls(data_dir: Path) -> set[str]:
    """Every link the data itself holds (evidence, sources, deliverables, notices)."""
    project = load_project(data_dir)
    assert project.ok, project.problems[:3]
    text = "\n".join(path.read_text("utf-8") for path in sorted(data_dir.rglob("*.yaml")))
    return set(re.findall(r'https://[^\s"<>\']+', text))


def assert_only_own_host(site: Path, allowed_links: set[str], edit_base: str | None) -> int:
    """No resource from another host; links to other hosts only where data or the edit
    setting put them. Returns how many pages were checked."""
    pages = html_files(site)
    for path in pages:
        page = read_page(path)
        for el in page.elements:
            for attr in ("src", "srcset", "poster", "data", "action", "formaction"):
                value = el.attrs.get(attr)
                if value:
                    assert is_local(value), (path, el.tag, attr, value)
            href = el.attrs.get("href")
            if not href or is_local(href):
                continue
            assert el.tag == "a", (path, el.tag, href)  # <link> never loads from another host
            if href.startswith("mailto:"):
                continue
            assert href in allowed_links or (edit_base and href.startswith(edit_base)), (
                path,
                href,
            )
    for css in site.rglob("*.css"):
        body = css.read_text("utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", body), css
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", body), css
    return len(pages)


def test_demo_site_uses_no_other_host(tmp_path):
    build = built_site("demo")
    assert build.returncode == 0, build.stderr
    allowed = data_urls(ROOT / "tests" / "fixtures" / "demo" / "data")
    assert allowed  # the demo has evidence links: the test sees them
    checked = assert_only_own_host(build.site, allowed, "https://example.org/demo-repo/edit/main/")
    assert checked > 40


def test_hostile_site_uses_no_other_host(hostile):
    allowed = data_urls(HOSTILE / "data")
    assert_only_own_host(hostile.site, allowed, "https://example.org/hostile/edit/main/")


def test_shipped_site_builds_strict_and_uses_no_other_host():
    site = scratch("shipped")
    build = mkdocs_build(
        ROOT / "mkdocs.yml",
        site,
        env={"DUBAN_AS_OF": "2026-01-01", "DUBAN_EDIT_URL": "https://github.com/o/r/edit/main/"},
    )
    assert build.returncode == 0, build.stderr
    assert build.warnings == []
    assert_only_own_host(site, data_urls(ROOT / "data"), "https://github.com/o/r/edit/main/")
    # no repo_url: nothing may make the browser ask api.github.com for repository facts
    home = (site / "index.html").read_text("utf-8")
    assert "md-source" not in home and "api.github.com" not in home
