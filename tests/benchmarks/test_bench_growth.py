"""Province-scale growth, run small: validation and checking of generate.py repositories must
grow about linearly with units (a quadratic step would show as ~16x for 4x the units)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from generate import Repository


def seconds(data: Path) -> tuple[float, float]:
    """(validate, validate + evaluate + check report), best of two."""
    runs = []
    for _ in range(2):
        started = time.perf_counter()
        project = load_project(data)
        validated = time.perf_counter()
        assert project.ok, [str(p) for p in project.problems[:3]]
        assert project.model is not None
        check_report(project.model, evaluate(project.model, dt.date(2024, 11, 30)))
        runs.append((validated - started, time.perf_counter() - started))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def test_validation_and_check_grow_linearly_with_units(tmp_path):
    small = Repository(40, 2, seed=1).write(tmp_path / "small")
    large = Repository(160, 2, seed=1).write(tmp_path / "large")
    small_validate, small_check = seconds(small)
    large_validate, large_check = seconds(large)
    # 4x the units: ~4x the work; generous for a noisy machine, far below quadratic (16x)
    assert large_validate / small_validate < 8, (small_validate, large_validate)
    assert large_check / small_check < 8, (small_check, large_check)


def test_the_generator_is_deterministic(tmp_path):
    first = Repository(30, 2, seed=3).write(tmp_path / "a")
    second = Repository(30, 2, seed=3).write(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_a_one_file_change_with_a_warm_cache_checks_one_file(tmp_path):
    """A pull request that changes one unit's file: with the cache of the last run only that
    file is loaded, and it costs a fraction of a full validation (measured in the same run)."""
    data = Repository(160, 2, seed=1).write(tmp_path / "repo")
    cache = tmp_path / "cache"
    assert load_project(data, cache=cache).ok  # warms the cache
    changed = sorted((data / "status").glob("*.yaml"))[0]
    original = changed.read_bytes()
    full, cached = [], []
    for turn in range(2):
        started = time.perf_counter()
        assert load_project(data).ok
        full.append(time.perf_counter() - started)
        changed.write_bytes(original + f"# change {turn}\n".encode())  # new to the cache
        started = time.perf_counter()
        project = load_project(data, cache=cache)
        cached.append(time.perf_counter() - started)
    statuses = len(list((data / "status").glob("*.yaml")))
    assert project.ok and project.cached_files == statuses - 1
    assert [d.file for d in project.documents if d.file.startswith("status/")] == [
        f"status/{changed.name}"
    ]
    assert min(cached) / min(full) < 0.5, (cached, full)


def test_status_files_are_not_all_kept_in_memory(tmp_path):
    """Peak memory at province scale is the model plus one file's data: each status file's
    parsed data and recorded positions are released once the model has its entries (a
    message's position is found again from the kept text)."""
    data = Repository(30, 2, seed=2).write(tmp_path / "repo")
    project = load_project(data)
    assert project.ok and project.model is not None and project.model.status
    statuses = [d for d in project.documents if d.file.startswith("status/")]
    assert statuses and all(d.data is None for d in statuses)
    assert all(not d.positions and not d.key_positions for d in statuses)
    assert all(d.position(("obligations", 0)) == (4, 5) for d in statuses)  # after "  - "
    others = [d for d in project.documents if not d.file.startswith("status/")]
    assert all(d.data is not None for d in others)
