"""A ``duban record`` or ``duban import`` killed between writing its temporary file and renaming
it over the status file leaves ``data/status/.duban-<pid>-<random>.tmp``. That leftover must not
fail every later run: validation ignores duban's temporary files, git ignores them, and the next
write into the folder removes the stale ones (writer gone, or older than an hour)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.load.files import STALE_AFTER, remove_stale_temporaries
from duban.load.project import load_project
from helpers import CASES, ROOT, lay_out_case


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    monkeypatch.chdir(root)
    return root


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def killed_record(status: Path) -> list[Path]:
    """Run a real write of a status file in a process that is SIGKILLed just before the rename;
    the temporary files it left."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from duban.load import files
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        files.write_atomically(Path({str(status)!r}), b"unit: alpha\\nobligations: []\\n")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert result.returncode == -9
    return sorted(status.parent.glob(".duban-*.tmp"))


def test_a_killed_writers_leftover_does_not_fail_validation(project, capsys):
    status = project / "data" / "status" / "alpha.yaml"
    before = status.read_bytes()
    left = killed_record(status)
    assert len(left) == 1 and status.read_bytes() == before
    assert main(["validate"]) == 0, capsys.readouterr()
    assert load_project(project / "data").problems == []


def test_record_after_a_killed_record_works_and_removes_the_leftover(project, capsys):
    status = project / "data" / "status" / "alpha.yaml"
    left = killed_record(status)
    assert main(["record", "alpha", "02", "--due", "rotation", "--progress", "50"]) == 0, (
        capsys.readouterr()
    )
    assert not any(path.exists() for path in left)
    assert list(status.parent.glob(".duban-*.tmp")) == []


def test_a_leftover_of_an_older_version_without_a_process_id_is_ignored_then_aged_out(project):
    folder = project / "data" / "status"
    old = folder / ".duban-k2j4h5g6.tmp"
    old.write_text("half a file: [", encoding="utf-8")
    assert main(["validate"]) == 0
    assert remove_stale_temporaries(folder) == []  # recent, writer unknown: may be in use
    hour_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (hour_ago, hour_ago))
    assert remove_stale_temporaries(folder) == [old.name]


def test_a_live_writers_file_is_left_alone(project):
    folder = project / "data" / "status"
    live = folder / f".duban-{os.getppid()}-abcd1234.tmp"
    live.write_bytes(b"")
    gone = folder / f".duban-{dead_pid()}-abcd1234.tmp"
    gone.write_bytes(b"")
    assert remove_stale_temporaries(folder) == [gone.name]
    assert live.exists()


def test_leftovers_in_plans_and_records_are_ignored_too(project):
    data = project / "data"
    (data / "records").mkdir(exist_ok=True)
    for folder in (data / "plans", data / "records", next((data / "plans").iterdir()) / "tasks"):
        (folder / f".duban-{dead_pid()}-zzzz9999.tmp").write_text("x: [", encoding="utf-8")
    assert load_project(data).problems == []


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_ignores_the_temporary_files():
    result = subprocess.run(
        ["git", "check-ignore", "-q", "data/status/.duban-123-abcd1234.tmp"], cwd=ROOT
    )
    assert result.returncode == 0
