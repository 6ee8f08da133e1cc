"""`mkdocs serve` with the indexes made from the last build's (h24s, site/serve_index.py): after
each of two edits in a row (the second index made from an updated one), the rebuild updated
every index rather than making it, tallied again only the edited unit's holders, and every
file served is the one a fresh full build of the same data makes."""

from __future__ import annotations

import re
import shutil

from sitekit import (
    assert_served_as_built,
    demo_project,
    scratch,
    serve_rebuild,
    serve_started,
)


def test_two_serve_edits_update_the_indexes_and_serve_what_a_full_build_makes(monkeypatch):
    monkeypatch.setenv("DUBAN_LANG", "en")
    work = scratch("serve-index-pages")
    project = demo_project(work / "project")
    served = work / "served"
    served.mkdir()
    config = serve_started(project, served)
    plugin = config.plugins["duban"]
    try:
        serve_rebuild(project, served)
        indexes = plugin.cache.memo.indexes
        assert indexes.updated == 0 and indexes.last  # the first build made them
        holders = len(indexes.last[""].by_holder)
        status = project / "data" / "status" / "baqiao.yaml"
        for round, date in enumerate(("2010-12-01", "2010-11-20")):
            text = status.read_text("utf-8")
            changed = re.sub(r"(\n\s+done: )\S+", rf"\g<1>{date}", text, count=1)
            assert changed != text
            status.write_text(changed, "utf-8")
            serve_rebuild(project, served)
            assert indexes.updated == len(indexes.last) >= 2, round  # the whole's, each plan's
            assert 0 < indexes.tallied < holders, (indexes.tallied, holders)
            plugin.later.wait()  # the whole-plan downloads, made after the pages (h24n)
            plugin.cache.kept._sweep()
            full = work / f"full-{round}"
            assert_served_as_built(project, served, full)
    finally:
        config.plugins.on_shutdown()
    shutil.rmtree(work, ignore_errors=True)
