"""One data folder, end to end: find the files, load them strictly, check each against its schema,
then build the model. This is the only module of the pipeline that reads the file system.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from duban.load.cache import ValidationCache, context_digest, file_digest, refusal
from duban.load.federation_config import FEDERATION_FILE, federation_problems
from duban.load.files import is_temporary, read_regular
from duban.load.gcpause import collection_paused
from duban.load.layout import (
    FOLDERS,
    ID_NAME,
    ORG_FILE,
    PLAN_FILE,
    PLANS_FOLDER,
    RULES_FILE,
    TASKS_FOLDER,
    display_path,
    folder_entries,
    old_layout_problems,
    yaml_files,
)
from duban.load.maintainers import office_id, org_problems
from duban.load.notify_config import NOTIFY_FILE, notify_problems
from duban.load.parsed import ParsedFiles
from duban.load.privacy import leaked_secrets, personal_data
from duban.load.records import attach_supervision
from duban.load.resolve import Inputs, PlanInputs, build_model
from duban.load.schemas import SchemaSet, default_schema_dir, load_schemas
from duban.load.strict_yaml import (
    MAX_BYTES,
    SYMLINK,
    Document,
    cannot_read,
    load_bytes,
    load_document,
)
from duban.model.model import Model
from duban.model.problems import Problem

Parsed = ParsedFiles | None


@dataclass
class Project:
    """The outcome of loading a data folder: a model, or the problems that prevent one."""

    data_dir: Path
    model: Model | None
    problems: list[Problem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    """Every file loaded. A status file's ``data`` is None once the model is built from it
    (positions and messages still work): read the model, or load the file again."""
    warnings: list[Problem] = field(default_factory=list)
    """Findings that do not stop the model, such as personal data (privacy.py)."""
    cached_files: int = 0
    """Status files found clean, unchanged, in a validation cache and so not loaded again; the
    model then lacks their entries (only ``duban validate`` uses a cache)."""
    cached_entries: int = 0
    cache_problem: str | None = None
    """Why the validation cache could not be written, if it could not (the data is still valid)."""
    cache_refused: str | None = None
    """Why the validation cache was not used at all (load/cache.py ``refusal``): every file was
    checked and nothing was written there."""

    @property
    def ok(self) -> bool:
        return self.model is not None and not self.problems


def find_schema_dir(data_dir: Path) -> Path:
    """``schemas/`` beside the data folder (the project's own), else the installed project's."""
    beside = data_dir.resolve().parent / "schemas"
    return beside if beside.is_dir() else default_schema_dir()


def load_project(
    data_dir: Path,
    schema_dir: Path | None = None,
    cache: Path | None = None,
    *,
    texts: bool = True,
    parsed: ParsedFiles | None = None,
) -> Project:
    """Load, check and build everything in ``data_dir``; never raises for bad data.

    Every OSError met on the way (permission denied, a file that vanished) is a problem line.
    ``cache``: a folder where clean status files are remembered (load/cache.py); the
    model then lacks the entries of the files it skips, so only validation may pass one.
    ``texts`` False: the model leaves out what holders wrote (``Model.texts``), for a command
    that never shows it; every file is checked all the same.
    ``parsed`` (h24k, a site's page cache): the clean files are taken as parsed before, not
    skipped (load/parsed.py)."""
    data_dir = Path(data_dir)
    try:
        with collection_paused():
            schema_dir = schema_dir or find_schema_dir(data_dir)
            refused = refusal(cache, data_dir) if cache is not None else None
            remembered = (
                _open_cache(cache, data_dir, schema_dir)
                if cache is not None and refused is None
                else None
            )
            if parsed is not None and cache is None:
                context = _context(parsed.root, data_dir, schema_dir)
                remembered = parsed.validation(context) if context is not None else None
            reuse = parsed if remembered is not None and cache is None else None
            project, loader = _load_project(data_dir, schema_dir, remembered, texts, reuse)
            if remembered is not None and loader is not None and project.ok:
                try:
                    remembered.save(loader.clean_status_files(project))
                    if reuse is not None:
                        reuse.finish()
                except OSError as error:
                    # the cache only saves time: the data is valid whether or not it is written
                    project.cache_problem = error.strerror or type(error).__name__
            project.cache_refused = refused
        return project
    except OSError as error:
        where = display_path(Path(error.filename or data_dir))
        return Project(data_dir, None, [cannot_read(where, error)])


def _open_cache(folder: Path, data_dir: Path, schema_dir: Path) -> ValidationCache | None:
    """The cache for this context: every file but the status files, the schemas and the code.
    A context that cannot be read in full is checked without a cache."""
    context = _context(folder, data_dir, schema_dir)
    return ValidationCache.open(folder, context) if context is not None else None


def _context(folder: Path | None, data_dir: Path, schema_dir: Path) -> str | None:
    """The digest of every file but the status files, the schemas and the code; None when
    they cannot all be read."""
    status = data_dir / FOLDERS["status"]
    own = folder.resolve() if folder is not None else None  # not part of the context
    try:
        files = [
            (f"data/{path.relative_to(data_dir).as_posix()}", read_regular(path))
            for path in _regular_files(data_dir)
            if status not in path.parents and (own is None or own not in path.resolve().parents)
        ]
        files += [
            (f"schemas/{p.name}", read_regular(p, follow=True)) for p in _regular_files(schema_dir)
        ]
    except OSError:
        return None
    return context_digest(files)


def _regular_files(folder: Path) -> list[Path]:
    """Every regular file below ``folder``, without following links."""
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink() and not is_temporary(name):
                found.append(path)
    return sorted(found)


def _load_project(
    data_dir: Path, schema_dir: Path, cache: ValidationCache | None, texts: bool, parsed: Parsed
) -> tuple[Project, _Loader | None]:
    if not data_dir.is_dir():
        problem = Problem(display_path(data_dir), 1, 1, "", "is not a data folder")
        return Project(data_dir, None, [problem]), None
    old = old_layout_problems(data_dir)
    if old:
        return Project(data_dir, None, old), None
    schemas, problems = load_schemas(schema_dir)
    if schemas is None:
        return Project(data_dir, None, problems), None
    documents: list[Document] = []
    loader = _Loader(data_dir, schemas, problems, documents, cache, parsed)
    org = loader.load("org", data_dir / ORG_FILE, ORG_FILE, required=True)
    plans = loader.plans()
    records_paths = yaml_files(data_dir / FOLDERS["records"], problems)
    records = [d for p in records_paths if (d := loader.load("records", p, _rel(data_dir, p)))]
    notify = loader.load("notify", data_dir / NOTIFY_FILE, NOTIFY_FILE)  # optional
    # h20b: this repository's id and the sources feeding its roll-ups (optional)
    federation = loader.load("federation", data_dir / FEDERATION_FILE, FEDERATION_FILE)
    if federation is not None:
        problems.extend(federation_problems(federation, data_dir))
    # Status files are loaded one at a time while the model is built from them (see
    # _Loader.status_files): a province's thousand files are never all in memory at once.
    status_files = loader.status_files()
    if org is None:
        _drain(status_files)  # their own problems are still reported
        return _project(data_dir, None, problems, loader), None
    problems.extend(org_problems(org))  # maintainers and supervising_office
    # Cross-file rules still run on the files that passed their schema, so one broken file does
    # not hide the problems of the others; references to a broken task are not reported twice.
    inputs = Inputs(org, plans, status_files, loader.broken_plans, texts)
    resolved, build_problems = build_model(inputs)
    model = resolved.model if resolved is not None else None
    _drain(status_files)  # the model may have stopped early: load and report every file
    status = loader.status_documents
    if resolved is not None:
        rules = [(p.folder, p.rules) for p in plans if p.rules is not None]
        rules_broken = loader.broken_rules
        records_broken = len(records) < len(records_paths)
        model, record_problems = attach_supervision(
            resolved.model,
            resolved.finder,
            rules,
            records,
            status,
            rules_broken,
            records_broken,
            office_id(org),
        )
        build_problems = [*build_problems, *record_problems]
        if notify is not None:
            build_problems += notify_problems(notify, resolved.model)
    return _project(data_dir, model, [*problems, *build_problems], loader), loader


def _project(
    data_dir: Path, model: Model | None, problems: list[Problem], loader: _Loader
) -> Project:
    problems = sorted(set(problems))
    project = Project(data_dir, None if problems else model, problems, loader.documents)
    project.warnings = sorted(set(loader.warnings))
    project.cached_files = len(loader.skipped)
    project.cached_entries = sum(loader.skipped.values())
    return project


def _drain(documents: Iterator[Document]) -> None:
    for _ in documents:
        pass


def _read_for_cache(path: Path) -> bytes | None:
    """The bytes of a regular, readable file of at most MAX_BYTES; None for anything else,
    which is then loaded and reported as it would be without a cache."""
    try:
        raw = read_regular(path, MAX_BYTES + 1)
        return None if len(raw) > MAX_BYTES else raw
    except OSError:
        return None


def _rel(data_dir: Path, path: Path) -> str:
    return path.relative_to(data_dir).as_posix()


class _Loader:
    """Loads and schema-checks the files of one data folder, remembering what failed."""

    def __init__(
        self,
        data_dir: Path,
        schemas: SchemaSet,
        problems: list[Problem],
        documents: list[Document],
        cache: ValidationCache | None = None,
        parsed: ParsedFiles | None = None,
    ):
        self.data_dir = data_dir
        self.parsed = parsed
        self.schemas = schemas
        self.problems = problems
        self.documents = documents
        self.broken_plans: set[str] = set()
        self.broken_rules: set[str] = set()
        self.cache = cache
        self.digests: dict[str, str] = {}
        """file -> digest of each status file read this run (only with a cache)."""
        self.skipped: dict[str, int] = {}
        """file -> entries of each status file the cache vouched for, not loaded."""
        self.warnings: list[Problem] = []
        """Personal data found in any file loaded (privacy.py)."""
        self.status_documents: list[Document] = []
        """The schema-valid status files, their data released once the model has read them."""

    def load(
        self,
        kind: str,
        path: Path,
        file: str,
        raw: bytes | None = None,
        required: bool = False,
    ) -> Document | None:
        """The schema-valid document at ``path`` (or of its ``raw`` bytes, already read), or
        None (its problems recorded)."""
        if raw is None and not (path.exists() or path.is_symlink()):
            if required:
                self.problems.append(Problem(display_path(path), 1, 1, "", "is missing"))
            return None
        if raw is not None:
            document, load_problems = load_bytes(raw, path, display_path(path))
        else:
            document, load_problems = load_document(path, display_path(path))
        self.problems.extend(load_problems)
        if document is None:
            return None
        document.file = file
        self.documents.append(document)
        found = personal_data([document])  # errors too: personal data in a leader's entry
        self.warnings.extend(p for p in found if p.severity == "warning")
        self.problems.extend(p for p in found if p.severity != "warning")
        self.problems.extend(leaked_secrets(document))  # keys belong in secrets
        if document.data is None:
            self.problems.append(Problem(document.display, 1, 1, "", "is empty"))
            return None
        schema_problems, failing = self.schemas.check_entries(kind, document)
        self.problems.extend(schema_problems)
        if failing and len(failing) < len(document.data["obligations"]):
            # the valid entries of a status file still meet the cross-file rules this round
            document.failing_entries = {i: frozenset(f) for i, f in failing.items()}
            return document
        return None if schema_problems else document

    def status_files(self) -> Iterator[Document]:
        """The schema-valid status files, less those the cache knows to be clean, one at a time.

        Each document's data is released when the consumer asks for the next one: by then the
        model has built its entries from it, and what stays (positions, the compressed text)
        is all later rules and messages need. This keeps a province's peak memory to the
        model plus one file's data."""
        paths = yaml_files(self.data_dir / FOLDERS["status"], self.problems)
        for path in paths:
            file = _rel(self.data_dir, path)
            # the bytes digested are the bytes checked: a file changed meanwhile cannot be
            # remembered as clean under the digest of other content
            raw = _read_for_cache(path) if self.cache is not None else None
            if self.cache is not None and raw is not None:
                digest = self.digests[file] = file_digest(raw)
                entries = self.cache.entries_if_clean(file, digest)
                if entries is not None and self.parsed is None:
                    self.skipped[file] = entries
                    continue
                parsed = self.parsed if entries is not None else None  # h24k: as parsed before
                if parsed and (document := parsed.document(digest, path, display_path(path), file)):
                    document.vouched = True  # h24t: its entries' rules are not run again
                    self.documents.append(document)
                    self.status_documents.append(document)
                    yield document
                    document.release()
                    continue
            document = self.load("status", path, file, raw)
            if document and self.parsed and raw is not None and not document.failing_entries:
                self.parsed.put(self.digests[file], document)
            if document is not None:
                self.status_documents.append(document)
                yield document
                document.release()

    def clean_status_files(self, project: Project) -> dict[str, tuple[str, int]]:
        """file -> (digest, entries) of every status file with no problem and no warning in a
        run that produced a model: what the cache may vouch for next time."""
        assert project.model is not None
        entries = Counter(entry.source.file for entry in project.model.status.values())
        flagged = {p.path for p in project.warnings}
        clean = {file: (self.digests[file], count) for file, count in self.skipped.items()}
        for document in self.documents:
            if document.file in self.digests and document.display not in flagged:
                clean[document.file] = (self.digests[document.file], entries[document.file])
        return clean

    def plans(self) -> list[PlanInputs]:
        root = self.data_dir / PLANS_FOLDER
        if not root.is_dir():
            self.problems.append(
                Problem(
                    display_path(root),
                    1,
                    1,
                    "",
                    "folder is missing: each plan lives in plans/<plan-id>/",
                )
            )
            return []
        entries, found = folder_entries(root)
        self.problems.extend(found)
        result = []
        for folder in entries:
            if folder.is_symlink():
                self.problems.append(Problem(display_path(folder), 1, 1, "", SYMLINK))
            elif not folder.is_dir():
                message = "is ignored: plans/ holds one folder per plan, plans/<plan-id>/"
                self.problems.append(Problem(display_path(folder), 1, 1, "", message))
            elif not ID_NAME.fullmatch(folder.name):
                message = "is ignored: name a plan folder by the plan's id (a-z, 0-9, -)"
                self.problems.append(Problem(display_path(folder), 1, 1, "", message))
            else:
                result.append(self._plan(folder))
        if not result:
            self.problems.append(
                Problem(
                    display_path(root), 1, 1, "", "holds no plan: add plans/<plan-id>/plan.yaml"
                )
            )
        return result

    def _plan(self, folder: Path) -> PlanInputs:
        plan = self.load(
            "plan", folder / PLAN_FILE, _rel(self.data_dir, folder / PLAN_FILE), required=True
        )
        if plan is None:
            self.broken_plans.add(folder.name)
        tasks_dir = folder / TASKS_FOLDER
        if not tasks_dir.is_dir():
            self.problems.append(Problem(display_path(tasks_dir), 1, 1, "", "folder is missing"))
        paths = yaml_files(tasks_dir, self.problems)
        tasks = [d for p in paths if (d := self.load("task", p, _rel(self.data_dir, p)))]
        broken = {p.stem for p in paths} - {d.path.stem for d in tasks}
        rules_path = folder / RULES_FILE
        rules = self.load("rules", rules_path, _rel(self.data_dir, rules_path))
        if rules is None and rules_path.exists():
            self.broken_rules.add(folder.name)
        return PlanInputs(folder.name, plan, tasks, rules, broken)
