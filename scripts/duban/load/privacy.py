"""Personal data in published text: mainland resident ID numbers, mobile numbers, e-mail addresses.

Everything in data/ ends on a public site, so each finding is a warning (``duban validate``
still exits 0; ``--strict`` fails; the site build logs it, so ``mkdocs build --strict`` fails).
The finding is shown masked: the warning must not publish what it warns about in a CI log.
Text is read after NFKC, so full-width digits and ＠ count; a mobile number may start with +86
or 0086 and be grouped 3-4-4 by spaces, hyphens or dots, an ID number grouped by spaces, dots or
hyphens. Numbers inside links are not read as phone numbers.
Fields meant for contact data are listed in ``CONTACT_FIELDS`` (none today). The leaders a task
names (``leaders``: name, post) are public, as the published plan names them; personal data found
inside a leader's entry is an error, not a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from duban.load.strict_yaml import Document, KeyPath
from duban.model.problems import Problem, field_path

# Field names (the last key of a path) whose values are meant to be contact data: not scanned.
CONTACT_FIELDS: frozenset[str] = frozenset()

# Text is read after NFKC (full-width digits and ＠ read as 1 and @). A digit may be followed by
# one separator: a space, a dot or a hyphen (610103 19900101 123X, 139.1234.5678).
_SEP = "[- .]"
# 18 characters, not inside a longer run of digits or letters; or written in groups of at least
# four digits (the last: at least two characters) with one separator between groups (610103
# 19900101 123X, 6101 0319 9001 0112 3X), then not inside a longer run of digits and separators
# either (a list of dates is not an ID number). Either must read as a region code, a birth date
# and a sequence number with a valid check character.
_ID = r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
_ID_NUMBER = re.compile(_ID)
_ID_WRITTEN = re.compile(
    rf"(?<![0-9A-Za-z])(?:{_ID}|(?<![0-9]{_SEP})[1-9][0-9]{{3,}}(?:{_SEP}[0-9]{{4,}})*{_SEP}"
    rf"[0-9]+[0-9Xx](?!{_SEP}[0-9]))(?![0-9A-Za-z])"
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# 1[3-9] and nine more digits, grouped 3-4-4 by spaces or hyphens (or by two dots), after +86 or
# 0086 or no digit, not inside a longer run of digits nor followed by a decimal part
_MOBILE = re.compile(
    r"(?:(?<![0-9])(?:\+|00)86[- ]?|(?<![0-9])(?<![0-9]\.))"
    r"(1[3-9][0-9](?:[- ]?[0-9]{4}[- ]?|\.[0-9]{4}\.)[0-9]{4})(?![0-9])(?!\.[0-9])"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# a page's number in a link is not a phone number (https://example.org/a/13912345678.html)
_LINK = re.compile(r"https?://[^\s<>\"']+")


def personal_data_message(what: str, masked: str) -> str:
    return f"warning: looks like {what} ({masked}): personal data must not be published; remove it"


# a task's ``leaders`` are people the published plan names; their names and posts are
# public (no warning), but an ID or phone number in a leader's entry is an error.
LEADERS_FIELD = "leaders"


def leader_data_message(what: str, masked: str) -> str:
    return (
        f"looks like {what} ({masked}) in a leader's entry: only the name and post the "
        "published plan gives belong here; remove it"
    )


def valid_id_number(text: str) -> bool:
    """ISO 7064 MOD 11-2, as GB 11643 uses it for the 18th character."""
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def _separators_out(text: str) -> str:
    return re.sub(_SEP, "", text)


def findings(text: str) -> Iterator[tuple[str, str]]:
    """(what, masked) for each piece of personal data in ``text``, read after NFKC."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    for match in _ID_WRITTEN.finditer(text):
        found = _separators_out(match.group())
        if _ID_NUMBER.fullmatch(found) and valid_id_number(found):
            yield "a resident ID number", found[:2] + "*" * 14 + found[-2:]
    for match in _MOBILE.finditer(_LINK.sub(" ", text) if "://" in text else text):
        digits = _separators_out(match.group(1))
        yield "a mobile phone number", digits[:3] + "****" + digits[-4:]
    for match in _EMAIL.finditer(text):
        local, domain = match.group().split("@", 1)
        yield "an e-mail address", f"{local[:1]}***@{domain}"


