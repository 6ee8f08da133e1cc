"""The rules a status entry answers for itself (model/status.py), read by every output."""

import datetime as dt

from duban.model.status import Evidence, Instance, StatusEntry, Update

D = dt.date


def entry(**fields) -> StatusEntry:
    base = {"holder_id": "a", "task_id": "p/01", "due_id": "main", "period": "", "state": "done"}
    return StatusEntry(**{**base, **fields})


def test_the_latest_report_counts_every_dated_thing_the_holder_recorded():
    e = entry(
        started=D(2010, 3, 1),
        done=D(2010, 4, 1),
        updates=(Update(D(2010, 3, 15), "进展"),),
        instances=(Instance(D(2010, 4, 20)),),
        evidence=(Evidence("文件", "https://example.org/a", D(2010, 5, 1)), Evidence("无日期")),
    )
    assert e.last_reported(D(2010, 12, 31)) == D(2010, 5, 1)  # the evidence, the latest
    assert e.last_reported(D(2010, 4, 25)) == D(2010, 4, 20)  # the instance
    assert e.last_reported(D(2010, 3, 20)) == D(2010, 3, 15)  # nothing later is known yet
    assert e.last_reported(D(2010, 2, 1)) is None


def test_a_done_date_counts_only_when_the_state_is_done():
    assert entry(done=D(2010, 4, 1)).done_on == D(2010, 4, 1)
    assert entry(state="in-progress", done=D(2010, 4, 1)).done_on is None
