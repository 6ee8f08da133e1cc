"""The site's bytes grow linearly with the units (h24b): the generated repository (two plans,
reports over three years) rendered at 80 and 240 units (both above the size where long lists
are summarised by group), bytes and files per unit compared.
Ratios, not seconds; the 250 vs 1,500 unit numbers of a real build are in
docs/performance-site.md (site_bytes.py)."""

from __future__ import annotations

import pytest

from site_bytes import rendered_growth


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    return rendered_growth(tmp_path_factory.mktemp("site-bytes"), small=80, large=240)


def test_bytes_per_unit_do_not_grow_with_the_units(grown):
    # linear: 3x the units, at most 3x the bytes (per unit, a ratio of 1; measured 0.80, as
    # the plans' own pages are shared by more units). A page or file that grows with the
    # province for every unit (every unit's rows on each task page, a group calendar of
    # everyone) makes it grow past 1.
    assert grown["bytes_ratio"] < 1.1, grown


def test_files_per_unit_do_not_grow_with_the_units(grown):
    assert grown["files_ratio"] < 1.1, grown
    # a unit costs a page, a history page and a calendar at most, never more files
    assert grown["files_per_unit"][1] < 4, grown
