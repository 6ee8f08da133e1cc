"""h24ae: what search reads of the summary pages. The count tables (by section, group, unit,
deadline, the ranking, the timeline) and the home page's due-soon list are left out of the
search index, as the status tables and overdue lists always were: a reader searches for a unit,
a task or a plan, and these tables change with every report, so Material parsed them again on
every serve edit (a province's progress page: 0.4 MB of counts at 500 units)."""

from __future__ import annotations

import datetime as dt
import re

from duban.load.project import load_project
from duban.plugin.handoff import searchable
from duban.site import Settings, render_site
from sitekit import DEMO_AS_OF, DEMO_PLAN

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)
SETTINGS = Settings(as_of=AS_OF, summary_rows=5)  # the demo as a province: tables by group

LEFT_OUT = {
    f"plans/{DEMO_PLAN}/progress.md": (
        "section-table",
        "group-table",
        "ranking-table",
        "deadline-table",
        "dbn-timeline",
    ),
    "index.md": ("next-table",),
    "overdue.md": ("overdue-groups",),
}


def test_count_tables_are_not_what_search_reads(province_data):
    model = load_project(province_data).model
    assert model is not None
    pages = render_site(model, SETTINGS, processes=1).pages
    for uri, marks in LEFT_OUT.items():
        page = pages[uri]
        read = searchable(page)
        for mark in marks:
            assert mark in page, (uri, mark)  # the table is on the page
            assert mark not in read, (uri, mark)  # and search does not read it
    # a task page's table by group (a province's), and a group's unit page's members
    tasks = [u for u, p in pages.items() if u.endswith(".md") and 'id="status-groups"' in p]
    assert tasks
    for uri in tasks:
        assert 'id="status-groups"' not in searchable(pages[uri])
    groups = [u for u, p in pages.items() if u.endswith(".md") and 'id="member-table"' in p]
    assert groups
    for uri in groups:
        assert 'id="member-table"' not in searchable(pages[uri])
    # what readers look for stays: the progress page's title and headings, a task's text
    progress = searchable(pages[f"plans/{DEMO_PLAN}/progress.md"])
    assert re.search(r"^## ", progress, re.MULTILINE)
    assert model.plans[DEMO_PLAN].title in progress
