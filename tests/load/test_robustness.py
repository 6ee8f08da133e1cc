"""Mangled data never crashes the pipeline: every outcome is a model or a list of problems."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.load.project import load_project
from helpers import BASE

FILES = sorted(p.relative_to(BASE / "data") for p in (BASE / "data").rglob("*.yaml"))

edits = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "insert"]),
        st.integers(min_value=0, max_value=60),
        st.sampled_from(["  - x", "id: 1", "state: done", ":", "- [", "task: 99", "\t", "a: &b c"]),
    ),
    min_size=1,
    max_size=4,
)


def mangle(text: str, operations) -> str:
    lines = text.splitlines()
    for operation, index, snippet in operations:
        if not lines:
            break
        i = index % len(lines)
        if operation == "delete":
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "swap":
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(i, snippet)
    return "\n".join(lines) + "\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(FILES), edits)
def test_mangled_files_yield_problems_or_a_model_never_an_exception(tmp_path, target, operations):
    project = tmp_path / "p"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(BASE, project)
    path = project / "data" / target
    path.write_text(mangle(path.read_text(encoding="utf-8"), operations), encoding="utf-8")
    result = load_project(project / "data")
    assert (result.model is None) == bool(result.problems)
    for problem in result.problems:
        assert problem.line >= 1 and problem.col >= 1
        assert "\n" not in str(problem)
