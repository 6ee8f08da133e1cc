"""Search by a unit's name: the names of org.yaml are words of the search's segmentation, and a
unit's page ranks first when its name is searched.

Fast tests on the words (duban.site.search_words) and the built index of examples/county, and a
headless Chromium (see test_site_browser.py) that types a short name into Material's search box.
"""

from __future__ import annotations

import json
from functools import cache
from urllib.parse import urlsplit

import jieba
import pytest

from duban.load.project import find_schema_dir, load_project
from duban.site.search_words import places, search_words
from sitekit import LAPTOP, ROOT, Build, served, shared_build

COUNTY = ROOT / "examples" / "county"


@cache
def county_model():
    data = COUNTY / "data"
    project = load_project(data, find_schema_dir(data))
    assert project.model is not None
    return project.model


def county_site() -> Build:
    """examples/county at the date of the user test, as test_site_phone.py builds it (once)."""
    build = shared_build(COUNTY / "mkdocs.yml", DUBAN_AS_OF="2024-07-31")
    assert build.returncode == 0, build.stderr
    return build


def test_places_are_the_start_of_a_name():
    assert list(places("青山县青山镇人民政府")) == ["青山县"]
    assert list(places("西安市灞桥区司法局")) == ["西安市"]
    assert list(places("区县司法局")) == []  # no place: 区县 is not a name
    assert list(places("青山县委组织部")) == []  # 县委, not a place ending in 县
    assert list(places("青山县")) == []  # the whole name is the place


def test_short_names_and_places_are_words_and_full_names_are_cut_at_them():
    words = search_words(county_model())
    assert "青山镇" in words and "青山县" in words and "县人民法院" in words
    assert "县法院" in words  # an alias
    # made of other names: cut at them rather than added whole
    assert "青山县青山镇人民政府" not in words and "青山镇人民政府" not in words
    assert len(words) == len(set(words))
    # what the default dictionary makes of the name, and what it makes with the words
    assert "青山镇" not in jieba.lcut("青山县青山镇人民政府")
    tokenizer = jieba.Tokenizer()
    for word in words:
        tokenizer.add_word(word)
    assert tokenizer.lcut("青山县青山镇人民政府") == ["青山县", "青山镇", "人民政府"]
    assert tokenizer.lcut("青山镇人民政府") == ["青山镇", "人民政府"]


def test_the_built_index_holds_the_names_and_ranks_unit_pages():
    index = json.loads((county_site().site / "search" / "search_index.json").read_text("utf-8"))
    unit = next(d for d in index["docs"] if d["location"] == "units/qingshan-zhen.html")
    assert unit["title"].split("\u200b") == ["青山县", "青山镇", "人民政府"]
    assert unit.get("boost", 1) > 1
    task = next(d for d in index["docs"] if d["location"].startswith("plans/"))
    assert task.get("boost", 1) == 1


# -- in a browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def county_origin(browser):
    with served(county_site().site) as origin:
        yield origin


@pytest.mark.browser
@pytest.mark.parametrize("query", ["青山镇", "石门镇", "青山县青山镇人民政府"])
def test_searching_a_unit_name_finds_its_page_first(browser, county_origin, query):
    context = browser.new_context(viewport=LAPTOP, service_workers="block")
    page = context.new_page()
    page.goto(f"{county_origin}/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events, which fill() does not send
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    first = page.locator(".md-search-result__item > a").first
    href, title = first.get_attribute("href"), first.inner_text()
    meta = page.locator(".md-search-result__meta").inner_text()
    context.close()
    target = {"石门镇": "units/shimen-zhen.html"}.get(query, "units/qingshan-zhen.html")
    assert href is not None and urlsplit(href).path.endswith(target), (href, title, meta)
