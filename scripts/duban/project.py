"""One data folder, end to end: find the files, load them strictly, check each against its schema,
then build the model. This is the only module of the pipeline that reads the file system.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .build import Inputs, build_model
from .codeowners import org_problems
from .loader import SYMLINK, Document, cannot_read, load_document
from .model import Model
from .names import lookalike_names
from .privacy import personal_data
from .problems import Problem
from .records import attach_supervision
from .schema_check import SchemaSet, default_schema_dir, load_schemas

# Where each kind of file lives in a data folder; single files are required.
SINGLE_FILES = {"plan": "plan.yaml", "org": "org.yaml"}
# The supervising office's rules and records (docs/deadlines.md) may be absent.
OPTIONAL_FILES = {"rules": "rules.yaml"}
FOLDERS = {"task": "tasks", "status": "status", "records": "records"}
# The only names a file in a per-kind folder may have (fullmatch: `$` would accept "x.yaml\n").
ID_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}\.yaml")
MAX_FILES = 10_000


@dataclass
class Project:
    """The outcome of loading a data folder: a model, or the problems that prevent one."""

    data_dir: Path
    model: Model | None
    problems: list[Problem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Findings that do not stop the model, such as personal data (privacy.py)."""

    @property
    def ok(self) -> bool:
        return self.model is not None and not self.problems


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def find_schema_dir(data_dir: Path) -> Path:
    """``schemas/`` beside the data folder (the project's own), else the installed project's."""
    beside = data_dir.resolve().parent / "schemas"
    return beside if beside.is_dir() else default_schema_dir()


def _files(data_dir: Path) -> tuple[dict[str, Path], dict[str, list[Path]], list[Problem]]:
    singles = {kind: data_dir / name for kind, name in SINGLE_FILES.items()}
    folders: dict[str, list[Path]] = {}
    problems: list[Problem] = []
    for kind, name in FOLDERS.items():
        folders[kind], found = id_files(data_dir / name)
        problems.extend(found)
    return singles, folders, problems


def id_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The ``<id>.yaml`` files of a per-kind folder, and a problem for anything else in it.

    Symbolic links (the folder itself or an entry) are refused without following them; a folder
    of more than ``MAX_FILES`` entries is refused whole; an unreadable folder is one problem."""
    try:
        if folder.is_symlink():
            return [], [Problem(display_path(folder), 1, 1, "", SYMLINK)]
        if not folder.is_dir():
            return [], []
        entries: list[Path] = []
        for path in folder.iterdir():
            entries.append(path)
            if len(entries) > MAX_FILES:
                message = f"holds more than {MAX_FILES:,} files: split the data or remove files"
                return [], [Problem(display_path(folder), 1, 1, "", message)]
        files, problems = [], []
        for path in sorted(entries):
            if path.is_symlink():
                problems.append(Problem(display_path(path), 1, 1, "", SYMLINK))
            elif ID_FILE_NAME.fullmatch(path.name):
                files.append(path)
            else:
                problems.append(Problem(display_path(path), 1, 1, "", BAD_NAME))
        return files, problems
    except OSError as error:
        return [], [cannot_read(display_path(Path(error.filename or folder)), error)]


BAD_NAME = "is ignored: name it <id>.yaml"


def load_project(data_dir: Path, schema_dir: Path | None = None) -> Project:
    """Load, check and build everything in ``data_dir``; never raises for bad data.

    Every OSError met on the way (permission denied, a file that vanished) is a problem line."""
    try:
        project = _load_project(Path(data_dir), schema_dir)
        project.warnings = personal_data(project.documents)
        return project
    except OSError as error:
        where = display_path(Path(error.filename or data_dir))
        return Project(Path(data_dir), None, [cannot_read(where, error)])


def _load_project(data_dir: Path, schema_dir: Path | None) -> Project:
    if not data_dir.is_dir():
        problem = Problem(display_path(data_dir), 1, 1, "", "is not a data folder")
        return Project(data_dir, None, [problem])
    schemas, problems = load_schemas(schema_dir or find_schema_dir(data_dir))
    if schemas is None:
        return Project(data_dir, None, problems)
    singles, folders, problems = _files(data_dir)
    documents: list[Document] = []
    valid: dict[str, list[Document]] = {
        kind: [] for kind in (*SINGLE_FILES, *OPTIONAL_FILES, *FOLDERS)
    }
    for kind, path in singles.items():
        if not path.exists():
            problems.append(Problem(display_path(path), 1, 1, "", "is missing"))
            continue
        _load(kind, path, schemas, problems, documents, valid)
    for kind, name in OPTIONAL_FILES.items():
        if (data_dir / name).exists():
            _load(kind, data_dir / name, schemas, problems, documents, valid)
    for kind, paths in folders.items():
        for path in paths:
            _load(kind, path, schemas, problems, documents, valid)
    if not (data_dir / "tasks").is_dir():
        problems.append(Problem(display_path(data_dir / "tasks"), 1, 1, "", "folder is missing"))
    if not valid["plan"] or not valid["org"]:
        return Project(data_dir, None, sorted(set(problems)), documents)
    problems.extend(org_problems(valid["org"][0]))  # maintainers and supervising_office
    problems.extend(lookalike_names(valid["org"][0]))  # names equal after NFKC
    # Cross-file rules still run on the files that passed their schema, so one broken file does
    # not hide the problems of the others; references to a broken task are not reported twice.
    valid_ids = {d.path.stem for d in valid["task"]}
    broken_tasks = {p.stem for p in folders["task"]} - valid_ids
    inputs = Inputs(valid["plan"][0], valid["org"][0], valid["task"], valid["status"], broken_tasks)
    model, build_problems = build_model(inputs)
    if model is not None:
        rules = valid["rules"][0] if valid["rules"] else None
        rules_broken = rules is None and (data_dir / OPTIONAL_FILES["rules"]).exists()
        records_broken = len(valid["records"]) < len(folders["records"])
        model, record_problems = attach_supervision(
            model, rules, valid["records"], valid["status"], rules_broken, records_broken
        )
        build_problems = [*build_problems, *record_problems]
    problems = sorted(set(problems) | set(build_problems))
    return Project(data_dir, None if problems else model, problems, documents)


def _load(
    kind: str,
    path: Path,
    schemas: SchemaSet,
    problems: list[Problem],
    documents: list[Document],
    valid: dict[str, list[Document]],
) -> None:
    document, load_problems = load_document(path, display_path(path))
    problems.extend(load_problems)
    if document is None:
        return
    document.file = f"{path.parent.name}/{path.name}" if kind in FOLDERS else path.name
    documents.append(document)
    if document.data is None:
        problems.append(Problem(document.display, 1, 1, "", "is empty"))
        return
    schema_problems = schemas.check(kind, document)
    problems.extend(schema_problems)
    if not schema_problems:
        valid[kind].append(document)
