"""The sweep tier (tests/conftest.py, helpers.swept): the default run leaves out the tests marked
``sweep`` and CI runs them as a step of its own. What keeps that honest: every behaviour a sweep
repeats is still tested in the default run, on at least one of its cases."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import DATA_SETS, OFFICE_DATES, ROOT, office_cases, swept

# a test function marked sweep whole, and the default run's test of the same behaviour
WHOLE_SWEEPS = {
    "tests/load/test_fast_validation.py::test_awkward_values_at_every_path_of_every_document": (
        "tests/load/test_fast_validation.py::"
        "test_the_two_validators_agree_on_the_document_and_on_awkward_values"
    ),
}


def _swept(param: object) -> bool:
    return any(mark.name == "sweep" for mark in getattr(param, "marks", ()))


def test_swept_marks_what_is_not_a_default_case_and_keeps_every_value():
    params = swept(["a", "b", ("c", 1)], ["b"])
    assert [p.values for p in params] == [("a",), ("b",), ("c", 1)]
    assert [_swept(p) for p in params] == [True, False, True]
    # a one-name parametrize whose values are tuples passes them as 1-tuples
    assert [p.values for p in swept([(("x", 1),)], [])] == [(("x", 1),)]


def test_the_office_outputs_default_cases_take_each_data_set_and_each_date():
    cases = office_cases()
    assert len(cases) == len(DATA_SETS) * len(OFFICE_DATES)
    default = [p.values for p in cases if not _swept(p)]
    assert {name for name, _ in default} == set(DATA_SETS)
    assert sorted(date for _, date in default) == sorted(OFFICE_DATES)


COLLECT = (sys.executable, "-m", "pytest", "--co", "-q", "-n", "0", "-p", "no:cacheprovider")


def _collected(files: list[str], *options: str) -> set[str]:
    run = subprocess.run(
        [*COLLECT, *options, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return {line for line in run.stdout.splitlines() if "::" in line}


@pytest.mark.slow
def test_every_behaviour_a_sweep_repeats_keeps_a_case_in_the_default_run():
    tests = ROOT / "tests"
    files = sorted(
        str(path.relative_to(ROOT))
        for path in tests.rglob("test_*.py")
        if "benchmarks" not in path.parts
        and path.name != "test_sweeps.py"
        and re.search(r"swept\(|mark\.sweep|office_cases\(", path.read_text("utf-8"))
    )
    assert len(files) >= 5
    default, everything = _collected(files), _collected(files, "--sweeps")
    sweeps = everything - default
    assert sweeps and default < everything

    def function(node: str) -> str:
        return node.split("[", 1)[0]

    kept = {function(node) for node in default}
    lost = {function(node) for node in sweeps} - kept
    assert lost == set(WHOLE_SWEEPS), "a sweep whose behaviour the default run no longer tests"
    assert set(WHOLE_SWEEPS.values()) <= kept
