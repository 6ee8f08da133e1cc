"""Reshaping the tree of numbered items once segmented (out of segment.py, branch h18bf): a
chapter whose groups each number their items from 1 again, and a chapter whose one list sits
under a heading naming its columns."""

from __future__ import annotations

from duban.plan_import.column_headings import heading_kind
from duban.plan_import.segment_nodes import Node


def restarting_groups(roots: list[Node]) -> list[Node]:
    """h18ai (三亚天涯: 一、儋州村社区 over (一)社区居委会 1.…4., (二)… 1.…5., (三)背街小巷
    1. 2.): one chapter whose (一)(二)… each number their items from 1 again is the page's
    heading, and the groups are the plan's sections (SOURCES.md, the tenth batch's rule: ids
    1-n, 2-n, 3-n); the chapter's line stands before them (the preamble's). With two chapters
    or more, or groups numbering on (1. 2. | 3. 4.), the tree stays as it is."""
    if len(roots) != 1 or roots[0].style != "sec":
        return roots
    groups = roots[0].children
    numbered = [group for group in groups if group.children]
    if (
        len(groups) < 2
        or len(numbered) < 2
        or any(group.style != "pcn" or group.inline for group in groups)
        or any(group.children[0].number != 1 for group in numbered)
    ):
        return roots
    for group in groups:
        _shallower(group)
    return groups


def lift_column_headings(roots: list[Node], text: str) -> list[Node]:
    """h18am (许昌 2011): each chapter whose sub-headings are a goal heading (no items below
    it) and one heading naming its list's columns over numbered items: the list's items become
    the chapter's own (:mod:`duban.plan_import.column_headings`)."""
    for chapter in roots:
        kinds = [heading_kind(text[g.content : g.end].split("\n", 1)[0]) for g in chapter.children]
        lists = [g for g, kind in zip(chapter.children, kinds, strict=True) if kind == "list"]
        goals = [g for g, kind in zip(chapter.children, kinds, strict=True) if kind == "goal"]
        if len(lists) != 1 or not lists[0].children or any(g.children for g in goals):
            continue
        if len(lists) + len(goals) != len(chapter.children):
            continue
        for item in lists[0].children:
            _shallower(item)
        chapter.children = lists[0].children
    return roots


def _shallower(node: Node) -> None:
    node.depth -= 1
    for child in node.children:
        _shallower(child)
