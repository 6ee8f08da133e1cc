"""h24ae (plugin/serve_spill.py): while serving, the build's folder of downloads stays from build
to build and a download is written only when its bytes changed; every download served is still
a full build's, byte for byte. ``mkdocs build`` makes a new folder and removes it, as before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from duban.plugin.serve_spill import Spill
from sitekit import (
    assert_served_as_built,
    demo_served,
    serve_rebuild,
    serve_started,
    text_edited,
)


def _report(status: Path) -> None:
    """A monthly report: an update's text marked and an obligation in progress marked done."""
    text_edited(status, "落盘改动：")
    text = status.read_text("utf-8")
    done = text.replace(
        "  state: in-progress\n  progress: 20\n", "  state: done\n  done: 2010-12-01\n", 1
    )
    assert done != text
    status.write_text(done, "utf-8")


def _downloads(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*.ics")
        if p.is_file()
    }


def test_serve_writes_only_the_changed_downloads_and_serves_a_full_builds():
    work, project, served = demo_served("serve-spill")
    config = serve_started(project, served)
    plugin = config.plugins["duban"]
    try:
        serve_rebuild(project, served)  # the first build writes every download
        spill = plugin.spill
        folder, first = spill.folder, spill.writes
        calendars = _downloads(served)
        assert folder is not None and folder.is_dir() and len(calendars) > 3
        assert first >= len(calendars)
        serve_rebuild(project, served)  # nothing changed: nothing written
        assert spill.folder == folder and spill.writes == 0
        status = sorted((project / "data" / "status").glob("*.yaml"))[0]
        _report(status)
        serve_rebuild(project, served)
        assert spill.folder == folder  # the same folder, kept
        assert 0 < spill.writes < len(calendars) / 2  # the edited unit's calendars, not all
        after = _downloads(served)
        assert after != calendars  # the report shows in a calendar
        assert not [p for p in folder.rglob(".*") if p.is_file()]  # no temporary file left
        plugin.later.wait()  # the whole-plan downloads made too: every file a full build's
        assert_served_as_built(project, served, work / "full")
    finally:
        config.plugins.on_shutdown()
    assert plugin.spill.folder is None and not folder.exists()
    shutil.rmtree(work, ignore_errors=True)


def test_a_changed_download_is_a_new_file_and_one_not_made_is_removed():
    spill = Spill()
    folder = spill.start(serving=True)
    spill.put("a/x.ics", b"one")
    spill.put("a/y.ics", b"why")
    spill.end()
    served = folder.parent / f"{folder.name}-served"
    served.mkdir()
    os.link(folder / "a" / "x.ics", served / "x.ics")  # as LinkedFile links it
    assert spill.start(serving=True) == folder
    spill.put("a/x.ics", b"one")
    assert spill.writes == 0
    spill.put("a/x.ics", b"two")
    spill.end()
    assert spill.writes == 1
    assert (folder / "a" / "x.ics").read_bytes() == b"two"
    assert (served / "x.ics").read_bytes() == b"one"  # the served link: never changed in place
    assert not (folder / "a" / "y.ics").exists()  # not made by this build
    spill.drop()
    assert not folder.exists()
    shutil.rmtree(served)


def test_mkdocs_build_gets_a_new_folder_removed_at_the_end():
    spill = Spill()
    folder = spill.start(serving=False)
    spill.put("a/x.ics", b"one")
    spill.put("a/x.ics", b"one")
    assert spill.writes == 2 and (folder / "a" / "x.ics").read_bytes() == b"one"
    spill.end()
    assert not folder.exists() and spill.folder is None
    other = spill.start(serving=False)
    assert other != folder
    spill.drop()
