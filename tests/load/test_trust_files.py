"""Only regular files are read from a data folder, the schemas folder and the validation cache:
a named pipe (FIFO) there once hung ``duban validate``, ``check``, ``record``, ``validate
--cache`` and ``mkdocs build`` forever. Now it is one problem line, ``path:1:1: is not a
regular file: a named pipe (FIFO)``. Every command runs in a subprocess with a timeout, so a
regression fails the test instead of hanging the suite."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from duban.i18n.messages import translate
from duban.load.files import NotRegularFile, read_regular
from helpers import CASES, ROOT, lay_out_case
from sitekit import demo_project

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

TIMEOUT = 60
FIFO_LINE = "1:1: is not a regular file: a named pipe (FIFO)"


def duban(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DUBAN_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "duban", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        timeout=TIMEOUT,  # a hang fails the test (TimeoutExpired), never the suite
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    return root


def fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("file", ["data/status/zz.yaml", "data/org.yaml", "data/status/alpha.yaml"])
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["validate", "--cache", "CACHE"],
        ["check", "--as-of", "2011-01-01"],
        ["record", "alpha", "03", "--state", "in-progress"],
    ],
    ids=["validate", "validate-cache", "check", "record"],
)
def test_a_named_pipe_in_the_data_folder_is_one_problem_not_a_hang(project, file, command):
    fifo(project / file)
    command = [str(project.parent / "cache") if word == "CACHE" else word for word in command]
    result = duban(project, *command)
    assert result.returncode in (1, 2), result.stderr  # invalid data (check says 2)
    assert f"{file}:{FIFO_LINE}" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_named_pipe_in_the_schemas_folder_is_one_problem(project):
    fifo(project / "schemas" / "status.schema.json")
    result = duban(project, "validate")
    assert result.returncode == 1
    assert f"status.schema.json:{FIFO_LINE}" in result.stdout + result.stderr


def test_a_named_pipe_as_the_cache_file_is_ignored_not_waited_for(project, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    fifo(cache / "duban-validate.json")
    result = duban(project, "validate", "--cache", str(cache))
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)  # checked in full; the cache may not be writable


def test_mkdocs_build_stops_on_a_named_pipe(tmp_path):
    root = demo_project(tmp_path / "site-project")
    fifo(root / "data" / "org.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DUBAN_LANG": "en"},
        timeout=TIMEOUT,
    )
    assert result.returncode != 0
    assert FIFO_LINE in result.stderr


def _alarm(seconds: int) -> None:
    def fail(*_: object) -> None:
        raise TimeoutError("read_regular blocked")

    signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)


def test_read_regular_refuses_a_pipe_a_socket_and_a_device_without_blocking(tmp_path):
    pipe = fifo(tmp_path / "pipe")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        _alarm(10)
        for path, what in (
            (pipe, "a named pipe (FIFO)"),
            (tmp_path / "sock", "a socket"),
            (Path(os.devnull), "a device"),
            (tmp_path, "a directory"),
        ):
            with pytest.raises(NotRegularFile) as refused:
                read_regular(path, follow=True)
            assert refused.value.what == what
    finally:
        signal.alarm(0)
        server.close()


def test_a_file_swapped_for_a_pipe_after_the_look_is_refused_after_the_open(tmp_path, monkeypatch):
    """The look before the open (lstat) saw a regular file; the open file's fstat decides."""
    regular = tmp_path / "regular"
    regular.write_bytes(b"x")
    pipe = fifo(tmp_path / "pipe")
    real_lstat = os.lstat
    monkeypatch.setattr(os, "lstat", lambda path, *a, **k: real_lstat(regular))
    try:
        _alarm(10)
        with pytest.raises(NotRegularFile):
            read_regular(pipe)
    finally:
        signal.alarm(0)


def test_read_regular_reads_a_regular_file_up_to_its_limit(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"0123456789")
    assert read_regular(path) == b"0123456789"
    assert read_regular(path, 4) == b"0123"
    link = tmp_path / "link"
    link.symlink_to(path)
    with pytest.raises(OSError):
        read_regular(link)


def test_the_problem_is_said_in_chinese():
    message = "is not a regular file: a named pipe (FIFO)"
    assert translate(message, "zh") == "不是普通文件（命名管道 FIFO）：数据文件夹中只读取普通文件"


def test_import_plan_refuses_a_named_pipe_as_its_org_file(project, tmp_path):
    document = tmp_path / "plan.txt"
    document.write_text("关于印发某方案的通知\n一、总体要求\n（一）做好工作。\n", encoding="utf-8")
    org = fifo(tmp_path / "org.yaml")
    result = duban(project, "import-plan", str(document), "--org", str(org), "--out", "out")
    assert result.returncode == 2
    assert "is not a regular file: a named pipe (FIFO)" in result.stderr
