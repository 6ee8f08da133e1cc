"""The site's bytes grow linearly with the units (h24b): the generated repository (two plans,
reports over three years) rendered at 80 and 240 units (both above the size where long lists
are summarised by group), bytes and files per unit compared; and the heavy profile's (three
years of monthly reports, evidence, figures, three plans; h24i) the same way, with its bytes
per unit held under what keeps a province of 1,500 units within 300 MB.
Ratios and bytes per unit, not seconds; the 250 vs 1,500 unit numbers of a real build are in
docs/performance-site.md (site_bytes.py)."""

from __future__ import annotations

import pytest

from site_bytes import rendered_growth


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    return rendered_growth(tmp_path_factory.mktemp("site-bytes"), small=80, large=240)


@pytest.fixture(scope="module")
def heavy(tmp_path_factory):
    work = tmp_path_factory.mktemp("site-bytes-heavy")
    return rendered_growth(work, small=80, large=240, profile="heavy")


def test_bytes_per_unit_do_not_grow_with_the_units(grown):
    # linear: 3x the units, at most 3x the bytes (per unit, a ratio of 1; measured 0.74, as
    # the plans' own pages are shared by more units). A page or file that grows with the
    # province for every unit (every unit's rows on each task page, a group calendar of
    # everyone) makes it grow past 1.
    assert grown["bytes_ratio"] < 1.1, grown


def test_files_per_unit_do_not_grow_with_the_units(grown):
    assert grown["files_ratio"] < 1.1, grown
    # a unit costs a page, a history page and a calendar at most, never more files
    assert grown["files_per_unit"][1] < 4, grown


def test_the_heavy_profile_grows_linearly_too(heavy):
    assert heavy["bytes_ratio"] < 1.1, heavy
    assert heavy["files_ratio"] < 1.1, heavy
    assert heavy["files_per_unit"][1] < 4, heavy


def test_a_heavy_unit_costs_what_fits_a_province_in_300_mb(heavy):
    # The rendered site (pages as duban makes them, every download; not MkDocs' theme around
    # the pages, the search index or the assets) per unit at 240 heavy units: measured 200 KB
    # (h24i; 504 KB before it: the open data uncompressed, every occurrence's row on its unit
    # page, calendars of every year to come). The built site at 1,500 heavy units was then
    # 285.3 MB: a unit 5% dearer than measured is about where a province stops fitting 300 MB.
    assert heavy["bytes_per_unit"][1] < 210_000, heavy


def test_a_light_unit_costs_half_what_it_did(grown):
    # measured 108 KB a unit at 240 units (h24i; 218 KB before it); 1,500 units of the built
    # site were 169.7 MB
    assert grown["bytes_per_unit"][1] < 130_000, grown
