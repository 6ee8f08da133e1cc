"""Where each kind of file lives in a data folder, and listing a folder safely: links are never
followed, a folder of too many files is one problem, and a file misnamed is named in a problem
rather than silently skipped (docs/data-format.md)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from duban.load.files import is_temporary
from duban.load.strict_yaml import SYMLINK, cannot_read
from duban.model.problems import Problem

# Where each kind of file lives in a data folder (docs/data-format.md).
ORG_FILE = "org.yaml"
PLANS_FOLDER = "plans"
PLAN_FILE = "plan.yaml"
RULES_FILE = "rules.yaml"  # optional, inside a plan folder
TASKS_FOLDER = "tasks"
FOLDERS = {"status": "status", "records": "records"}
# Files of the first layout (one plan at the top of the data folder) and where they now go.
OLD_LAYOUT = {
    "plan.yaml": "plans/<plan-id>/plan.yaml",
    "tasks": "plans/<plan-id>/tasks/",
    "rules.yaml": "plans/<plan-id>/rules.yaml",
}
# The only names a file in a per-kind folder may have (fullmatch: `$` would accept "x.yaml\n").
ID_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}\.yaml")
# A plan folder is named by the plan's id.
ID_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
MAX_FILES = 10_000
BAD_NAME = "is ignored: name it <id>.yaml"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when below it, else
    as given (``/nonexistent``, never ``../../../nonexistent``)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return str(path)
    return relative


def folder_entries(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The entries of a folder, sorted; a symbolic link to the folder, more than ``MAX_FILES``
    entries or an unreadable folder is one problem and no entries. Links are never followed.
    duban's own temporary files (``.duban-*.tmp``, load/files.py) are left out."""
    try:
        if folder.is_symlink():
            return [], [Problem(display_path(folder), 1, 1, "", SYMLINK)]
        if not folder.is_dir():
            return [], []
        entries: list[Path] = []
        for path in folder.iterdir():
            if is_temporary(path.name):
                continue  # a killed writer's leftover, never data (load/files.py)
            entries.append(path)
            if len(entries) > MAX_FILES:
                message = f"holds more than {MAX_FILES:,} files: split the data or remove files"
                return [], [Problem(display_path(folder), 1, 1, "", message)]
        return sorted(entries), []
    except OSError as error:
        return [], [cannot_read(display_path(Path(error.filename or folder)), error)]


def id_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The ``<id>.yaml`` files of a per-kind folder, and a problem for anything else in it."""
    entries, problems = folder_entries(folder)
    files = []
    for path in entries:
        if path.is_symlink():
            problems.append(Problem(display_path(path), 1, 1, "", SYMLINK))
        elif ID_FILE_NAME.fullmatch(path.name):
            files.append(path)
        else:
            problems.append(Problem(display_path(path), 1, 1, "", BAD_NAME))
    return files, problems


def yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    files, found = id_files(folder)
    problems.extend(found)
    return files


def old_layout_problems(data_dir: Path) -> list[Problem]:
    """A folder in the first layout gets one line per file to move, and nothing else."""
    found = [name for name in OLD_LAYOUT if (data_dir / name).exists()]
    if not found or (data_dir / PLANS_FOLDER).is_dir():
        return [
            Problem(display_path(data_dir / name), 1, 1, "", f"belongs in {OLD_LAYOUT[name]} now")
            for name in found
        ]
    return [
        Problem(
            display_path(data_dir / name),
            1,
            1,
            "",
            f"this data folder uses the first layout: move it to {OLD_LAYOUT[name]} "
            "(<plan-id> is the plan's id; see docs/data-format.md)",
        )
        for name in found
    ]
