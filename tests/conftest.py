"""Shared fixtures, and the order in which the run hands out test files (SLOWEST_FIRST): tests
import helpers from tests/helpers.py, never from this file."""

from __future__ import annotations

import os
import shutil
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

# The test files that take longest (``pytest --durations=0`` summed by file, slowest first),
# which the run starts first. pytest-xdist hands out whole files (--dist loadfile) in collection
# order (--no-loadscope-reorder, pyproject.toml): a long file started last would keep one worker
# busy alone at the end. Only the order of files changes; a file not listed keeps its place after
# these, and a stale list makes the run slower, never different. test_render_split.py comes
# first of all (test_site_kept_rows.py, which forks too, second: the other worker's first
# file): it forks in the worker's own process, which must have one thread and no child
# yet (the browser, conftest.browser, lives for the rest of a worker's run once started).
SLOWEST_FIRST = (
    "site/test_render_split.py",
    "site/test_site_kept_rows.py",  # forks too (two processes): the other worker's first file
    "site/test_site_kept_uses.py",  # must fork (h24ah): a worker's second file, no browser yet
    "site/test_site_handoff.py",
    "site/test_site_page_cache.py",
    "site/test_site_serve.py",
    "site/test_site_kept_docs.py",
    "site/test_site_summary_keys.py",
    "site/test_site_kept_pages.py",
    "site/test_site_browser.py",
    "site/test_site_atomic.py",
    "site/test_site_build.py",
    "site/test_cascade_example.py",
    "site/test_site_counts_browser.py",
    "outputs/test_bulletin.py",
    "outputs/test_bulletin_layout.py",
    "site/test_site_phone.py",
    "site/test_properdocs.py",
    "load/test_fast_validation.py",
    "load/test_trust_files.py",
    "cli/test_cli.py",
    "outputs/test_office_random.py",
    "load/test_model_without_texts.py",
    "outputs/test_bulletin_foot.py",
    "repo/test_packaging.py",
    "load/test_records_robustness.py",
    "site/test_site_render.py",
    "site/test_trust_site_swap.py",
    "site/test_render_processes.py",
    "site/test_site_kept_downloads.py",
    "outputs/test_ledger.py",
    "plan_import/test_pdf_doc.py",
    "site/test_site_security.py",
    "cli/test_cli_zh_audit.py",
    "load/test_federation_fetch.py",
    "intake/test_unit_workbook.py",
    "site/test_site_unit_rows_browser.py",
    "site/test_site_size.py",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--sweeps",
        action="store_true",
        help="also run the sweeps (tests marked sweep: a behaviour the default run tests once, "
        "repeated over more data sets, dates or sizes); CI runs them as a step of their own",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The default run keeps under four minutes on two cores: its sweeps (more data sets, dates,
    # sizes for a behaviour it already tests) are left to CI's step `pytest --sweeps -m sweep`.
    if not config.getoption("--sweeps"):
        swept = [item for item in items if item.get_closest_marker("sweep")]
        if swept:
            config.hook.pytest_deselected(items=swept)
            items[:] = [item for item in items if not item.get_closest_marker("sweep")]
    rank = {name: place for place, name in enumerate(SLOWEST_FIRST)}
    tests = Path(__file__).parent

    def place(item: pytest.Item) -> int:
        inside = item.path.is_relative_to(tests)
        return rank.get(item.path.relative_to(tests).as_posix(), len(rank)) if inside else len(rank)

    items.sort(key=place)  # stable: a file's tests stay together and in their order


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


@pytest.fixture
def province_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo's data folder, rendered as a province (its lists summarised by group
    from 5 holders on: the caller's settings say ``summary_rows=5``)."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    return data


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
