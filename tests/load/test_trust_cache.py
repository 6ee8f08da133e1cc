"""A validation cache is a list of files said to be clean: a pull request that commits a forged
one (``.duban-cache/duban-validate.json`` naming an invalid file's digest) must not make invalid
data pass. A cache folder inside the data's repository is refused: every file is checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from duban.cli.main import main
from duban.load.cache import CACHE_FILE, file_digest, refusal, repository_of
from duban.load.project import load_project
from helpers import CASES, lay_out_case

INVALID_ALPHA = "unit: alpha\nobligations:\n  - task: '01'\n    state: finished-ish\n"


def repository(tmp_path: Path) -> Path:
    root = lay_out_case(CASES / "valid" / "supervision", tmp_path / "repo")
    (root / ".git").mkdir()  # a clone: what a pull request's checkout looks like
    return root


def forge(root: Path, outside: Path) -> Path:
    """A valid run's cache, committed into the repository, then alpha's file made invalid and
    the forged cache saying the invalid bytes are clean."""
    assert load_project(root / "data", cache=outside).ok
    committed = root / ".duban-cache"
    shutil.copytree(outside, committed)
    alpha = root / "data" / "status" / "alpha.yaml"
    alpha.write_text(INVALID_ALPHA, encoding="utf-8")
    stored = json.loads((committed / CACHE_FILE).read_text(encoding="utf-8"))
    stored["files"]["status/alpha.yaml"] = [file_digest(alpha.read_bytes()), 1]
    (committed / CACHE_FILE).write_text(json.dumps(stored), encoding="utf-8")
    return committed


def test_a_forged_cache_committed_in_the_repository_does_not_make_invalid_data_pass(
    tmp_path, monkeypatch, capsys
):
    root = repository(tmp_path)
    committed = forge(root, tmp_path / "outside")
    before = (committed / CACHE_FILE).read_bytes()
    monkeypatch.chdir(root)
    assert main(["validate", "--cache", ".duban-cache"]) == 1
    captured = capsys.readouterr()
    assert "data/status/alpha.yaml" in captured.out + captured.err
    assert "inside the repository" in captured.err or "仓库之内" in captured.err
    assert (committed / CACHE_FILE).read_bytes() == before  # nothing written there


def test_the_same_forged_cache_through_a_committed_link_is_refused(tmp_path):
    root = repository(tmp_path)
    committed = forge(root, tmp_path / "outside")
    (root / "cache-link").symlink_to(committed)
    project = load_project(root / "data", cache=root / "cache-link")
    assert not project.ok and project.cached_files == 0
    assert any("status/alpha.yaml" in str(p) for p in project.problems)


def test_a_cache_inside_the_data_folder_of_a_repository_is_refused(tmp_path):
    root = repository(tmp_path)
    assert refusal(root / "data" / ".duban-cache", root / "data") is not None
    assert refusal(root, root / "data") is not None
    assert repository_of(root / "data" / "status") == root.resolve()


def test_a_cache_outside_the_repository_still_saves_work(tmp_path):
    root = repository(tmp_path)
    outside = tmp_path / "runner-temp" / "duban-cache"
    assert refusal(outside, root / "data") is None
    assert load_project(root / "data", cache=outside).ok
    again = load_project(root / "data", cache=outside)
    assert again.ok and again.cached_files > 0 and again.cache_refused is None


def test_a_git_file_marks_a_worktree_too(tmp_path):
    root = repository(tmp_path)
    (root / ".git").rmdir()
    (root / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n", encoding="utf-8")
    assert refusal(root / ".duban-cache", root / "data") is not None
