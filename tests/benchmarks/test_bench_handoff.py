"""The hand-off benchmark (site_handoff.py) at 250 units: the new way builds the same site (every
page's visible text, the search index) in well under the old way's time, in the same run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from site_handoff import run


def test_the_new_hand_off_builds_the_same_site_in_much_less_time():
    with tempfile.TemporaryDirectory(prefix="duban-handoff-") as work:
        result = run(units=250, work=Path(work), pairs=2)
    assert result["differences"] == [], result
    assert result["pages"] > 300, result  # a province of 250 units: no history pages (h24e)
    # CPU time of the build's processes: steadier than wall time on a shared machine. Measured
    # here at 250 units: 63.0 s old, 22.1 s new (0.35; wall 237 s and 112 s); 0.33 at 1,500
    # units, where the target is 0.4; 0.42 at 250 units once the pages shrank (h24b), the old way
    # then parsing fewer bytes; 0.62 once in CI (a single pair; the new way 40% above its usual
    # CPU), hence two pairs, each way's least. Generous for noise.
    assert result["cpu_ratio"] < 0.6, result
