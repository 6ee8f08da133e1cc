"""The plugin's ``render_processes`` setting (h24c): auto or a number, checked in one line, and a
site built by several processes is the one built by one."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from duban.i18n.messages import set_language
from duban.plugin.settings import render_processes_setting
from duban.site import split
from sitekit import demo_project, html_files, mkdocs_build, scratch


def test_auto_is_every_cpu_and_a_number_is_that_many():
    assert render_processes_setting("auto") is None
    assert render_processes_setting(" AUTO ") is None
    assert render_processes_setting("") is None
    assert render_processes_setting(4) == 4
    assert render_processes_setting("1") == 1


@pytest.mark.parametrize("bad", [0, -2, "many", "2.5", 257, True])
def test_anything_else_is_refused_in_one_line(bad):
    set_language("en")
    try:
        with pytest.raises(PluginError) as refused:
            render_processes_setting(bad)
    finally:
        set_language(None)
    message = str(refused.value)
    assert "render_processes must be auto or a number from 1 to 256" in message
    assert repr(bad) in message and "\n" not in message


def test_the_refusal_is_chinese_in_a_chinese_site():
    set_language("zh")
    try:
        refusal = "render_processes 必须是 auto 或 1 到 256 之间的整数"
        with pytest.raises(PluginError, match=refusal):
            render_processes_setting("many")
    finally:
        set_language(None)


def with_setting(value: str):
    root = demo_project(scratch("processes") / "project")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("due_soon_days: 30", f"due_soon_days: 30\n      {value}"))
    return mkdocs_build(config, root / "site")


@pytest.mark.skipif(not split.can_fork(), reason="needs Linux and two CPUs")
def test_a_site_built_by_three_processes_is_the_one_built_by_one():
    one = with_setting("render_processes: 1")
    three = with_setting("render_processes: 3")
    assert one.returncode == three.returncode == 0, (one.stderr, three.stderr)
    pages = [p.relative_to(one.site) for p in html_files(one.site)]
    assert len(pages) > 50
    assert pages == [p.relative_to(three.site) for p in html_files(three.site)]
    assert all((one.site / p).read_bytes() == (three.site / p).read_bytes() for p in pages)
    index = "search/search_index.json"
    assert (one.site / index).read_bytes() == (three.site / index).read_bytes()


def test_a_bad_setting_stops_the_build_in_one_line():
    build = with_setting("render_processes: lots")
    assert build.returncode == 1
    assert "render_processes" in build.stderr and "Traceback" not in build.stderr
