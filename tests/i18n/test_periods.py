"""A period's key in words (i18n/periods.py)."""

from __future__ import annotations

import pytest

from duban.i18n.periods import period_words


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("2010", "2010年"),
        ("2010-H1", "2010年上半年"),
        ("2010-H2", "2010年下半年"),
        ("2024-Q1", "2024年第一季度"),
        ("2024-Q4", "2024年第四季度"),
        ("2023-08", "2023年8月"),
        ("2023-12", "2023年12月"),
        ("", ""),
        ("2023-13", "2023-13"),
        ("2010-H3", "2010-H3"),
        ("限期整改", "限期整改"),
    ],
)
def test_period_words(key, words):
    assert period_words(key) == words
