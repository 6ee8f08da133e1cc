"""The example repositories build strict sites of their own, free of the shipped plan's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import ROOT, shared_build

SEED_WORDS = ("西安", "灞桥", "司法行政系统", "执法规范化", "2010")
# each example as the browser tests build it (sitekit.shared_build: one build a run for all):
# county as test_site_phone.py and test_site_search.py, office with the repository that puts
# the 报送进展 links in its pages, as test_site_counts_browser.py and
# test_site_unit_rows_browser.py
SETTINGS = {
    "county": {"DUBAN_AS_OF": "2024-07-31"},
    "office": {"DUBAN_AS_OF": "2024-07-31", "DUBAN_REPOSITORY": "https://github.com/example/duban"},
}


def site(example: str) -> Path:
    """The example's strict build (``mkdocs build --strict``), which must succeed."""
    build = shared_build(ROOT / "examples" / example / "mkdocs.yml", **SETTINGS[example])
    assert build.returncode == 0, build.stderr
    return build.site


def our_pages(site):
    """The pages duban generates and the example's own; Material's assets are not ours."""
    return [p for p in site.rglob("*.html") if "assets" not in p.parts]


@pytest.mark.parametrize("example", ["county", "office"])
def test_example_builds_strict_without_the_shipped_plans_words(example):
    pages = our_pages(site(example))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [w for w in SEED_WORDS if w in text], page


def test_the_office_site_has_a_page_set_per_plan_and_one_unit_page_across_them():
    office = site("office")
    plans = sorted(p.name for p in (office / "plans").iterdir() if p.is_dir())
    assert plans == ["qingshan-fzzf-2023", "qingshan-gzbg-2024"]
    unit = (office / "units" / "sifaju.html").read_text(encoding="utf-8")
    assert "qingshan-fzzf-2023" in unit and "qingshan-gzbg-2024" in unit
