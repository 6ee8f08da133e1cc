"""Each holder's overall record, and the ranking of the units that reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.evaluation.evaluate import ItemState, State
from duban.evaluation.evaluate import reporters as known_reporters
from duban.model.model import Model
from duban.model.org import Group, Holder
from duban.site.index import Index
from duban.site.lights import Tally, light_of


@dataclass(frozen=True)
class HolderRecord:
    """A unit's (or member-less group's) overall record: one row of the ranking."""

    holder: Holder
    tally: Tally
    light: State | None
    rank: int | None = None


def holder_record(holder: Holder, items: list[ItemState]) -> HolderRecord:
    """The record of ``holder``, from its occurrences (``Index.by_holder``)."""
    return HolderRecord(holder, Tally.of(items), light_of(items))


def indexed_record(holder: Holder, index: Index) -> HolderRecord:
    """h24r: :func:`holder_record` of ``holder``'s occurrences in ``index``, from the index's
    tallies (each holder tallied once per index)."""
    if holder.id not in index.by_holder:
        return holder_record(holder, [])
    return HolderRecord(holder, index.holder_tallies[holder.id], index.holder_lights[holder.id])


def reporters(model: Model, as_of: dt.date, index: Index | None = None) -> set[str]:
    """Holders that recorded anything for the model's tasks by ``as_of`` (a status entry);
    ``index`` (h24q): found once in the index of the same model and date."""
    if index is not None and index.model is model and index.as_of == as_of:
        return index.reporters
    return known_reporters(model, as_of)


def rankable(model: Model, record: HolderRecord, reported: set[str]) -> bool:
    """Only units that have reported, with something reckoned, are ranked: a unit that
    reported nothing stands at 0% for want of a report, not of work, and a group without
    listed members is not a unit."""
    return (
        not isinstance(record.holder, Group)
        and record.holder.id in reported
        and bool(record.tally.reckoned)
    )


def ranked_records(model: Model, index: Index, as_of: dt.date) -> list[HolderRecord]:
    """Holders with obligations, best record first: on-time rate, then done rate, then fewest
    overdue. Only units that have reported are ranked (:func:`rankable`); the others come
    last, unranked. h24v: made once per index, model and date (a plan's progress page and
    its group pages ask; a copy of the list each time)."""
    kept = index.__dict__.get(_RANKED)
    if kept is not None and kept[0] is model and kept[1] == as_of:
        return list(kept[2])
    result = _ranked(model, index, as_of)
    index.__dict__[_RANKED] = (model, as_of, result)  # a cached value's place (Index is frozen)
    return list(result)


_RANKED = "_dbn_ranked"


SCORES = "_dbn_scores"
"""Where an index keeps each holder's (tally, :func:`_score`) (h24aa): while serving the next
build's index holds the same dict (``serve_index``), and a holder whose tally is the same
object (its occurrences unchanged) is not scored again."""

Score = tuple[float, float, int]


def _score(tally: Tally) -> tuple[Score, Score]:
    """(the ranking's score: on-time rate, done rate, overdue; its sort key, best first)."""
    on_time, done, overdue = tally.on_time_rate or 0, tally.done_rate or 0, tally.overdue
    return (on_time, done, overdue), (-on_time, -done, overdue)


def _ranked(model: Model, index: Index, as_of: dt.date) -> list[HolderRecord]:
    by_holder = index.by_holder
    reported = reporters(model, as_of, index)
    # h24r: each holder tallied once per index (the index's tallies are of its own lists)
    records = [indexed_record(h, index) for h in model.holders.values() if h.id in by_holder]
    scores: dict[str, tuple[Tally, tuple[Score, Score]]] = index.__dict__.setdefault(SCORES, {})

    def scored(record: HolderRecord) -> tuple[Score, Score]:
        kept = scores.get(record.holder.id)
        if kept is None or kept[0] is not record.tally:
            kept = scores[record.holder.id] = (record.tally, _score(record.tally))
        return kept[1]

    ranked = sorted(
        (r for r in records if rankable(model, r, reported)), key=lambda r: scored(r)[1]
    )
    result = []
    previous: Score | None = None
    rank = 0
    for position, record in enumerate(ranked, start=1):
        score = scored(record)[0]
        if score != previous:  # ties share a rank (1, 2, 2, 4)
            rank, previous = position, score
        result.append(HolderRecord(record.holder, record.tally, record.light, rank))
    result += [r for r in records if not rankable(model, r, reported)]
    return result
