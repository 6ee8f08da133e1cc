"""Personal data in published text: mainland resident ID numbers, mobile numbers, e-mail addresses.

Everything in data/ ends on a public site, so each finding is a warning (``duban validate``
still exits 0; ``--strict`` fails; the site build logs it, so ``mkdocs build --strict`` fails).
The finding is shown masked: the warning must not publish what it warns about in a CI log.
Fields meant for contact data are listed in ``CONTACT_FIELDS`` (none today).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from duban.load.strict_yaml import Document, KeyPath
from duban.model.problems import Problem, field_path

# Field names (the last key of a path) whose values are meant to be contact data: not scanned.
CONTACT_FIELDS: frozenset[str] = frozenset()

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"[0-9]{3}[0-9Xx](?![0-9A-Za-z])"
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# 1[3-9] and nine more digits, not inside a longer run of digits (139 1234 5678 and
# 139-1234-5678 too)
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


def personal_data_message(what: str, masked: str) -> str:
    return f"warning: looks like {what} ({masked}): personal data must not be published; remove it"


def valid_id_number(text: str) -> bool:
    """ISO 7064 MOD 11-2, as GB 11643 uses it for the 18th character."""
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def findings(text: str) -> Iterator[tuple[str, str]]:
    """(what, masked) for each piece of personal data in ``text``."""
    for match in _ID_NUMBER.finditer(text):
        if valid_id_number(match.group()):
            found = match.group()
            yield "a resident ID number", found[:2] + "*" * 14 + found[-2:]
    for match in _MOBILE.finditer(text):
        digits = re.sub("[- ]", "", match.group())
        yield "a mobile phone number", digits[:3] + "****" + digits[-4:]
    for match in _EMAIL.finditer(text):
        local, domain = match.group().split("@", 1)
        yield "an e-mail address", f"{local[:1]}***@{domain}"


# Every finding holds a run of digits, a phone number's separator or an @; a file whose text
# holds none of them (nor a backslash, which an escape could hide one behind) needs no walk.
_SCREEN = re.compile(r"[0-9]{4}[- ]?[0-9]{4}|@|\\")


def _may_hold_findings(document: Document) -> bool:
    text = document.text
    return text is None or _SCREEN.search(text) is not None


def personal_data(documents: Iterable[Document]) -> list[Problem]:
    """One warning per finding, at the value that holds it."""
    warnings = []
    for document in documents:
        if not _may_hold_findings(document):
            continue
        for keys, text in _strings(document.data, ()):
            if keys and keys[-1] in CONTACT_FIELDS:
                continue
            for what, masked in findings(text):
                line, col = document.position(keys)
                message = personal_data_message(what, masked)
                warnings.append(
                    Problem(document.display, line, col, field_path(keys), message, "warning")
                )
    return sorted(set(warnings))


def _strings(value: Any, keys: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield keys, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*keys, index))
