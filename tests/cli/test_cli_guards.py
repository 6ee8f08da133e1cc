"""Two guards at the command line's edge: --site-url takes only an https address (it becomes
links in issues, reports and reminders), and a binary format is never poured into a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from duban.cli.main import main
from helpers import ROOT


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://example.org/", "https://a b/", 'https://x/"><b>']
)
def test_site_url_must_be_an_https_address(url, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["report", "overdue-issue", "--data", str(ROOT / "data"), "--site-url", url])
    assert raised.value.code == 2
    assert "--site-url" in capsys.readouterr().err


def test_an_https_site_url_is_taken(capsys):
    code = main(
        ["report", "overdue-issue", "--data", str(ROOT / "data"), "--as-of", "2011-01-01",
         "--site-url", "https://example.org/duban/"]
    )  # fmt: skip
    assert code == 0
    assert "https://example.org/duban/" in capsys.readouterr().out


def test_a_workbook_is_not_written_to_a_terminal(tmp_path):
    leader, follower = pty.openpty()
    env = {**os.environ, "DUBAN_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "duban", "export", "xlsx", "--data", str(ROOT / "data")],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert "binary file: write it with -o FILE" in done.stderr
