"""Install: the lock files pin every dependency with hashes, the workflows install from them,
and README's first commands are the ones CI (.ci/run) runs."""

from __future__ import annotations

import re
import tomllib

import yaml

from helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def _pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text(encoding="utf-8")
    blocks = re.findall(
        r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}.*\n)+)",
        text,
        re.MULTILINE,
    )
    requirements = [line for line in text.splitlines() if line and line[0].isalnum()]
    assert len(blocks) == len(requirements), "every requirement is pinned with == and hashes"
    return {_name(name): version for name, version, _ in blocks}


def test_the_runtime_lock_covers_every_dependency_of_pyproject():
    pins = _pins("requirements.lock")
    missing = {_name(r) for r in PYPROJECT["dependencies"]} - set(pins)
    assert not missing, "refresh requirements.lock (README: Development)"


def test_the_test_lock_covers_the_test_tools_and_agrees_with_the_runtime_lock():
    runtime, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    wanted = {
        _name(r) for r in PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["test"]
    }
    assert not wanted - set(test), "refresh requirements-test.lock (README: Development)"
    assert {name: test[name] for name in runtime} == runtime


def test_workflows_install_from_the_lock_files_only():
    for name, lock in (
        ("ci.yml", "requirements-test.lock"),
        ("pages.yml", "requirements.lock"),
        ("overdue.yml", "requirements.lock"),
    ):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text("utf-8"))
        runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
        installs = [
            line.strip() for run in runs for line in run.splitlines() if "pip install" in line
        ]
        assert installs == [
            f"python -m pip install --require-hashes -r {lock}",
            "python -m pip install --no-deps -e .",
        ], name


def test_readme_first_commands_make_a_venv_and_ci_runs_the_same_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1).splitlines()
    install, test = (line.split("  #")[0].strip() for line in first)
    assert install == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' "
        "&& mkdocs build --strict"
    )
    assert test == ". .venv/bin/activate && python3 -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "python3 -m venv .venv" in ci and "pip install -q -e '.[test]'" in ci
    # the main step, then the sweeps and the timing benchmarks (neither collected by the test
    # command), comments between them
    commands = [line for line in ci[ci.index(test) :] if not line.startswith("#")]
    assert commands == [
        test,
        "python3 -m pytest --sweeps -m sweep",
        "python3 -m pytest tests/benchmarks -q -n 0",
    ]
