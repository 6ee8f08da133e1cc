"""How a date a person wrote is read (i18n/dates.py): the validator's hint and the workbook's
import share this one rule."""

import datetime as dt

import pytest

from duban.i18n.dates import iso_date, period_words, written_date


@pytest.mark.parametrize(
    "text",
    [
        "2010年5月28日",
        "2010年05月28日",
        "2010/05/28",
        "2010.5.28",
        "2010-5-28",
        "2010 5 28",
        " 2010－05－28 ",
        "2010-05-28 00:00:00",
        "2010年5月28",
    ],
)
def test_the_ways_people_write_a_date(text):
    assert written_date(text) == dt.date(2010, 5, 28)


@pytest.mark.parametrize(
    "text", ["2010-02-30", "2010年13月1日", "28.5.2010", "2010-05", "明天", "", "2010-05-28 12:00"]
)
def test_what_is_no_date(text):
    assert written_date(text) is None


def test_an_iso_date_is_written_one_way():
    assert iso_date("2010-06-30") == dt.date(2010, 6, 30)
    for text in (
        "20100630",
        "2010-W26-3",
        "2010-6-30",
        "2010-02-30",
        " 2010-06-30",
        "2010-06-30\n",
    ):
        assert iso_date(text) is None, text


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
        ("2023-13", "2023-13"),
        ("2023-06-30", "2023-06-30"),
        ("", ""),
    ],
)
def test_a_period_in_words(key, words):
    assert period_words(key) == words
