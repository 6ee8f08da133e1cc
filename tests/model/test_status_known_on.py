"""An entry as known on a date (StatusEntry.known_on): nothing dated later
is shown or used, and the words written with a later completion go with it."""

import datetime as dt

from duban.model.status import DeliverableStatus, Evidence, Instance, StatusEntry, Update

D = dt.date


def entry(**fields) -> StatusEntry:
    base = {"holder_id": "a", "task_id": "p/01", "due_id": "main", "period": "", "state": "done"}
    return StatusEntry(**{**base, **fields})


def test_an_entry_with_nothing_later_is_itself():
    e = entry(done=D(2010, 4, 1), summary="已完成", progress=100)
    assert e.known_on(D(2010, 4, 1)) is e


def test_a_completion_dated_later_leaves_the_duty_in_progress_without_its_words():
    e = entry(
        started=D(2010, 3, 1),
        done=D(2010, 9, 10),
        progress=100,
        summary="已完成",
        problems="无",
        next_steps="无",
        figures={"rate": 1.0},
        updates=(Update(D(2010, 3, 15), "进展"), Update(D(2010, 8, 1), "后来")),
        instances=(Instance(D(2010, 4, 20)), Instance(D(2010, 8, 2))),
        evidence=(
            Evidence("早", None, D(2010, 5, 1)),
            Evidence("无日期"),
            Evidence("晚", None, D(2010, 9, 1)),
        ),
        deliverables=(
            DeliverableStatus("x", D(2010, 4, 1), "https://e/x"),
            DeliverableStatus("y", D(2010, 9, 1), "https://e/y"),
        ),
    )
    known = e.known_on(D(2010, 7, 31))
    assert known is not None
    assert (known.state, known.done, known.started) == ("in-progress", None, D(2010, 3, 1))
    assert (known.progress, known.summary, known.problems, known.next_steps) == (None,) * 4
    assert known.figures == {}
    assert [u.text for u in known.updates] == ["进展"]
    assert [i.date for i in known.instances] == [D(2010, 4, 20)]
    assert [x.title for x in known.evidence] == ["早"]
    assert known.deliverables == (
        DeliverableStatus("x", D(2010, 4, 1), "https://e/x"),
        DeliverableStatus("y"),
    )
    assert known.last_reported(D(2010, 7, 31)) == D(2010, 5, 1)


def test_a_completion_dated_later_with_nothing_earlier_was_not_reported_yet():
    assert entry(done=D(2010, 9, 10), summary="已完成").known_on(D(2010, 7, 31)) is None


def test_an_open_entry_keeps_its_words_and_drops_only_later_dated_things():
    e = entry(
        state="in-progress",
        progress=60,
        summary="推进中",
        started=D(2010, 8, 1),
        updates=(Update(D(2010, 3, 15), "进展"), Update(D(2010, 8, 1), "后来")),
    )
    known = e.known_on(D(2010, 7, 31))
    assert known is not None
    assert (known.state, known.progress, known.summary, known.started) == (
        "in-progress",
        60,
        "推进中",
        None,
    )
    assert [u.text for u in known.updates] == ["进展"]
