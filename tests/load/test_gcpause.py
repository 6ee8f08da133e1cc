"""The cycle collector is paused only while data is built, and left as it was found."""

from __future__ import annotations

import gc

import pytest

from duban.load.gcpause import collection_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_is_paused_inside_and_restored_after(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_collection_is_restored_when_the_block_raises():
    gc.enable()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_loading_a_project_leaves_the_collector_on(tmp_path):
    from duban.load.project import load_project

    gc.enable()
    load_project(tmp_path / "missing")
    assert gc.isenabled()
