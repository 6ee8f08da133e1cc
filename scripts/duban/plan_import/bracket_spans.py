"""The bracketed spans of a text (moved out of :mod:`clauses`, branch h18i)."""

from __future__ import annotations

from collections.abc import Iterator

OPEN = "（(〔[【［"
CLOSING = "）)〕]】］"


def brackets(text: str) -> Iterator[tuple[int, int]]:
    """Every top-level bracketed span (start, end) with balanced nesting, any bracket kind. A
    bracket never closed (h18i: 苍南 2022's progress cell ``50%(马站未开工``) is no span: the
    brackets after it are read as if it were not there."""
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in OPEN:
            if depth == 0:
                start = index
            depth += 1
        elif char in CLOSING and depth:
            depth -= 1
            if depth == 0:
                yield start, index + 1
    if depth:
        offset = start + 1
        yield from ((a + offset, b + offset) for a, b in brackets(text[offset:]))


def unclosed(text: str, index: int) -> bool:
    """h18p: whether ``text[index]`` opens a bracket and no bracket closes after it (``。(责任单位:
    A、B`` at the end of an item, 黄石港 2023: the web page lost the closing bracket)."""
    return text[index] in OPEN and not any(c in CLOSING for c in text[index + 1 :])
