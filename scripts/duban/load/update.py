"""`mkdocs serve` at province scale (h24m): the model of the last build, updated by the status
files that changed rather than built again from every file.

A full load (:func:`~duban.load.project.load_project`) resolves the organisation, the plans and
their tasks, the obligations, then every status file's entries, then the rules and records. When
only status files changed since the last load, everything but their entries is the same, and so
are the entries of every other status file: each status entry is checked against the model's
tasks, obligations, units and records, never against another file's entries (a file holds the
entries of the one unit it is named after; :func:`~duban.load.resolve.status.file_entries`).
So :class:`LiveLoad` keeps, per status file, its entries, its problems and its warnings, and on
an update loads and checks only the changed files, runs on their entries the rules that span
files (the obligation each names, the follow-up deadline or recorded event a period answers,
a second entry of the same occurrence), and puts the model together again in the order a full
load gives. The result equals a full load's: the model pickled byte for byte, the problems and
warnings the same (``tests/load/test_update.py`` checks it after every edit of a sequence).

What keeps the full path: any change outside ``status/`` (org, plans, tasks, rules, records,
notify, federation), a change of the schemas, a previous load that gave no model for a reason
other than its status files, or no list of what changed. Deadlines counted from another
holder's report (a shared step) are not resolved here: they are read on ``as_of`` by the
evaluation, from the entries, so an update of one holder's entry reaches the others there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from duban.load.cache import file_digest
from duban.load.layout import FOLDERS, yaml_files
from duban.load.parsed import ParsedFiles
from duban.load.project import Project, _Loader, _read_for_cache, find_schema_dir, load_project
from duban.load.records import entries as record_entries
from duban.load.records import events as record_events
from duban.load.records.reader import RecordReader
from duban.load.resolve.context import Report
from duban.load.resolve.status import (
    StatusKey,
    TaskFinder,
    add_entry,
    bound_obligations,
    file_entries,
)
from duban.load.schemas import SchemaSet, load_schemas
from duban.load.strict_yaml import Document, KeyPath
from duban.model.model import Model
from duban.model.problems import Problem
from duban.model.refs import OccurrenceRef
from duban.model.status import StatusEntry


@dataclass
class _File:
    """One status file as the last load left it."""

    document: Document | None
    entries: list[tuple[KeyPath, StatusEntry]]
    problems: list[Problem] = field(default_factory=list)
    """Its loading's and its entries' problems."""
    warnings: list[Problem] = field(default_factory=list)
    record_problems: list[Problem] = field(default_factory=list)
    """The records' rules about its entries: a full load checks them only when every status
    entry resolved (:func:`~duban.load.resolve.build_model` gave a model)."""
    resolved: bool = True
    """No entry of it failed a rule that spans files (a full load's model needs all)."""
    keyed: dict[OccurrenceRef, StatusEntry] | None = None
    """h24u: a file of the full load: its entries under the keys the full load's model gave
    them (in its order), put back by one ``dict.update`` on every update, not keyed again."""


def _schema_stamp(schema_dir: Path) -> tuple[tuple[str, int, int, int], ...]:
    """What says a schema file changed (name, size, modification and change times)."""
    stamp = []
    for path in sorted(schema_dir.iterdir()) if schema_dir.is_dir() else ():
        st = path.stat()
        stamp.append((path.name, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(stamp)


class _State:
    """A good full load, kept to be updated: the model (its entries those of the last update),
    what checking one status file needs, and each status file's part."""

    def __init__(
        self,
        project: Project,
        schema_dir: Path,
        schemas: SchemaSet,
        digests: Mapping[str, str] | None,
    ) -> None:
        model = project.model
        assert model is not None
        self.data_dir = project.data_dir
        self.schema_dir = schema_dir
        self.schemas = schemas
        self.stamp = _schema_stamp(schema_dir)
        self.model = model
        self.finder = TaskFinder(model.tasks, sorted(model.plans), set())
        self.bound = bound_obligations(model.obligations)
        self.signed = {plan.id: plan.signed for plan in model.plans.values()}
        self.follow_up_keys = {f.item_key for f in model.records.follow_ups}
        status_dir = FOLDERS["status"] + "/"
        self.other_documents = [
            d for d in project.documents if not (d.file or "").startswith(status_dir)
        ]
        displays = {d.display for d in project.documents if (d.file or "").startswith(status_dir)}
        self.other_warnings = [p for p in project.warnings if p.path not in displays]
        by_file: dict[str, dict[OccurrenceRef, StatusEntry]] = {}
        for key, entry in model.status.items():
            by_file.setdefault(entry.source.file, {})[key] = entry
        if digests is None:  # read now: after the load, as close to it as can be
            digests = {}
            for document in project.documents:
                raw = _read_for_cache(document.path) if document.file else None
                if raw is not None:
                    digests[document.file] = file_digest(raw)
        self.digests = {f: d for f, d in digests.items() if f.startswith(status_dir)}
        """Each status file's digest, of the bytes its entries were made from."""
        self.files: dict[str, _File] = {}
        for document in project.documents:
            if document.file and document.file.startswith(status_dir):
                found = [w for w in project.warnings if w.path == document.display]
                self.files[document.file] = _File(
                    document, [], [], found, keyed=by_file.get(document.file, {})
                )

    def update(self, changed: Collection[str]) -> Project | None:
        """The project after ``changed`` status files (relative to the data folder) changed;
        None when only a full load can tell."""
        folder_problems: list[Problem] = []
        paths = yaml_files(self.data_dir / FOLDERS["status"], folder_problems)
        files: dict[str, _File] = {}
        digests: dict[str, str] = {}
        for path in paths:
            file = path.relative_to(self.data_dir).as_posix()
            kept = self.files.get(file)
            if kept is not None and file not in changed and file in self.digests:
                files[file], digests[file] = kept, self.digests[file]
                continue
            raw = _read_for_cache(path)
            if raw is not None:
                digests[file] = file_digest(raw)
            files[file] = self._load(path, raw)
        status: dict[StatusKey, StatusEntry] = {}
        merge = Report()
        for part in files.values():
            if part.keyed is not None:  # the full load's entries: their places are not known
                count = len(status)
                status.update(part.keyed)
                if len(status) != count + len(part.keyed):  # a key already there
                    return None
            for keys, entry in part.entries:
                assert part.document is not None
                add_entry(merge, status, part.document, keys, entry)
        self.files, self.digests = files, digests
        resolved = not merge.problems and all(f.resolved for f in files.values())
        problems = sorted(
            {
                *folder_problems,
                *merge.problems,
                *_each(files, "problems"),
                *(_each(files, "record_problems") if resolved else ()),
            }
        )
        warnings = sorted({*self.other_warnings, *_each(files, "warnings")})
        documents = [*self.other_documents, *(f.document for f in files.values() if f.document)]
        # the entries replaced are let go (the kept model's other fields are the same objects)
        self.model = dataclasses.replace(self.model, status=status)
        model = self.model if not problems else None
        project = Project(self.data_dir, model, problems, documents)
        project.warnings = warnings
        return project

    def _load(self, path: Path, raw: bytes | None) -> _File:
        """One status file (of ``raw`` bytes when they could be read) loaded, checked and
        resolved on its own."""
        problems: list[Problem] = []
        loader = _Loader(self.data_dir, self.schemas, problems, [])
        file = path.relative_to(self.data_dir).as_posix()
        document = loader.load("status", path, file, raw)
        if document is None:
            return _File(None, [], problems, loader.warnings)
        report = Report()
        found = list(
            file_entries(
                report,
                document,
                self.finder,
                self.model.units,
                self.model.groups,
                self.bound,
                self.signed,
                self.model.texts,
            )
        )
        document.release()
        # the records' rules about status entries, on this file's entries alone
        own: dict[StatusKey, StatusEntry] = {}
        for keys, entry in found:
            add_entry(Report(), own, document, keys, entry)
        reader = RecordReader(dataclasses.replace(self.model, status=own), self.finder)
        record_entries.follow_up_status(reader, [document], self.follow_up_keys)
        record_events.event_status(reader, list(self.model.records.events), False)
        return _File(
            document,
            found,
            [*problems, *report.problems],
            loader.warnings,
            reader.problems,
            not report.problems,
        )


def _each(files: dict[str, _File], name: str) -> list[Problem]:
    return [p for part in files.values() for p in getattr(part, name)]


class LiveLoad:
    """The data of a long-lived server (``mkdocs serve``): a full load the first time and
    whenever anything but status files changed, an update of the last model otherwise."""

    def __init__(self) -> None:
        self.state: _State | None = None
        self.updated = False
        """Whether the last load was an update (for the log and the tests)."""

    def load(
        self,
        data_dir: Path,
        schema_dir: Path | None = None,
        *,
        changed: Collection[str] | None = None,
        parsed: ParsedFiles | None = None,
        digests: Mapping[str, str] | None = None,
    ) -> Project:
        """The project in ``data_dir``. ``changed``: the data files (relative to it, ``/``
        separated) changed since the last call; None when not known (a full load).
        ``digests``: every data file's, taken before this call (for a full load: what the
        status files' digests are taken to be, :attr:`status_digests`)."""
        data_dir = Path(data_dir)
        schema_dir = schema_dir or find_schema_dir(data_dir)
        state = self.state
        self.updated = False
        if (
            state is not None
            and changed is not None
            and state.data_dir == data_dir
            and state.schema_dir == schema_dir
            and all(name.startswith(FOLDERS["status"] + "/") for name in changed)
            and state.stamp == _schema_stamp(schema_dir)
        ):
            try:
                project = state.update(set(changed))
            except OSError:
                project = None
            if project is not None:
                self.updated = True
                return project
        self.state = None
        project = load_project(data_dir, schema_dir, parsed=parsed)
        if project.ok:
            schemas, _ = load_schemas(schema_dir)
            if schemas is not None:
                self.state = _State(project, schema_dir, schemas, digests)
        return project

    @property
    def status_digests(self) -> Mapping[str, str]:
        """Each status file's digest, of the bytes the last model's entries were made from
        (those of an update's changed files as read by it; the others as given to the full
        load that read them); empty when the last load kept nothing."""
        return dict(self.state.digests) if self.state is not None else {}


__all__ = ["LiveLoad", "Model"]
