"""Notes in the site's language.

The notes in data (``note`` of a task, a unit, a group: interpretations of the plan's text) are
often written in both languages, sentence by sentence: a Chinese sentence, then the same in
English, for the repository's readers of either language. A public page in Chinese shows the
Chinese sentences only; an English site shows the English ones (the whole note when it has none).

A sentence ends at 。！？ (with any closing quote or bracket) or at . ! ? before a space. It is
English when it has more Latin letters than Chinese characters (three times as many when it
ends in a Chinese full stop) and no Chinese comma, colon, semicolon, quotation mark or bracket;
Chinese otherwise (code such as ``trained-officers`` inside a Chinese sentence leaves it Chinese).
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r".*?(?:[。！？][”」）)]*|[.!?](?=\s)|$)", re.DOTALL)
_CHINESE_MARKS = re.compile(r"[，；：“”（）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _is_english(sentence: str) -> bool:
    latin, han = len(_LATIN.findall(sentence)), len(_HAN.findall(sentence))
    if _CHINESE_MARKS.search(sentence):
        return False
    if (
        sentence.rstrip("”」）)")[-1:] in "。！？"
    ):  # a Chinese full stop: English only if barely Chinese
        return latin > 3 * han
    return latin > han


def split_note(text: str) -> tuple[str, str]:
    """(the Chinese sentences, the English sentences) of a note; either may be empty."""
    chinese: list[str] = []
    english: list[str] = []
    for found in _SENTENCE.finditer(text):
        sentence = found.group(0).strip()
        if sentence:
            (english if _is_english(sentence) else chinese).append(sentence)
    return "".join(chinese), " ".join(english)


def note_in(text: str | None, language: str) -> str | None:
    """The note as a page in ``language`` shows it."""
    if not text:
        return text
    chinese, english = split_note(text)
    if language == "en":
        return english or text
    return chinese or text
