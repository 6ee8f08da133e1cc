"""A numbered item of a plan as the segmenter reads it (out of segment.py, branch h18bf, so that
the modules reshaping the tree need not import the segmenter)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    style: str
    number: int
    label: str  # the marker as written: （一） / 1. / ①
    numeral: str  # the number as written: 一 / 1
    start: int  # offset of the marker
    content: int  # offset after the marker
    end: int = 0
    depth: int = 0
    inline: bool = False  # numbered inside a paragraph, after ： or ；
    guessed: bool = False  # h18a: the number was garbled; taken as the next of its list
    children: list[Node] = field(default_factory=list)
