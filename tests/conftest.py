"""Shared fixtures only: tests import helpers from tests/helpers.py, never from this file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from duban.i18n.messages import set_language
from duban.load.project import load_project
from duban.model.model import Model
from duban.site import Settings, Site, groups, render_site
from helpers import CASES, lay_out_case
from sitekit import CHROMIUM, CHROMIUM_ARGS, DEMO, browser_missing, share_builds_in


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the base test project, as the working directory (paths print as data/...)."""
    target = lay_out_case(CASES / "valid" / "base", tmp_path / "project")
    monkeypatch.chdir(target)
    return target


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems print in Chinese by default; tests of behaviour read them in English (their
    keys). tests/load/test_cases.py and tests/i18n/test_messages.py check the Chinese words."""
    monkeypatch.setenv("DUBAN_LANG", "en")
    set_language(None)


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk's language, Chinese, for a test of the words it prints."""
    monkeypatch.setenv("DUBAN_LANG", "zh")
    set_language(None)


@pytest.fixture(scope="session", autouse=True)
def shared_builds(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The folder of the builds every test file and worker share (sitekit.shared_build): under
    the run's pytest tmp base, which pytest-xdist's workers have in common (each worker's base is
    a folder of it), so a site is built once per run, not once per worker."""
    base = tmp_path_factory.getbasetemp()
    share_builds_in((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "builds")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run (Playwright allows one sync driver a process).
    Without Chromium or Playwright the test skips, unless DUBAN_REQUIRE_BROWSER=1 (CI)."""
    reason = browser_missing()
    if reason and os.environ.get("DUBAN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DUBAN_REQUIRE_BROWSER=1 but {reason}")
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo_model() -> Model:
    """The demo data folder's model (tests/fixtures/demo), loaded once."""
    project = load_project(DEMO / "data")
    assert project.ok and project.model is not None, project.problems[:5]
    return project.model


@pytest.fixture(scope="session")
def render_as_province() -> Any:
    """``render_site`` as for a province, at the demo's size: every list of over 5 rows naming
    over 5 units is summarised by group (the thresholds of duban.site.groups lowered)."""

    def render(model: Model, **settings: Any) -> Site:
        holders = groups.SUMMARY_HOLDERS
        groups.SUMMARY_HOLDERS = 5
        try:
            return render_site(model, Settings(**{"summary_rows": 5, **settings}))
        finally:
            groups.SUMMARY_HOLDERS = holders

    return render
