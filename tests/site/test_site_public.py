"""What readers of a published site see around the data: Chinese words on Material's own pages
(404), one site name per browser tab, a 说明 menu of reader, clerk and office documents with
Chinese titles (developer documents are not published), and notes in the site's language."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config
from test_site_search import county_site

from duban.site.notes import note_in, split_note
from duban.site.page_problems import nav_pages
from sitekit import DEMO_PLAN, ROOT, built_site, html_files, plan_path, read_page

TITLE = re.compile(r"<title>([^<]*)</title>")


def tab_title(path: Path) -> str:
    found = TITLE.search(path.read_text("utf-8"))
    assert found, path
    return found.group(1)


# -- 404 -------------------------------------------------------------------------------------------


def test_the_404_page_speaks_chinese_and_leads_home():
    for build in (built_site("demo"), county_site()):
        page = build.site / "404.html"
        text = page.read_text("utf-8")
        assert "Not found" not in text
        assert "页面不存在（404）" in read_page(page).text
        assert tab_title(page).startswith("页面不存在 - ")
        assert '<a href="/index.html">返回首页</a>' in text


# -- browser tabs ----------------------------------------------------------------------------------


def test_every_tab_names_the_site_once():
    """The county site is named after its only plan: "督办清单 · <plan> - <plan>" named it twice."""
    site = county_site().site
    name = tab_title(site / "index.html").rpartition(" - ")[2]
    assert name and "首页" not in name
    titles = {path.relative_to(site).as_posix(): tab_title(path) for path in html_files(site)}
    twice = {uri: title for uri, title in titles.items() if title.count(name) != 1}
    assert twice == {}
    plan = next(uri for uri in titles if re.fullmatch(r"plans/[^/]+/index\.html", uri))
    assert titles[plan] == f"任务分工表 - {name}"
    overdue = next(uri for uri in titles if re.fullmatch(r"plans/[^/]+/overdue\.html", uri))
    assert titles[overdue] == f"督办清单 - {name}"


# -- the 说明 menu ---------------------------------------------------------------------------------

DEVELOPER_DOCS = {
    "architecture.md",
    "ci.md",
    "performance.md",
    "performance-site.md",
    "security.md",
}


def test_the_public_menu_lists_chinese_titles_and_no_developer_document():
    config = load_config(str(ROOT / "mkdocs.yml"))
    menu = next(item["说明"] for item in config.nav if isinstance(item, dict) and "说明" in item)
    for entry in menu:
        ((title, page),) = entry.items()
        assert not re.search(r"[A-Za-z]", title), title
        assert (ROOT / "docs" / page).is_file(), page
        first = (ROOT / "docs" / page).read_text("utf-8").splitlines()[0]
        assert first.startswith("# ") and not re.search(r"[A-Za-z]", first), (page, first)
    assert not DEVELOPER_DOCS & nav_pages(config.nav)
    # still in the repository, left out of the build
    assert all(config.exclude_docs.match_file(page) for page in DEVELOPER_DOCS)
    assert not any(config.exclude_docs.match_file(page) for page in nav_pages(config.nav))
    assert all((ROOT / "docs" / page).is_file() for page in DEVELOPER_DOCS)


# -- notes -----------------------------------------------------------------------------------------

NOTE = (
    "“全年”按方案印发当年理解，到期日为2010-12-31。 全年 is read as the plan's year 2010. "
    "上报 trained-officers（已轮训干警数）计算。 The source has no 。 after the parenthetical."
)


def test_a_bilingual_note_splits_into_its_sentences():
    chinese, english = split_note(NOTE)
    assert chinese == (
        "“全年”按方案印发当年理解，到期日为2010-12-31。上报 trained-officers（已轮训干警数）计算。"
    )
    assert english == (
        "全年 is read as the plan's year 2010. The source has no 。 after the parenthetical."
    )
    assert note_in(NOTE, "zh") == chinese
    assert note_in(NOTE, "en") == english
    only_chinese = "县政府常务会议是会议而不是单位，由县政府办公室承办并填报（org.yaml bodies）。"
    assert note_in(only_chinese, "zh") == only_chinese
    assert note_in(only_chinese, "en") == only_chinese  # nothing in English: the note as written
    assert note_in("“考核单位”编为 assess。 考核单位 is encoded as assess.", "zh") == (
        "“考核单位”编为 assess。"
    )


def test_the_task_page_shows_the_note_in_chinese_only():
    text = read_page(built_site("demo").site / plan_path(DEMO_PLAN, "tasks/03")).text
    assert "数据说明" in text and "达标率按" in text
    assert "The rate is computed" not in text
