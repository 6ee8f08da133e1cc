"""Problems as a GitLab Code Quality report (``duban validate --format gitlab``).

GitLab shows the issues of a job's ``artifacts:reports:codequality`` file on the merge request
(the widget, and in the changes view next to the line). The format is a JSON array of objects,
a subset of the Code Climate spec; GitLab documents the fields it reads
(docs.gitlab.com/ci/testing/code_quality/, "Code Quality report format"):

- ``description``: the problem in the chosen language (as ``duban validate`` prints it);
- ``check_name``: ``duban/`` and the field with its list indices dropped
  (``duban/obligations[].done``), or ``duban/file`` for a problem with the whole file;
- ``fingerprint``: a digest that stays the same while the problem does. It leaves out the line,
  so a problem that only moved (a line added above it) is not shown as fixed and new; two equal
  problems in one file are told apart by their order;
- ``severity``: ``critical`` for an error (the data cannot be used: the job fails),
  ``minor`` for a warning;
- ``location.path`` (from the repository root) and ``location.lines.begin``.

The JSON schema this output keeps to is ``tests/outputs/gitlab-code-quality.schema.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath

from duban.model.problems import Problem, printable

SEVERITY = {"error": "critical", "warning": "minor"}
_INDEX = re.compile(r"\[\d+\]")


def repository_path(path: str, root: str | None = None) -> str:
    """``path`` as GitLab wants it: relative to the repository root (the working folder of the
    job), with forward slashes and no leading ``./``."""
    posix = path.replace("\\", "/")
    base = (root if root is not None else os.getcwd()).replace("\\", "/").rstrip("/")
    if posix.startswith(base + "/"):
        posix = posix[len(base) + 1 :]
    return str(PurePosixPath(posix)) if posix else posix


def check_name(problem: Problem) -> str:
    field = _INDEX.sub("[]", problem.field) if problem.field else "file"
    return f"duban/{printable(field)}"


def code_quality(problems: Sequence[Problem], root: str | None = None) -> str:
    """The report for ``problems`` (errors and warnings together), as JSON text."""
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for problem in problems:
        path = repository_path(problem.path, root)
        where = f"{printable(problem.path)}:{problem.line}:{problem.col}: "
        description = str(problem).removeprefix(where)
        key = (path, problem.field, problem.message)
        seen[key] += 1
        digest = hashlib.sha256(
            "\0".join((*key, str(seen[key]))).encode("utf-8", "surrogatepass")
        ).hexdigest()
        issues.append(
            {
                "description": description,
                "check_name": check_name(problem),
                "fingerprint": digest,
                "severity": SEVERITY.get(problem.severity, "major"),
                "location": {"path": path, "lines": {"begin": max(problem.line, 1)}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
