"""The site as MkDocs builds it: strict builds, links, downloads, failures, and page size that
does not grow with the number of units."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from duban.plugin import DubanPlugin, as_of_setting, check_edit_url
from sitekit import (
    DEMO_PLAN,
    ROOT,
    built_site,
    html_files,
    mkdocs_build,
    plan_path,
    read_page,
    scratch,
)


@pytest.fixture(scope="module")
def demo():
    build = built_site("demo")
    assert build.returncode == 0, build.stderr
    return build


def test_demo_builds_strict_with_no_warning(demo):
    assert demo.warnings == []


def test_generated_pages_and_downloads_are_in_the_site(demo):
    site = demo.site
    for path in (
        "index.html",
        plan_path(DEMO_PLAN, "index"),
        plan_path(DEMO_PLAN, "tasks/03"),
        plan_path(DEMO_PLAN, "tasks/19"),
        plan_path(DEMO_PLAN, "progress"),
        plan_path(DEMO_PLAN, "overdue"),
        plan_path(DEMO_PLAN, "leadership"),
        "units/index.html",
        "units/baqiao.html",
        "units/shizhi-danwei.html",
        "overdue.html",
        "downloads.html",
        "downloads/duban.json",
        f"downloads/{DEMO_PLAN}/tasks.csv",
        f"downloads/{DEMO_PLAN}/tasks.xlsx",
        "downloads/updates.atom",
        f"downloads/{DEMO_PLAN}/plan.ics",
        "downloads/ics/baqiao.ics",
        "assets/duban/duban.css",
        "assets/duban/duban.js",
    ):
        assert (site / path).is_file(), path


def test_no_generated_page_is_committed():
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")}
    assert not {"index.md", "plans", "units", "overdue.md", "downloads.md", "downloads"} & docs


def test_every_internal_link_and_anchor_resolves(demo):
    site = demo.site
    pages = {path: read_page(path) for path in html_files(site)}  # each page read once
    ids: dict[Path, set[str]] = {}
    for path, page in pages.items():
        ids[path] = {el.attrs["id"] for el in page.elements if el.attrs.get("id")}
    checked = 0
    for path, page in pages.items():
        if path.name == "404.html":
            continue  # served at any depth, so Material links it from the site root
        for tag, attr, url in page.urls():
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url) or attr == "srcset":
                continue
            target, _, fragment = url.partition("#")
            file = (path.parent / target).resolve() if target else path
            if file.is_dir():
                file = file / "index.html"
            assert file.is_file(), (path.relative_to(site), tag, url)
            if fragment and file.suffix == ".html" and file in ids:
                assert fragment in ids[file] or fragment == "__skip", (path, url)
            checked += 1
    assert checked > 1000


def test_downloads_are_linked_from_the_pages(demo):
    tasks = (demo.site / plan_path(DEMO_PLAN, "index")).read_text("utf-8")
    for name in ("tasks.xlsx", "tasks.csv", "plan.ics"):
        assert f'href="../../downloads/{DEMO_PLAN}/{name}"' in tasks
    unit = (demo.site / "units" / "baqiao.html").read_text("utf-8")
    assert 'href="../downloads/ics/baqiao.ics"' in unit
    downloads = (demo.site / "downloads.html").read_text("utf-8")
    for name in ("duban.json", "updates.atom", f"{DEMO_PLAN}/plan.ics", "ics/gaoling.ics"):
        assert f'href="downloads/{name}"' in downloads


def test_our_script_and_stylesheet_load_on_every_page(demo):
    for path in html_files(demo.site):
        html = path.read_text("utf-8")
        assert "assets/duban/duban.css" in html and "assets/duban/duban.js" in html, path


def test_chinese_headings_get_readable_anchors(demo):
    task = read_page(demo.site / plan_path(DEMO_PLAN, "tasks/19"))
    ids = {el.attrs.get("id") for el in task.elements}
    assert {"原文", "分工", "各单位落实情况"} <= ids


def test_search_index_segments_chinese(demo):
    index = (demo.site / "search" / "search_index.json").read_text("utf-8")
    assert "\\u200b" in index or "\u200b" in index  # jieba's zero-width separators


# -- failures ------------------------------------------------------------------------------
def copy_demo(name: str) -> Path:
    root = scratch(name)
    for part in ("data", "docs", "mkdocs.yml"):
        source = ROOT / "tests" / "fixtures" / "demo" / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            text = source.read_text("utf-8").replace(
                "../../../mkdocs.yml", str(ROOT / "mkdocs.yml")
            )
            (root / part).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    return root


def test_invalid_data_fails_the_build_with_the_validators_lines_and_no_traceback():
    root = copy_demo("invalid")
    status = root / "data" / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("done: '2010-10-23'", "done: '2010-02-30'"))
    (root / "data" / "plans" / DEMO_PLAN / "tasks" / "05.yaml").write_text(
        "id: [broken\n", encoding="utf-8"
    )
    build = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert build.returncode == 1
    output = build.stdout + build.stderr
    assert "Traceback" not in output
    assert re.search(
        r"data/status/baqiao\.yaml:\d+:\d+: obligations\[0\]\.done: .*2010-02-30", output
    )
    assert re.search(rf"data/plans/{DEMO_PLAN}/tasks/05\.yaml:\d+:\d+: ", output)
    assert "duban: the data has" in output


def test_a_docs_page_may_not_take_a_generated_pages_place():
    root = copy_demo("clash")
    (root / "docs" / "overdue.md").write_text("# mine\n", encoding="utf-8")
    build = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert build.returncode == 1
    assert "overdue.md" in build.stderr and "Traceback" not in build.stderr


def test_settings_are_checked():
    today = dt.date(2030, 1, 2)
    assert as_of_setting("", today) == today
    assert as_of_setting(" 2010-12-15 ", today) == dt.date(2010, 12, 15)
    assert as_of_setting(dt.date(2011, 1, 1), today) == dt.date(2011, 1, 1)
    with pytest.raises(PluginError, match="YYYY-MM-DD"):
        as_of_setting("15/12/2010", today)
    with pytest.raises(PluginError):
        as_of_setting("20101215", today)  # date.fromisoformat alone would take it
    assert check_edit_url("https://github.com/o/r/edit/main") == "https://github.com/o/r/edit/main/"
    assert check_edit_url("") is None
    for bad in ("http://github.com/o/r/edit/main/", "javascript:alert(1)", 'https://x/"a'):
        with pytest.raises(PluginError):
            check_edit_url(bad)


def test_serve_watches_the_data_and_the_schemas():
    plugin = DubanPlugin()
    plugin.data_dir = ROOT / "tests" / "fixtures" / "demo" / "data"
    plugin.schema_dir = ROOT / "schemas"
    watched = []
    server = SimpleNamespace(watch=watched.append)
    assert plugin.on_serve(server, config=None, builder=None) is server
    assert watched == [str(plugin.data_dir), str(plugin.schema_dir)]


def test_a_data_folder_with_two_plans_builds_strict():
    from sitekit import SECOND_PLAN, SECOND_TITLE, make_two_plan_data

    root = copy_demo("two-plans")
    shutil.rmtree(root / "data")
    make_two_plan_data(root / "data")
    config = root / "mkdocs.yml"
    # the site's name comes from the data: several plans, the generic name
    config.write_text(
        re.sub(r"(?m)^site_name: .*$", 'site_name: ""', config.read_text("utf-8")), "utf-8"
    )
    build = mkdocs_build(config, root / "site")
    assert build.returncode == 0, build.stderr
    assert build.warnings == []
    home = (build.site / "index.html").read_text("utf-8")
    assert SECOND_TITLE in home and f"plans/{SECOND_PLAN}/index.html" in home
    assert "<title>首页 - 任务督办</title>" in home
    unit = (build.site / "units" / "baqiao.html").read_text("utf-8")
    for plan_id in (DEMO_PLAN, SECOND_PLAN):
        assert f"../plans/{plan_id}/tasks/03.html" in unit
        assert (build.site / plan_path(plan_id, "tasks/19")).is_file()
