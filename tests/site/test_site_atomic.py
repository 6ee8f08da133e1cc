"""Atomic site builds (issue "Trust"): the data is validated before MkDocs touches site/, the
site is built beside it and swapped in only when the whole build succeeded. Invalid data, a
failed strict build or an interrupt leave the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build_module
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import deny_listing
from sitekit import SERVE_URL, built_site, demo_project, mkdocs_build, scratch, serve_started


def copy_demo(name: str) -> Path:
    return demo_project(scratch(name))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A demo project with a site already built: the session's strict build of the demo (the
    same data and configuration), copied into the project's site/."""
    demo = built_site("demo")
    assert demo.returncode == 0, demo.stderr
    root = copy_demo("atomic")
    shutil.copytree(demo.site, root / "site")
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    (root / "site" / "MARKER").write_text("the previous site\n")
    return root


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


def previous_site_intact(root: Path) -> bool:
    site = root / "site"
    return (
        (site / "MARKER").is_file()
        and (site / "index.html").is_file()
        and (site / "units" / "index.html").is_file()
    )


def test_a_successful_build_replaces_the_site_whole_with_the_usual_mode(project):
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 0, build.stderr
    assert not (project / "site" / "MARKER").exists()
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "search" / "search_index.json").is_file()
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~_umask()
    assert leftovers(project) == []


def test_invalid_data_leaves_the_previous_site_and_prints_no_traceback(project):
    status = project / "data" / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("done: '2010-10-23'", "done: 1e400"))
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    assert "Traceback" not in build.stdout + build.stderr
    assert "obligations[0].done: '1e400' is not a finite number" in build.stderr
    assert previous_site_intact(project)
    assert leftovers(project) == []


def test_a_strict_build_failing_on_a_warning_leaves_the_previous_site(project):
    (project / "docs" / "about.md").write_text("# about\n\n[broken](missing-page.md)\n")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1, build.stderr
    assert "missing-page.md" in build.stderr
    assert previous_site_intact(project)
    assert leftovers(project) == []


def _build_in_process(project: Path, command: str = "build") -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build_module.build(config)
    finally:
        config.plugins.on_shutdown()


def test_an_interrupt_during_the_build_leaves_the_previous_site(project, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(mkdocs_build_module, "_build_page", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _build_in_process(project)
    assert previous_site_intact(project)
    assert leftovers(project) == []


def test_an_unreadable_data_folder_fails_the_build_with_one_line(project, monkeypatch, caplog):
    deny_listing(monkeypatch, "status")
    monkeypatch.chdir(project)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build_in_process(project)
    assert "data/status:1:1: cannot be read: Permission denied" in caplog.text
    assert previous_site_intact(project)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_build_killed_midway_leaves_the_previous_site(project, sig):
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not leftovers(project) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert leftovers(project), "the build should be under way beside site/"
    time.sleep(0.3)
    process.send_signal(sig)
    process.wait(timeout=60)
    if process.returncode == 0:  # a loaded machine: the build ended before the signal came
        site = project / "site"
        assert not (site / "MARKER").exists() and (site / "units" / "index.html").is_file()
        return
    assert previous_site_intact(project)
    if sig == signal.SIGINT:  # a killed process cannot clean up after itself
        assert leftovers(project) == []


def test_serve_builds_in_place_without_a_swap(project, tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    config = serve_started(project, served)
    try:
        mkdocs_build_module.build(config, serve_url=SERVE_URL)
    finally:
        config.plugins.on_shutdown()
    assert config.site_dir == str(served)
    assert (served / "index.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".served.")]


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def test_personal_data_is_a_build_warning_so_a_strict_build_fails(project):
    org = project / "data" / "org.yaml"
    text = org.read_text("utf-8")
    org.write_text(
        text.replace(
            "name: 灞桥区司法局\n", "name: 灞桥区司法局\n    short_name: 灞桥 a.b@example.com\n", 1
        )
    )
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    assert "looks like an e-mail address (a***@example.com)" in build.stderr
    assert "Traceback" not in build.stderr
    assert previous_site_intact(project)
    assert leftovers(project) == []
