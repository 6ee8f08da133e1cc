"""Hostile input beyond the case folders (issue "Trust"): what cannot live in a case folder
(file names, symbolic links, unreadable files, size) and how problems are printed.

Each test states the exact line a user sees.
"""

from __future__ import annotations

from duban.problems import Problem


def test_a_path_with_a_line_break_stays_on_one_line_and_makes_no_annotation():
    problem = Problem("data/status/a\n::error file=x::pwned\x1b[2J.yaml", 1, 1, "", "is ignored")
    assert str(problem) == "data/status/a\\x0a::error file=x::pwned\\x1b[2J.yaml:1:1: is ignored"
    assert problem.github_annotation() == (
        "::error file=data/status/a\\x0a%3A%3Aerror file=x%3A%3Apwned\\x1b[2J.yaml,line=1,col=1"
        "::is ignored"
    )


def test_annotation_properties_escape_percent_colon_and_comma():
    problem = Problem("data/a%,b:c.yaml", 2, 3, "f", "50% done, see: x")
    assert problem.github_annotation() == (
        "::error file=data/a%25%2Cb%3Ac.yaml,line=2,col=3::f: 50%25 done, see: x"
    )


def test_bidi_and_zero_width_characters_in_a_path_are_shown_escaped():
    problem = Problem("data/status/\u202eabc\u200b.yaml", 1, 1, "", "is missing")
    assert str(problem) == "data/status/\\u202eabc\\u200b.yaml:1:1: is missing"
