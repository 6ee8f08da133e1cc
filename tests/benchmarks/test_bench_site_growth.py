"""A unit's page does not grow with the number of units (a growth property: two synthetic
sites of 20 and 200 units built; run with the benchmarks, `.ci/run`'s second step, to keep the
default suite within its time)."""

from __future__ import annotations

from bench_site import make_site_project
from sitekit import mkdocs_build, scratch


def build_synthetic(units: int):
    root = make_site_project(scratch(f"units-{units}"), units=units, tasks=6)
    build = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert build.returncode == 0, build.stderr
    return build.site


def test_page_size_stays_constant_as_units_grow():
    """Unit pages are not in the navigation (which Material renders into every page), so a
    unit's page is no bigger with 200 units than with 20. (It may be smaller: at 200 units the
    site summarises as for a province, and a unit page's feed shows fewer reports.)"""
    small, large = build_synthetic(20), build_synthetic(200)
    for page in ("units/u0000.html", "units/u0007.html", "index.html", "about.html"):
        a, b = (small / page).stat().st_size, (large / page).stat().st_size
        assert (b - a) / a < 0.02, (page, a, b)
    assert len(list((large / "units").glob("u*.html"))) == 200
