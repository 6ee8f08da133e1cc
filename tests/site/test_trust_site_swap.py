"""The site swap has no moment without ``site/`` (site/swap.py), and the next build clears what
killed builds left: ``.site.building-*`` and ``.site.old-*`` beside ``site/``, and
``duban-downloads-*`` in the system's temporary folder. A killed process is simulated by an
exception no code catches (``Killed``) raised at each step, or by leftovers named after a
process that is gone."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build_module
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from duban.site import swap
from sitekit import built_site, demo_project, scratch


class Killed(BaseException):
    """SIGKILL: nothing after this point runs, no handler sees it."""


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def site_pair(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text("old", encoding="utf-8")
    built = swap.building_folder(site)
    (built / "index.html").write_text("new", encoding="utf-8")
    return site, built


def content(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


def beside(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site."))


def test_the_swap_is_one_step_where_the_system_can(tmp_path, monkeypatch):
    if swap._exchange_call() is None:
        pytest.skip("no folder exchange on this system")
    site, built = site_pair(tmp_path)

    def killed(*args: object) -> None:
        raise Killed

    monkeypatch.setattr(swap.os, "rename", killed)  # a rename would open a moment without site/
    monkeypatch.setattr(swap.shutil, "rmtree", killed)  # killed right after the exchange
    with pytest.raises(Killed):
        swap.swap_in(built, site)
    assert content(site) == "new"
    assert content(built) == "old"  # the old site, left at the building name


@pytest.mark.parametrize("kill_at", [1, 2])
def test_without_an_exchange_a_kill_between_the_renames_is_undone_by_the_next_build(
    tmp_path, monkeypatch, kill_at
):
    site, built = site_pair(tmp_path)
    monkeypatch.setattr(swap, "_exchange_call", lambda: None)
    real_rename = os.rename
    calls = []

    def rename(source: object, target: object) -> None:
        calls.append(source)
        if len(calls) == kill_at:
            raise Killed
        real_rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(Killed):
        swap.swap_in(built, site)
    monkeypatch.setattr(swap.os, "rename", real_rename)
    # the killed process is gone: its leftovers carry a process id no process has
    gone = dead_pid()
    for path in site.parent.iterdir():
        if path.name.startswith(".site."):
            path.rename(path.with_name(path.name.replace(str(os.getpid()), str(gone))))
    assert swap.clean_leftovers(site) == []
    assert content(site) == "old"  # the previous site, whole
    assert beside(site) == []


def test_leftovers_of_a_live_build_are_left_alone(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    live = tmp_path / f".site.building-{os.getppid()}-abcd1234"
    live.mkdir()
    gone = tmp_path / f".site.building-{dead_pid()}-abcd1234"
    (gone / "deep").mkdir(parents=True)
    old = tmp_path / f".site.old-{dead_pid()}"
    old.mkdir()
    assert swap.clean_leftovers(site) == []
    assert beside(site) == [live.name]


def test_stale_download_folders_are_removed_and_only_those(tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    gone = temporary / f"duban-downloads-{dead_pid()}-abcd1234"
    (gone / "calendars").mkdir(parents=True)
    live = temporary / f"duban-downloads-{os.getppid()}-abcd1234"
    live.mkdir()
    other = temporary / "someone-elses"
    other.mkdir()
    link = temporary / f"duban-downloads-{dead_pid()}-link"
    link.symlink_to(other)
    swap.clean_downloads()
    assert sorted(p.name for p in temporary.iterdir()) == sorted([live.name, other.name, link.name])
    assert swap.downloads_folder().name.startswith(f"duban-downloads-{os.getpid()}-")


def test_a_read_only_previous_site_is_removed_not_left_aside(tmp_path):
    site, built = site_pair(tmp_path)
    (site / "sub" / "page.html").write_text("x", encoding="utf-8")
    for folder in (site / "sub", site):
        folder.chmod(0o555)
    assert swap.swap_in(built, site) is None
    assert content(site) == "new"
    assert beside(site) == []


def test_a_previous_site_that_cannot_be_removed_is_named_not_silently_left(tmp_path, monkeypatch):
    site, built = site_pair(tmp_path)

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(swap.shutil, "rmtree", refuse)
    warning = swap.swap_in(built, site)
    assert content(site) == "new"
    assert warning is not None and "could not be removed" in warning
    assert "Permission denied" in warning and ".site." in warning


# --- with MkDocs -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built() -> Path:
    demo = built_site("demo")
    assert demo.returncode == 0, demo.stderr
    root = demo_project(scratch("swap"))
    shutil.copytree(demo.site, root / "site")
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    (root / "site" / "MARKER").write_text("the previous site\n")
    monkeypatch.chdir(root)
    return root


def build(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build_module.build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_build_clears_the_leftovers_of_killed_builds(project, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    gone = dead_pid()
    (project / f".site.building-{gone}-abcd1234" / "x").mkdir(parents=True)
    (project / f".site.old-{gone}" / "x").mkdir(parents=True)
    (temporary / f"duban-downloads-{gone}-abcd1234" / "x").mkdir(parents=True)
    build(project)
    assert beside(project / "site") == []
    assert not (project / "site" / "MARKER").exists()  # the new site
    assert (project / "site" / "index.html").is_file()
    assert [p.name for p in temporary.iterdir() if p.name.startswith("duban-")] == []


def test_a_site_whose_folder_cannot_be_made_is_one_line(project, monkeypatch, caplog):
    def refuse(site_dir: Path) -> Path:
        raise PermissionError(13, "Permission denied", str(site_dir.parent))

    monkeypatch.setattr(swap, "building_folder", refuse)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "cannot build the site beside" in errors[0].getMessage()
    assert "Permission denied" in errors[0].getMessage() and "Traceback" not in caplog.text
    assert (project / "site" / "MARKER").is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_parent_folder_is_one_line_in_a_real_build(project):
    project.chmod(0o555)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        project.chmod(0o755)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "cannot build the site beside" in result.stderr
