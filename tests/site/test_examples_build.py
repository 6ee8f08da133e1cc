"""The example repositories build strict sites of their own, free of the shipped plan's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

SEED_WORDS = ("西安", "灞桥", "司法行政系统", "执法规范化", "2010")


def build(example: str, target: Path) -> Path:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(ROOT / "examples" / example / "mkdocs.yml"),
            "-d",
            str(target),
        ],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "DUBAN_AS_OF": "2024-07-31", "PATH": ""},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Each example built once for this module's tests, which only read the site."""
    built: dict[str, Path] = {}

    def site_of(example: str) -> Path:
        if example not in built:
            built[example] = build(example, tmp_path_factory.mktemp(example) / "site")
        return built[example]

    return site_of


def our_pages(site):
    """The pages duban generates and the example's own; Material's assets are not ours."""
    return [p for p in site.rglob("*.html") if "assets" not in p.parts]


@pytest.mark.parametrize("example", ["county", "office"])
def test_example_builds_strict_without_the_shipped_plans_words(example, site):
    pages = our_pages(site(example))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [w for w in SEED_WORDS if w in text], page


def test_the_office_site_has_a_page_set_per_plan_and_one_unit_page_across_them(site):
    office = site("office")
    plans = sorted(p.name for p in (office / "plans").iterdir() if p.is_dir())
    assert plans == ["qingshan-fzzf-2023", "qingshan-gzbg-2024"]
    unit = (office / "units" / "sifaju.html").read_text(encoding="utf-8")
    assert "qingshan-fzzf-2023" in unit and "qingshan-gzbg-2024" in unit
