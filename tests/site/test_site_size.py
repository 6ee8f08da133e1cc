"""The built site's size against ``site_size_limit`` (h24b): measured by page family after the
build, a one-line Chinese warning above the limit naming the three largest families, which
``--strict`` turns into a failure that keeps the previous site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from duban.i18n.messages import set_language
from duban.site.size import SiteSize, family, measure, parse_size, too_large
from sitekit import ROOT, mkdocs_build, scratch


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1GB", 10**9),
        ("300MB", 300 * 10**6),
        ("300 MB", 300 * 10**6),
        ("1.5gb", 1_500_000_000),
        ("500KB", 500_000),
        ("2GiB", 2 * 2**30),
        ("12345", 12345),
        (4096, 4096),
    ],
)
def test_sizes_are_read_with_their_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "1TB", "-5MB", "0", "MB", 0, True])
def test_what_is_not_a_size_is_refused(text):
    assert parse_size(text) is None


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("units/u1.html", "unit pages"),
        ("units/index.html", "summary pages"),
        ("units/u1/history.html", "unit history pages"),
        ("units/u1/history-3.html", "unit history pages"),
        ("plans/p/tasks/1-2.html", "task pages"),
        ("plans/p/groups/g1.html", "group pages"),
        ("plans/p/progress.html", "plan pages"),
        ("downloads/ics/u1.ics", "unit calendars"),
        ("downloads/p/plan.ics", "plan calendars"),
        ("downloads/all.ics", "plan calendars"),
        ("downloads/p/tasks.xlsx", "task tables (xlsx, csv)"),
        ("downloads/ledger.csv", "ledger (xlsx, csv)"),
        ("downloads/duban.json", "open data (json)"),
        ("search/search_index.json", "search index"),
        ("assets/duban/duban.css", "assets"),
        ("guide.html", "hand-written pages"),
        ("sitemap.xml", "other files"),
    ],
)
def test_every_file_has_a_family(path, name):
    assert family(path) == name


def test_the_warning_names_the_three_largest_families_in_chinese():
    size = SiteSize()
    for path, n in [
        ("units/a.html", 700_000),
        ("units/b.html", 600_000),
        ("downloads/ics/a.ics", 900_000),
        ("plans/p/tasks/1.html", 300_000),
        ("search/search_index.json", 10),
    ]:
        size.add(path, n)
    set_language("zh")
    try:
        assert too_large(size, 2_600_000) == []
        [line] = too_large(size, 1_000_000)
        [files] = too_large(size, 10**9, files_limit=4)
    finally:
        set_language(None)
    assert "2.5 MB" in line and "1.0 MB" in line and "site_size_limit" in line
    assert "单位页 1.3 MB，单位日历 900.0 KB，任务页 300.0 KB" in line
    assert "搜索索引" not in line and "\n" not in line
    assert "5 个文件" in files and "GitLab" in files


def test_a_folder_is_measured_file_by_file(tmp_path):
    (tmp_path / "units").mkdir()
    (tmp_path / "units" / "a.html").write_bytes(b"x" * 10)
    (tmp_path / "index.html").write_bytes(b"y" * 3)
    size = measure(tmp_path)
    assert (size.bytes, size.files) == (13, 2)
    assert size.families == {"unit pages": (10, 1), "summary pages": (3, 1)}


def _shipped(limit: str | None) -> Path:
    """The shipped repository (data, docs, schemas, mkdocs.yml) with ``site_size_limit``."""
    root = scratch("size")
    for part in ("data", "docs", "schemas"):
        shutil.copytree(ROOT / part, root / part)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"(?m)^ +site_size_limit: .*\n", "", config)  # the default, unless set
    if limit is not None:
        plugin = "\n  - duban:\n"
        assert plugin in config
        config = config.replace(plugin, f"{plugin}      site_size_limit: {limit}\n", 1)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    return root


def test_a_site_above_the_limit_fails_a_strict_build_and_keeps_the_previous_site():
    root = _shipped("100KB")
    (root / "site").mkdir()
    (root / "site" / "previous.txt").write_text("the site before", "utf-8")
    build = mkdocs_build(root / "mkdocs.yml", root / "site", env={"DUBAN_LANG": ""})
    assert build.returncode == 1
    [warning] = [w for w in build.warnings if "site_size_limit" in w]
    assert "网站共" in warning and "超过了 site_size_limit（100.0 KB）" in warning
    assert warning.count("，") >= 2  # three families, each with its size
    assert "MB" in warning.split("最大的几类：")[1]
    assert (root / "site" / "previous.txt").read_text("utf-8") == "the site before"


def test_the_default_limit_lets_the_shipped_site_through():
    root = _shipped(None)
    build = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert build.returncode == 0, build.stderr[-2000:]
    assert not [w for w in build.warnings if "site_size_limit" in w]
    assert measure(root / "site").bytes < parse_size("1GB")


def test_a_limit_that_is_not_a_size_is_one_line():
    root = _shipped("lots")
    build = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert build.returncode == 1
    assert "site_size_limit" in build.stderr and "Traceback" not in build.stderr
    assert "300MB" in build.stderr
