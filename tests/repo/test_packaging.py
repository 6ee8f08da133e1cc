"""The package as users install it: a wheel (not an editable install) carries its schemas,
templates, locale files and assets, and works from a directory that has none of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_the_source_tree_is_listed_for_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT / "scripts").parts)
        for init in (ROOT / "scripts" / "duban").rglob("__init__.py")
    }
    assert found | {"duban.schemas"} == listed


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_validates_checks_and_builds_the_site(tmp_path):
    # 1. the wheel, built the way pip builds it for `pip install .`
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        tmp_path / "dist",
        ROOT,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("duban-*.whl")
    # 2. a fresh venv; its dependencies come from this environment through a .pth file (no
    #    network), which adds a path but runs none of this environment's .pth files, so the
    #    editable install of duban here stays invisible there
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--no-index",
        "-q",
        wheel,
        cwd=tmp_path,
    )
    where = run(python, "-c", "import duban; print(duban.__file__)", cwd=tmp_path)
    assert where.startswith(str(purelib / "duban"))
    schemas = run(
        python,
        "-c",
        "from duban.load import schemas as s; print(s.default_schema_dir())",
        cwd=tmp_path,
    )
    assert schemas.strip() == str(purelib / "duban" / "schemas")
    # 3. a directory elsewhere with a copy of the data (no schemas/ beside it) and of the site
    project = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    duban = env_dir / "bin" / "duban"
    assert run(duban, "validate", "--data", project / "data", cwd=tmp_path).startswith("ok: ")
    run(duban, "check", "--as-of", "2011-01-01", "--data", project / "data", cwd=tmp_path)
    run(
        python,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        cwd=project,
        env={"DUBAN_AS_OF": "2011-01-01"},
    )
    assert (project / "site" / "units" / "index.html").is_file()
    assert any((project / "site").rglob("duban.css"))
