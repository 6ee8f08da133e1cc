"""The names of the organisation as words of the site search's Chinese segmentation.

Material's search plugin cuts Chinese text into words with jieba before indexing it, and the
browser looks a query up word by word (a query of Chinese characters is split into words the
index holds). jieba does not know local names: 青山县青山镇人民政府 became 青山/县青/山镇/人民政府,
so a search for 青山镇 found nothing. :func:`search_words` lists the names org.yaml gives
(places, short names, aliases, group and body names, full names), in the order they should be
added to jieba's dictionary; the plugin adds them before Material indexes the pages.

A full name made of other names (青山县 + 青山镇 + 人民政府) is not added as one word: it is cut
into those names, so each of them finds the unit and the full name still does (the browser splits
the query the same way). A full name that contains no other name is one word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import jieba
from jieba import finalseg

from duban.model.model import Model
from duban.model.org import Group, Unit

# The place a unit's name starts with: 西安市, 青山县, 青山镇, 某某街道 (two to four characters
# before the suffix, so that 区县司法局 or 市局 are not taken for places, and not 县委 or 县政府).
_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:自治区|自治州|自治县|街道|省|市|县|区|旗|镇|乡)(?![委政直级])"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def places(name: str) -> Iterator[str]:
    """The place a name starts with (青山县青山镇人民政府 → 青山县; its short name gives 青山镇)."""
    found = _PLACE.match(name)
    if found is not None and found.end() < len(name):
        yield found.group(0)


def _names(model: Model) -> tuple[list[str], list[str]]:
    """(short names and aliases, full names) of every unit, group and body."""
    parts: list[str] = []
    full: list[str] = []
    holders: list[Unit | Group] = [*model.units.values(), *model.groups.values()]
    for holder in holders:
        full.append(holder.name)
        parts.extend(places(holder.name))
        if holder.short_name:
            parts.append(holder.short_name)
        parts.extend(holder.aliases)
    for body in model.bodies.values():
        full.append(body.name)
        parts.extend(places(body.name))
    return parts, full


def _unique(words: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for word in words:
        word = word.strip()
        if len(word) >= 2 and _HAN.search(word) and not any(ch.isspace() for ch in word):
            seen.setdefault(word, None)
    return list(seen)


def _holds(word: str, names: set[str]) -> bool:
    """Whether ``word`` contains one of ``names`` other than itself (every substring is looked
    up, so a province's thousands of names cost thousands of look-ups each, not millions)."""
    size = len(word)
    return any(
        word[start:end] in names
        for start in range(size)
        for end in range(start + 2, size + 1)
        if end - start < size
    )


def search_words(model: Model) -> list[str]:
    """Words for the search's segmentation: places, short names and aliases, then the full names
    that contain none of them; a name that contains another (青山镇人民政府 holds 青山镇) is cut at
    it rather than added whole."""
    parts, full = _names(model)
    names = set(_unique(parts))
    words = [w for w in _unique(parts) if not _holds(w, names)]
    words += [w for w in _unique(full) if w not in names and not _holds(w, names)]
    return words


_DICTIONARY: dict[str, object] = {}
"""jieba's dictionary as it was before duban first added words (``pristine``: its words'
frequencies, their total and the words its HMM must keep apart), and the frequencies duban last
put in place (``current``), and (``made``) the words duban last added with the dictionary's
state then (:func:`_state`)."""


def use_words(words: Sequence[str]) -> tuple[str, ...]:
    """Make ``words`` the only words duban has added to jieba's default dictionary, which
    Material's search plugin cuts with after ``on_files``. Returns the words added.

    jieba's dictionary is the process's: taking the last build's words back with ``del_word``
    (as this did) leaves them forced apart for the rest of the process and every added word in
    the frequencies' total, so after an org.yaml change in `mkdocs serve` (or another site built
    in the same process) the search index was cut otherwise than a fresh build's. The dictionary
    is put back as it was first found, then this build's words are added."""
    tokenizer = jieba.dt
    tokenizer.check_initialized()
    words = tuple(words)
    if _DICTIONARY.get("made") == (words, *_state(tokenizer)):
        # h24y: these very words on the dictionary as duban left it (serving: every edit that
        # renders a page cut the province's names into it again, a second and more)
        return words
    pristine = _DICTIONARY.get("pristine")
    if not isinstance(pristine, tuple) or tokenizer.FREQ is not _DICTIONARY.get("current"):
        # first use, or jieba loaded a dictionary again (Material's jieba_dict setting)
        pristine = _DICTIONARY["pristine"] = (
            dict(tokenizer.FREQ),
            tokenizer.total,
            set(finalseg.Force_Split_Words),
        )
    frequencies, total, forced_apart = pristine
    tokenizer.FREQ, tokenizer.total = dict(frequencies), total
    finalseg.Force_Split_Words.clear()
    finalseg.Force_Split_Words.update(forced_apart)
    _DICTIONARY["current"] = tokenizer.FREQ
    for word in words:
        tokenizer.add_word(word)
    _DICTIONARY["made"] = (words, *_state(tokenizer))
    return words


def _state(tokenizer: jieba.Tokenizer) -> tuple[object, ...]:
    """What a change to jieba's dictionary since changes: its object, its size and total, the
    words its HMM keeps apart (``del_word`` adds one)."""
    return (
        id(tokenizer.FREQ),
        tokenizer.FREQ,
        len(tokenizer.FREQ),
        tokenizer.total,
        frozenset(finalseg.Force_Split_Words),
    )
