"""The light of occurrences: states in the order pages list them, several states combined
into one, and occurrences counted by state (:class:`Tally`).

Computed names (never raw data keys): ``light`` (the combined state of several occurrences),
``tally`` (counts of occurrences by state), ``done_rate`` and ``on_time_rate``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from duban.evaluation.evaluate import ItemState, State, silent_states

# Worst first: the light of several occurrences is the first state in this order that any of
# them has, except that "done" needs all of them done (see ``combine``).
OPEN_ORDER = (State.OVERDUE, State.DUE_SOON, State.NOT_DUE)


# How lights are listed in cards, bars, legends and filters: done first, then open, worst last.
DISPLAY_ORDER = (
    State.DONE_ON_TIME,
    State.DONE_EARLY,
    State.DONE_LATE,
    State.ONGOING,
    State.WAITING,
    State.NOT_DUE,
    State.DUE_SOON,
    State.OVERDUE,
    State.MISSED,
    State.NOT_APPLICABLE,
)


SEVERITY = (
    State.OVERDUE,
    State.MISSED,
    State.DUE_SOON,
    State.NOT_DUE,
    State.ONGOING,
    State.WAITING,
    State.DONE_LATE,
    State.DONE_EARLY,
    State.DONE_ON_TIME,
    State.NOT_APPLICABLE,
)


def severity(state: State | None) -> int:
    """Sort key of a light, worst first (no light last)."""
    return SEVERITY.index(state) if state is not None else len(SEVERITY)


def combine(states: Iterable[State]) -> State | None:
    """The light of several occurrences: any open one decides (worst first); then a missed
    count duty, then a duty still going on; otherwise done late beats done on time, and only
    if nothing applies is it not applicable."""
    present = set(states)
    if not present:
        return None
    for state in (
        *OPEN_ORDER,
        State.MISSED,
        State.ONGOING,
        State.WAITING,
        State.DONE_LATE,
        State.DONE_EARLY,
        State.DONE_ON_TIME,
    ):
        if state in present:
            return state
    return State.NOT_APPLICABLE


def light_of(items: Iterable[ItemState]) -> State | None:
    """The light of these occurrences (:func:`combine` of their states)."""
    return combine(i.state for i in items)


_state = attrgetter("state")


@dataclass(frozen=True)
class Tally:
    """Occurrences counted by state."""

    counts: Counter[State] = field(default_factory=Counter)
    unreported: int = 0
    """Occurrences (not applicable aside) no holder has recorded anything for: 未报送."""
    unreported_overdue: int = 0
    """Overdue occurrences among them: late and never reported."""
    unreported_by: Counter[State] = field(default_factory=Counter)
    """Unreported occurrences by state."""

    @classmethod
    def of(cls, items: Iterable[ItemState]) -> Tally:
        items = list(items)
        # h24r: one pass over the silent ones (a build makes thousands of tallies)
        # h24s: ``not i.reported`` read as the field it is (``entry is None``), no property
        # h24u: picked in C (the states of those without an entry), not-applicable dropped
        # after (a Counter keeps its first-seen order, so the same Counter as a filter's)
        return cls.counted(Counter(map(_state, items)), silent_states(items))

    @classmethod
    def counted(cls, counts: Counter[State], silent: Counter[State]) -> Tally:
        """The tally of these counts by state and of the unreported ones by state (the
        not-applicable ones among those left out: they are not owed a report)."""
        del silent[State.NOT_APPLICABLE]
        return cls(counts, sum(silent.values()), silent[State.OVERDUE], silent)

    def unreported_in(self, state: State) -> int:
        """How many of ``state`` were never reported (drawn pale in bars for late states)."""
        return self.unreported_by.get(state, 0)

    @property
    def reported(self) -> int:
        return self.applicable - self.unreported

    def __getitem__(self, state: State) -> int:
        return self.counts.get(state, 0)

    @property
    def present(self) -> list[State]:
        """The states counted at least once."""
        return [s for s, n in self.counts.items() if n]

    @property
    def light(self) -> State | None:
        """The light of the occurrences counted (:func:`combine` of their states: the same as
        :func:`light_of` the occurrences themselves)."""
        return combine(self.present)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def applicable(self) -> int:
        return self.total - self[State.NOT_APPLICABLE]

    @property
    def done(self) -> int:
        return self[State.DONE_ON_TIME] + self[State.DONE_EARLY] + self[State.DONE_LATE]

    @property
    def overdue(self) -> int:
        return self[State.OVERDUE]

    @property
    def open(self) -> int:
        return self[State.NOT_DUE] + self[State.DUE_SOON] + self[State.OVERDUE]

    @property
    def missed(self) -> int:
        return self[State.MISSED]

    @property
    def reckoned(self) -> int:
        """Occurrences that count for a rate: done, or due and not done (overdue or missed)."""
        return self.done + self.overdue + self.missed

    @property
    def done_rate(self) -> float | None:
        """Share (0-1) of reckoned occurrences that are done; None when nothing is reckoned."""
        return self.done / self.reckoned if self.reckoned else None

    @property
    def on_time_rate(self) -> float | None:
        return self[State.DONE_ON_TIME] / self.reckoned if self.reckoned else None

    def segments(self) -> list[tuple[State, int]]:
        """Non-zero counts in display order (for stacked bars)."""
        return [(s, self[s]) for s in DISPLAY_ORDER if self[s]]


def holder_lights(items: Iterable[ItemState]) -> dict[str, State]:
    """The light of each holder over its occurrences (in first-seen order)."""
    by_holder: dict[str, list[State]] = {}
    for item in items:
        by_holder.setdefault(item.holder_id, []).append(item.state)
    return {h: s for h, states in by_holder.items() if (s := combine(states)) is not None}


def present_states(tallies: Iterable[Tally]) -> list[State]:
    """The states any of ``tallies`` holds, in display order: the columns of a count table,
    so that each row's parts add up to its total."""
    seen: set[State] = set()
    for tally in tallies:
        seen.update(tally.present)
    return [s for s in DISPLAY_ORDER if s in seen]


RARE = (State.WAITING, State.DONE_EARLY)
"""States only some plans' deadlines can reach (an event's, a window's): listed in legends,
filters and cards only when some occurrence has them."""
_shown: list[tuple[object, tuple[State, ...]]] = []
SHOWN_KEPT = 8
"""How many tuples of items :func:`shown_states` remembers (h24aa: the whole evaluation's and
each plan's, which a build's pages ask in turn)."""


def shown_states(items: tuple[ItemState, ...]) -> tuple[State, ...]:
    """The states pages list (legends, filters, cards): every usual one, and a rare one when
    some of ``items`` has it. Remembered for the last few tuples of items (one per site build
    and plan; h24aa: the states read in C)."""
    for kept, states in _shown:
        if kept is items:
            return states
    present = set(map(_state, items)).intersection(RARE)
    states = tuple(s for s in DISPLAY_ORDER if s not in RARE or s in present)
    _shown[:] = [(items, states), *_shown[: SHOWN_KEPT - 1]]
    return states
