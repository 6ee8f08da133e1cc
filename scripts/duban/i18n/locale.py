"""Site UI text, one file per language (``duban/locale/<lang>.yaml``), Chinese by default.

Templates read ``t.some_key`` or ``t.state["overdue"]``; a missing key is an error, never a blank,
so a page cannot silently lose a label (the test suite also checks every language has every key).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any

import yaml

from duban.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES


class Locale:
    """A read-only view of one language's strings; nested mappings become nested Locales."""

    def __init__(self, language: str, strings: dict[str, Any], path: str = ""):
        self.language = language
        self._strings = strings
        self._path = path

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._strings[key]
        except KeyError:
            raise KeyError(f"{self.language}.yaml has no {self._path}{key}") from None
        if isinstance(value, dict):
            return Locale(self.language, value, f"{self._path}{key}.")
        return value

    def __contains__(self, key: str) -> bool:
        return key in self._strings

    def format(self, key: str, **values: Any) -> str:
        """The string at ``key`` (dotted for nested: ``home.summary``) with its ``{name}``
        placeholders filled in. The result is a plain string: templates escape it."""
        node: Any = self
        for part in key.split("."):
            node = node[part]
        return str(node).format(**values)

    def date(self, day: dt.date | None) -> str:
        """A date in words: 2010年6月30日 / 30 June 2010."""
        if day is None:
            return ""
        months = self._strings["months"]
        return str(self._strings["date_format"]).format(
            year=day.year, month=day.month, day=day.day, month_name=months[day.month - 1]
        )

    def keys(self) -> set[str]:
        """Every key path (``a.b``) of this locale, for the completeness test."""

        def walk(mapping: dict[str, Any], prefix: str) -> set[str]:
            result = set()
            for key, value in mapping.items():
                if isinstance(value, dict):
                    result |= walk(value, f"{prefix}{key}.")
                else:
                    result.add(f"{prefix}{key}")
            return result

        return walk(self._strings, "")


@cache
def _strings(language: str) -> dict[str, Any]:
    text = resources.files("duban.i18n").joinpath("locale", f"{language}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"locale {language}.yaml is not a mapping")
    return data


def load_locale(language: str = DEFAULT_LANGUAGE) -> Locale:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return Locale(language, _strings(language))


@cache
def office_words() -> Locale:
    """The words of the office's own documents (the 通报, the 台账): Chinese, as official
    documents are, whatever language the site or the messages use. Their states are
    ``state_long``, the long form of the site's ``state``."""
    return load_locale("zh")
