"""The hand-off benchmark (site_handoff.py) at 250 units: the new way builds the same site (every
page's visible text, the search index) in well under the old way's time, in the same run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from site_handoff import run


def test_the_new_hand_off_builds_the_same_site_in_much_less_time():
    with tempfile.TemporaryDirectory(prefix="duban-handoff-") as work:
        result = run(units=250, work=Path(work))
    assert result["differences"] == [], result
    assert result["pages"] > 500, result
    # measured here: 0.20 at 250 units and 0.13 at 1,500 on a busy machine (the target at 1,500
    # is 0.4); generous for a shared machine's noise
    assert result["ratio"] < 0.6, result
