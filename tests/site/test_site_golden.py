"""Golden files for representative generated pages (the demo fixture as of 2010-12-15).

A change to a template or a view shows up here as a reviewable diff of the page source.
``DUBAN_UPDATE_GOLDEN=1 python -m pytest tests/site/test_site_golden.py`` rewrites the files.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache

import pytest

from duban.load.project import load_project
from duban.site import Settings, render_site
from sitekit import DEMO, DEMO_PLAN, ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"
PAGES = {
    "home.zh.html.md": ("zh", "index.md"),
    "home.en.html.md": ("en", "index.md"),
    "tasks.zh.html.md": ("zh", f"plans/{DEMO_PLAN}/index.md"),
    "task-19.zh.html.md": ("zh", f"plans/{DEMO_PLAN}/tasks/19.md"),
    "unit-baqiao.zh.html.md": ("zh", "units/baqiao.md"),
    "overdue.zh.html.md": ("zh", "overdue.md"),
}


@cache
def rendered(language: str):
    project = load_project(DEMO / "data")
    assert project.ok, project.problems[:5]
    settings = Settings(
        as_of=dt.date(2010, 12, 15),
        language=language,
        edit_url="https://example.org/demo-repo/edit/main/",
    )
    return render_site(project.model, settings).pages


@pytest.mark.parametrize("golden", sorted(PAGES))
def test_page_matches_its_golden_file(golden):
    language, page = PAGES[golden]
    text = rendered(language)[page]
    path = GOLDEN / golden
    if os.environ.get("DUBAN_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with DUBAN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{golden} differs: review, then regenerate"
