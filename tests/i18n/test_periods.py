"""A period's key in words (``i18n.periods.period_words``), for every key the model makes."""

from __future__ import annotations

import datetime as dt

import pytest

from duban.i18n.periods import period_words
from duban.model.deadlines import EVERY, period_key, periods


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("2024-Q1", "2024年第一季度"),
        ("2024-Q4", "2024年第四季度"),
        ("2023-08", "2023年8月"),
        ("2023-12", "2023年12月"),
        ("2010", "2010年"),
        ("2010-H1", "2010年上半年"),
        ("2010-H2", "2010年下半年"),
    ],
)
def test_a_period_in_words(key, words):
    assert period_words(key) == words


@pytest.mark.parametrize("key", ["", "2010-13", "2010-Q5", "2010-H3", "abc", "2010-1"])
def test_what_names_no_period_is_given_back(key):
    assert period_words(key) == key


@pytest.mark.parametrize("every", EVERY)
def test_every_key_the_model_makes_has_words(every):
    for start, _ in periods(every, dt.date(2010, 1, 1), dt.date(2011, 12, 31)):
        words = period_words(period_key(every, start))
        assert words.startswith(f"{start.year}年") and "-" not in words and "Q" not in words


@pytest.mark.parametrize(
    ("key", "words"),
    [("2010", "2010"), ("2010-H1", "H1 2010"), ("2024-Q3", "Q3 2024"), ("2023-08", "August 2023")],
)
def test_a_period_in_english(key, words):
    assert period_words(key, "en") == words
