"""``duban check`` and ``duban validate`` run in CI on a province (every pull request, every
day): they load what they need and no library of the office's documents, the site's templates
or the notifications."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("jinja2", "xlsxwriter", "openpyxl", "docx", "lxml", "jieba", "mkdocs", "apprise")


@pytest.mark.parametrize("command", ["check", "validate"])
def test_the_command_loads_no_word_spreadsheet_or_template_library(command):
    code = (
        "import sys\n"
        "from duban.cli.main import COMMANDS\n"
        f"found = next(c for c in COMMANDS if c.name == {command!r})\n"
        "__import__('duban.cli.' + found.handler.partition(':')[0])\n"
        f"heavy = {HEAVY!r}\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
