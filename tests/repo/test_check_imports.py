"""``duban check`` runs in CI on a province: it loads no library of the office's documents."""

from __future__ import annotations

import subprocess
import sys


def test_check_loads_no_word_spreadsheet_or_template_library():
    code = (
        "import sys\n"
        "from duban.cli.main import COMMANDS\n"
        "check = next(c for c in COMMANDS if c.name == 'check')\n"
        "__import__('duban.cli.' + check.handler.partition(':')[0])\n"
        "heavy = ('jinja2', 'xlsxwriter', 'openpyxl', 'docx', 'lxml', 'jieba', 'mkdocs',"
        " 'apprise')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
