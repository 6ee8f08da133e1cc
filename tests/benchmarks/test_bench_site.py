"""The site benchmark, run small: it must work, the build must scale about linearly, and a unit
page must not grow with the number of units."""

from __future__ import annotations

from bench_site import run


def test_site_build_scales_linearly_and_unit_pages_stay_the_same_size():
    result = run(units=8, tasks=4, repeat=1)
    # 10x the units is at most ~10x the work (less: a build has fixed costs); a quadratic
    # renderer (every page scanning every occurrence) would approach 100x. Generous for noise.
    assert result["render_scaling_ratio"] < 25, result
    assert result["build_scaling_ratio"] < 25, result
    assert result["page_size_ratio"] < 1.02, result
    # the baseline shows what the design avoids: unit pages in the nav grow every page
    assert result["nav_baseline_ratio"] > 1.2, result
