"""The edits the benchmarks make to a generated status file (site_cache.py, serve_edit.py).

``text_edit`` changes what only the unit's page shows; ``report_edit`` is a unit's monthly
report, which changes the summaries too (tallies, lights, the newest reports, the 台账).
"""

from __future__ import annotations

import re

REPORTED = "2024-11-29"
"""The day the ``report`` edit's units reported: the day before the build's date (``AS_OF``)."""


def text_edit(text: str, words: str = "已更新：") -> str:
    """The latest update's text changed (shown on the unit page only)."""
    last = list(re.finditer(r"\n\s+text: \"?", text))[-1]
    return text[: last.end()] + words + text[last.end() :]


def report_edit(text: str, words: str = "本月工作已完成，报送佐证材料") -> str:
    """A monthly report: a new update after the file's last one, and the first task in
    progress marked done (the file's last update closes its last entry's list)."""
    last = list(re.finditer(r"\n( +)- date: .*\n +text: .*", text))[-1]
    dash = last.group(1)
    update = f'\n{dash}- date: {REPORTED}\n{dash}  text: "{words}"'
    text = text[: last.end()] + update + text[last.end() :]
    return re.sub(
        r"\n( +)state: in-progress\n",
        lambda m: f"\n{m.group(1)}state: done\n{m.group(1)}done: {REPORTED}\n",
        text,
        count=1,
    )
