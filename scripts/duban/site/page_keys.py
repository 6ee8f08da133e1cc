"""What each generated page reads, as one digest made before the page is rendered (h24g).

A page whose key is the key of a page rendered before is not rendered again: its Markdown source
comes from a :class:`Memo` (the plugin's ``page_cache``, or memory while serving), and the
page cache (duban/plugin/page_cache.py) gives MkDocs' work on it. So a key must hold everything
the page's source can depend on. It is made of two parts:

* the *base*, shared by every page: duban's code and every data file but the status files (the
  plan, tasks, org, rules, records, federation: ``Memo.files_key``, made by the plugin), the
  build's settings (``as_of`` among them), the site's title, which plans have group pages, the
  states the legends list, and the other repositories' names;
* the *facts* the page shows, as evaluated (a unit's page: that unit's occurrences as of the
  date, with their entries, reports, escalations and flags, and for a group its members'
  occurrences; a task page: the occurrences of the task and its sub-items, its flags, the rows
  below it; a group page: its members' occurrences in the plan, and their ranks, which move
  with every unit's record). The facts, not the files: an occurrence whose deadline counts
  from another holder's report, or whose days overdue move with the date, changes the key
  through its evaluated state.

A status file changes only the facts of the occurrences it reports (everything else a status
file could change is in the summaries); every other data file is in the base. The pages that
summarise (home, 督办清单, progress, overdue lists, downloads page, units index, leaders) and a
task page with indicators (measured from entries directly) use the base and every status entry
but its updates' texts (h24w, :mod:`.summary_keys`); ``all_key`` is left for a job given no key.

Facts are digested as pickles: equal pickles are equal values, so a stale page is not possible
through the digest (a value pickled two ways only costs a render). A record's place is pickled by
its file in the data folder (:mod:`.fact_bytes`): no page shows the path messages use, which
depends on the directory the build was started from. The settings hold sets,
whose pickle order changes between processes: they are digested as sorted JSON
(:func:`canonical`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, cast

from duban.evaluation.evaluate import ItemState
from duban.load.cache import parts_digest
from duban.model.fields import field_names
from duban.model.model import Obligation
from duban.model.org import Group
from duban.model.plan import Task
from duban.site import kept_digests, lights, names, serve_digests, serve_index, summary_keys
from duban.site.context import Context
from duban.site.fact_bytes import fact_bytes
from duban.site.page_group import GroupPart


class Memo(Protocol):
    """Rendered sources by key, kept between builds (the plugin's)."""

    files_key: str
    """duban's code and every data file but the status files."""
    all_key: str
    """The same and every status file."""

    def has(self, key: str) -> bool:
        """Whether ``key`` is kept (:meth:`get` may still find it unreadable)."""
        ...

    def get(self, key: str, counted: bool = True) -> dict[str, str] | None: ...

    def put(self, key: str, pages: dict[str, str], counted: bool = True) -> None:
        """Keep ``pages`` by ``key`` (``counted`` False: a download's, h24k, not in the
        count of page jobs rendered)."""
        ...

    # h24k: downloads kept like pages (:mod:`.kept_downloads`)
    @property
    def on_disk(self) -> bool:
        """Whether what is put is written to files (readable from a forked process's put)."""
        ...

    def hold(self, key: str) -> None:
        """Keep ``key`` after this build though it was neither got nor put in this process."""
        ...

    # h24l: the open data's status entries kept by status file (:mod:`.kept_open_data`)
    file_digests: Mapping[str, str]
    # h24p, serving: each calendar's key with the objects it was made from
    calendar_keys: dict[str, tuple[Any, ...]]
    # h24p, serving: each holder's facts' digest with the objects it was made from
    holder_facts: dict[str, tuple[Any, ...]]
    """Each data file's digest (data-relative path, ``status/x.yaml``), of the bytes loaded."""
    # h24m: while serving, the occurrences' digests of the last build, by the occurrence
    # object (kept alive with it): the live evaluation keeps an unchanged holder's occurrences
    # as the same objects, so only the changed ones are pickled again
    occurrences: dict[int, tuple[ItemState, object, str]]
    # h24s, serving: the last build's indexes (.serve_index)
    indexes: serve_index.KeptIndexes
    # h24y, serving: each status file's part of the summaries' facts (.summary_keys)
    status_facts: dict[str, tuple[Any, ...]]
    keep: bool
    """Whether the memo lives from one build to the next (``mkdocs serve``)."""


def canonical(value: Any) -> Any:
    """``value`` as JSON the same in every process: sets sorted, dataclasses by field."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {name: canonical(getattr(value, name)) for name in field_names(type(value))}
        return [type(value).__qualname__, fields]
    if isinstance(value, (set, frozenset)):
        return sorted((canonical(v) for v in value), key=_json)
    if isinstance(value, dict):
        return sorted(([canonical(k), canonical(v)] for k, v in value.items()), key=_json)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, enum.Enum):
        return [type(value).__qualname__, value.name]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _same(kept: tuple[Any, ...], now: list[Any]) -> bool:
    return len(kept) == len(now) and all(a is b for a, b in zip(kept, now, strict=True))


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


_pickled = fact_bytes  # a record's place by its data file, not the working directory


def _plain(item: ItemState) -> str:
    """An occurrence's digest without an escalation (h24o: the one :mod:`.kept_digests` keeps)."""
    return parts_digest(_pickled((item, None)))


class Keys:
    """Every page's key in one build."""

    def __init__(self, ctx: Context, memo: Memo) -> None:
        self.ctx = ctx
        base = [
            canonical(ctx.settings),
            ctx.title,
            sorted(ctx.group_pages),
            canonical(ctx.sources),
            canonical(lights.shown_states(ctx.evaluation.items)),
        ]
        self.base = parts_digest(memo.files_key, _json(base))
        self.everything = parts_digest(self.base, memo.all_key)
        # h24w: the summaries by what they show (:mod:`.summary_keys`)
        kept = memo.status_facts if memo.keep else None  # h24y: serving, by status file
        self.summaries = summary_keys.Summaries(self.base, ctx.model, ctx.downloads, kept)
        self.flags_by_holder: dict[str | None, list[object]] = {}
        self.flags_by_task: dict[str | None, list[object]] = {}
        for flag in ctx.evaluation.flags:
            self.flags_by_holder.setdefault(flag.holder_id, []).append(flag)
            self.flags_by_task.setdefault(flag.task_id, []).append(flag)
        self._plan_states: dict[int, str] = {}
        self._items: dict[int, str] = {}
        self._holders: dict[str, str] = {}  # holder -> its facts' digest (h24l)
        # h24m: the last build's digests, read; this build's, kept for the next one while
        # serving (a build's own are let go with it: MkDocs' pages come after)
        self._before: dict[int, tuple[ItemState, object, str]] = memo.occurrences
        self._after: dict[int, tuple[ItemState, object, str]] = {}
        memo.occurrences = self._after if memo.keep else {}
        self._plain: dict[int, str] = {}  # h24o: each occurrence's own digest, by its id
        # h24p, serving: the last build's calendar keys with what they were made from
        self._calendars_before = memo.calendar_keys
        self._calendars: dict[str, tuple[Any, ...]] = {}
        memo.calendar_keys = self._calendars if memo.keep else {}
        self._facts_before = memo.holder_facts
        self._facts: dict[str, tuple[Any, ...]] = {}
        memo.holder_facts = self._facts if memo.keep else {}
        self._inputs: dict[str, str] = {}  # h24q: each holder's input key (kept_digests)
        # h24s, serving: each list's digests by the list (an index's unchanged lists are the
        # last build's objects, .serve_index), while every escalation is as it was
        self._lists_before, self._lists = serve_index.kept_lists(
            memo.indexes if memo.keep else None, ctx.evaluation
        )
        self._keeps_lists = memo.keep
        # h24v, serving: the last build's digests carried over whole (.serve_digests)
        carried = serve_digests.carried(
            memo.indexes if memo.keep else None,
            self._lists_before,
            self._before,
            len(ctx.evaluation.items),
            self._items,
        )
        self._carried = carried is not None
        if carried is not None:
            self._items, self._after = carried
            memo.occurrences = self._after
        if memo.on_disk:
            self._keep_plain(memo)

    def _keep_plain(self, memo: Memo) -> None:
        """h24o: the occurrences' digests of the holders whose inputs did not change, from
        the memo (:mod:`.kept_digests`); the others made, and all kept for the next build."""
        by_holder = self.ctx.index.by_holder
        keys = kept_digests.input_keys(
            self.base, self.ctx.model, sorted(by_holder), memo.file_digests
        )
        self._inputs = keys
        entry = parts_digest(self.base, kept_digests.FORMAT)
        plain = self._plain
        plain.update(kept_digests.known_digests(memo.get(entry, counted=False), keys, by_holder))
        # the others (h24ag: found in one comprehension; a shared occurrence pickled once)
        missing = {id(i): i for items in by_holder.values() for i in items if id(i) not in plain}
        plain.update((n, _plain(item)) for n, item in missing.items())
        memo.put(entry, kept_digests.to_keep(keys, by_holder, plain), counted=False)
        if not memo.keep:  # h24ag: CI, nothing kept by object: every list's digests looked up
            self._items.update(plain)
            for escalated in kept_digests.escalated(self.ctx.evaluation.escalations, by_holder):
                del self._items[escalated]  # digested with its escalation when first asked

    def summary(self, uri: str) -> str:
        """A page that reads everything."""
        return parts_digest(self.everything, uri)

    def occurrences(self, items: Iterable[ItemState]) -> list[str]:
        """Each occurrence's digest (h24q: the 台账's rows are kept by them, .kept_ledger)."""
        return self._occurrences(items)

    def _occurrences(self, items: Iterable[ItemState]) -> list[str]:
        """Each occurrence's digest (with its escalation), made once per build: an occurrence
        is in its holder's key, its task's and its group's."""
        escalations, made = self.ctx.evaluation.escalations, self._items
        if isinstance(items, list):  # h24s, serving: an index's list kept by its object
            kept_list = self._lists_before.get(id(items))
            if kept_list is not None and kept_list[0] is items and self._kept(items, kept_list):
                self._lists[id(items)] = kept_list
                return kept_list[2]
        # h24s: every occurrence already digested in this build (a task's, a group's lists
        # after the holders'): looked up in one pass
        items = items if isinstance(items, (list, tuple)) else list(items)
        looked_up = list(map(made.get, map(id, items)))
        if None not in looked_up:
            return self._kept_list(items, cast(list[str], looked_up))
        found: list[str] = []
        for item in items:
            digest = made.get(id(item))
            if digest is None:
                escalation = escalations.get(item.ref)
                kept = self._before.get(id(item))
                if kept is not None and kept[0] is item and kept[1] == escalation:
                    digest = kept[2]  # the same object, unchanged since (h24m)
                else:
                    plain = self._plain.get(id(item)) if escalation is None else None
                    # h24o: without an escalation, the digest kept by its inputs if any
                    digest = plain or parts_digest(_pickled((item, escalation)))
                made[id(item)] = digest
                self._after[id(item)] = (item, escalation, digest)  # keeps its id its own
            found.append(digest)
        return self._kept_list(items, found)

    def _kept(self, items: list[ItemState], kept_list: tuple[Any, Any, list[str]]) -> bool:
        """Whether a list kept by its object has each occurrence's digest in this build's
        (h24v: already, when the last build's were carried over; else put there from the last
        build's entries, which hold every occurrence the last build digested)."""
        if self._carried:
            return True
        ids = list(map(id, items))
        entries = list(map(self._before.get, ids))
        if None in entries:
            return False
        self._items.update(zip(ids, kept_list[2], strict=True))
        self._after.update(
            zip(ids, cast(list[tuple[ItemState, object, str]], entries), strict=True)
        )
        return True

    def _kept_list(self, items: Sequence[ItemState], found: list[str]) -> list[str]:
        """h24s, serving: an index's list's digests kept by the list object for the next
        build (:mod:`.serve_index`)."""
        if self._keeps_lists and isinstance(items, list) and items:
            # h24v: each occurrence's entry is found in the last build's (its items were)
            self._lists[id(items)] = (items, [], found)
        return found

    def holder(self, uri: str, holder_id: str) -> str:
        """A unit's (or group's) page and its history pages: its occurrences and reports, its
        flags, and a group's members' occurrences."""
        facts_digest = self._holders.get(holder_id)  # h24l: its page and its history's
        if facts_digest is None:
            facts_digest = self._holders[holder_id] = self._holder_facts(holder_id)
        return parts_digest(self.base, uri, facts_digest)

    def _holder_facts(self, holder_id: str) -> str:
        ctx = self.ctx
        model = ctx.model
        occurrences = self._occurrences(ctx.index.by_holder.get(holder_id, []))
        flags = self.flags_by_holder.get(holder_id, [])
        members: list[object] = []
        holder = model.groups.get(holder_id)
        if isinstance(holder, Group):
            for member in names.group_members(model, holder):
                members.append(
                    (member.id, self._occurrences(ctx.index.by_holder.get(member.id, [])))
                )
        # h24p: serving, a holder's reports are a function of its status entries (the same
        # objects while its file is unchanged, the model updated) and of the date (in base)
        entries = ctx.index.entries_by_holder.get(holder_id, [])
        last = self._facts_before.get(holder_id)
        if (
            last is not None
            and last[:3] == (self.base, occurrences, members)
            and _same(last[3], entries)
            and last[4] == flags
        ):
            digest = str(last[5])
        else:
            # h24q: a holder's reports are made from its own status entries and the date alone
            # (reports.report_entries), all in its input key when it has one: not pickled then
            reports = self._inputs.get(holder_id) or ctx.index.reports_of(holder_id)
            digest = parts_digest(_pickled([occurrences, reports, flags, *members]))
        self._facts[holder_id] = (self.base, occurrences, members, tuple(entries), flags, digest)
        return digest

    def task(self, uri: str, pctx: Context, task: Task) -> str:
        """A task page: the occurrences of the task and its sub-items, their flags, the rows
        below them (cascading plans); with indicators, every status entry's facts too (h24w)."""
        ids = [task.id, *(sub.id for sub in pctx.model.items_of(task))]
        below = pctx.implementers or {}
        facts: list[object] = [
            [
                self._occurrences(pctx.index.by_task.get(i, [])),
                self.flags_by_task.get(i, []),
                below.get(i, []),
            ]
            for i in ids
        ]
        facts.append(self._occurrences(pctx.index.by_top.get(task.id, [])))
        key = parts_digest(self.base, self._plan_states_of(pctx), uri, _pickled(facts))
        return parts_digest(key, self.summaries.facts) if task.measured else key

    def group(self, part: GroupPart, pctx: Context) -> str:
        """A group page: its members' occurrences in the plan, their overdue and due-soon
        ones, and their ranks (which move with every unit's record)."""
        return self.group_and_shape(part, pctx)[0]

    def group_and_shape(self, part: GroupPart, pctx: Context) -> tuple[str, str]:
        """(:meth:`group`, the same but of whether each member is ranked, not of its rank:
        h24aa, :mod:`.kept_group_pages`)."""
        facts = [
            self._occurrences(part.bucket.items),
            self._occurrences(part.late),
            self._occurrences(part.soon),
            part.bucket.group.id if part.bucket.group is not None else None,
        ]
        core = parts_digest(self.base, self._plan_states_of(pctx), part.uri, _pickled(facts))
        ranks = part.members_ranks()
        shown = [(holder, rank is not None) for holder, rank in ranks]
        return parts_digest(core, _pickled(ranks)), parts_digest(core, "shape", _pickled(shown))

    def calendar(
        self, uri: str, own: list[Obligation], seen: list[ItemState], open_only: bool
    ) -> str:
        """A unit's calendar (h24k): its obligations and occurrences as evaluated, and for a
        deadline counted from a step's report, that step's entry of every holder (the only
        status a calendar reads beyond its own occurrences)."""
        model = self.ctx.model
        events: list[object] = []
        for obligation in own:
            task = model.tasks.get(obligation.task_id)
            for due in task.due if task is not None else ():
                after = due.after
                if due.kind == "after" and after is not None and not after.is_record:
                    events += [
                        model.status_of(h, obligation.task_id, after.event, "")
                        for h in obligation.holders
                    ]
        occurrences = self._occurrences(seen)
        # h24p: serving, the model updated keeps an unchanged unit's obligations and entries
        # the same objects (frozen), so the same objects and digests give the same pickle
        last = self._calendars_before.get(uri)
        if (
            last is not None
            and last[:3] == (self.base, open_only, occurrences)
            and _same(last[3], own)
            and _same(last[4], events)
        ):
            key = str(last[5])
        else:
            key = parts_digest(self.base, uri, _pickled([own, occurrences, events, open_only]))
        self._calendars[uri] = (self.base, open_only, occurrences, tuple(own), tuple(events), key)
        return key

    def _plan_states_of(self, pctx: Context) -> str:
        """The states a plan's pages list (its legends)."""
        found = self._plan_states.get(id(pctx))
        if found is None:
            states = lights.shown_states(pctx.evaluation.items)
            found = self._plan_states[id(pctx)] = _json(canonical(states))
        return found