# Every finding holds (after NFKC) four digits, at most a separator and four digits, or an @.
# A file whose text holds neither that in ASCII, nor a character NFKC reads as a digit or an @
# (full-width １, ＠, ①, superscripts ...), nor four ASCII digits on either side of a character
# NFKC reads as a separator (an ideographic space), nor a backslash (an escape could hide one
# behind it), needs no walk. The two sets of characters are Unicode's (tests/load/
# test_trust_privacy.py checks them against every code point); normalising every file instead
# cost a tenth of the validation.
_DIGIT_LIKE = (
    r"\u00b2-\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u215f\u2189"
    r"\u2460-\u249b\u24ea\u3251-\u325f\u32b1-\u32cb\u3358-\u3370\u3378-\u3379\u339f-\u33a6"
    r"\u33a8\u33af\u33e0-\u33fe\ufe6b\uff10-\uff19\uff20\U0001d7ce-\U0001d7ff"
    r"\U0001f100-\U0001f10a\U0001fbf0-\U0001fbf9"
)
_SEPARATOR_LIKE = (
    r"\u00a0\u00a8\u00af\u00b4\u00b8\u02d8-\u02dd\u037a\u0384-\u0385\u1fbd\u1fbf-\u1fc1"
    r"\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed-\u1fee\u1ffd-\u1ffe\u2000-\u200a\u2017\u2024-\u2026"
    r"\u202f\u203e\u205f\u3000\u309b-\u309c\u33c2\u33c7\u33d8\ufc5e-\ufc63\ufdfa-\ufdfb\ufe19"
    r"\ufe30\ufe49-\ufe4c\ufe52\ufe63\ufe70\ufe72\ufe74\ufe76\ufe78\ufe7a\ufe7c\ufe7e"
    r"\uff0d-\uff0e\uffe3"
)
_SCREEN = re.compile(rf"[0-9]{{4}}(?:{_SEP}|[{_SEPARATOR_LIKE}])?[0-9]{{4}}|@|\\|[{_DIGIT_LIKE}]")


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
                if LEADERS_FIELD in keys:  # a leader's entry: refused, not only warned about
                    message = leader_data_message(what, masked)
                    warnings.append(Problem(document.display, line, col, field_path(keys), message))
                    continue
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


# -- webhook keys and URLs with a token --------------------------------------------------
# A group bot's webhook URL is its password: whoever reads it can post to the group. duban notify
# reads them from environment variables (docs/notify.md); written in data, they would be
# published with the site and kept forever in git. Unlike personal data this is an error.
_BOT_URL = re.compile(
    r"qyapi\.weixin\.qq\.com/cgi-bin/webhook/send\?key=[^\s&\"'<>]+"
    r"|oapi\.dingtalk\.com/robot/send\?access_token=[^\s&\"'<>]+"
    r"|open\.(?:feishu\.cn|larksuite\.com)/open-apis/bot/v2/hook/[^\s/\"'<>]+"
    r"|hooks\.slack\.com/services/[^\s\"'<>]+",
    re.IGNORECASE,
)
# Apprise addresses of services whose address holds the key, and any address with a password
_APPRISE_KEYED = re.compile(
    r"(?<![A-Za-z0-9+.-])(?:wecombot|wxwork|dingtalk|feishu|lark|slack|tgram|discord)://[^\s\"'<>]+",
    re.IGNORECASE,
)
_URL_PASSWORD = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@\"'<>]+:[^\s/@\"'<>]+@[^\s\"'<>]+")
# a query parameter that carries a credential (key=, token=, access_token=, secret=, sign=, ...)
_TOKEN_PARAMETER = re.compile(
    r"[?&](?:key|token|access_token|secret|sign|signature|password|passwd|apikey|api_key)"
    r"=[^\s&\"'<>]{8,}",
    re.IGNORECASE,
)
# the signing secret of a DingTalk bot: SEC and 64 hexadecimal digits
_DINGTALK_SECRET = re.compile(r"(?<![A-Za-z0-9])SEC[0-9a-f]{40,}(?![A-Za-z0-9])")


def secret_message(masked: str) -> str:
    return (
        f"looks like a webhook key or an address with a token ({masked}): keys, webhook "
        "addresses and passwords belong in environment variables or CI secrets, never in "
        "data (docs/notify.md); remove it and replace the key"
    )


def secret_findings(text: str) -> Iterator[str]:
    """The masked form of each webhook key or credential-carrying address in ``text``."""
    taken: list[tuple[int, int]] = []  # one finding per secret, by the first pattern that sees it
    for pattern in (_BOT_URL, _APPRISE_KEYED, _URL_PASSWORD, _TOKEN_PARAMETER, _DINGTALK_SECRET):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            yield _masked_secret(match.group())


def _masked_secret(found: str) -> str:
    """What the address is, never any of its key: the text up to the key, then …"""
    for mark in ("/hook/", "=", "://"):
        if mark in found:
            return found[: found.index(mark) + len(mark)] + "…"
    return found[:3] + "…"


def leaked_secrets(document: Document) -> list[Problem]:
    """One problem per webhook key or address with a token, at the value that holds it."""
    text = document.text
    if text is not None and "://" not in text and "SEC" not in text and "=" not in text:
        return []
    problems = []
    for keys, value in _strings(document.data, ()):
        for masked in secret_findings(value):
            line, col = document.position(keys)
            message = secret_message(masked)
            problems.append(Problem(document.display, line, col, field_path(keys), message))
    return sorted(set(problems))
