"""A period as people say it (i18n/periods.py), the one rule for every output that names one."""

import pytest

from duban.i18n.periods import period_words


@pytest.mark.parametrize(
    ("key", "zh", "en"),
    [
        ("2010", "2010年", "2010"),
        ("2010-H1", "2010年上半年", "H1 2010"),
        ("2010-H2", "2010年下半年", "H2 2010"),
        ("2024-Q1", "2024年第一季度", "Q1 2024"),
        ("2024-Q4", "2024年第四季度", "Q4 2024"),
        ("2023-08", "2023年8月", "August 2023"),
        ("2023-12", "2023年12月", "December 2023"),
    ],
)
def test_each_kind_of_period_in_words(key, zh, en):
    assert period_words(key) == zh
    assert period_words(key, "en") == en


@pytest.mark.parametrize("key", ["", "2023-13", "2023-00", "2010-H3", "整改-1", "2010-Q5"])
def test_what_is_no_period_comes_back_as_it_is(key):
    assert period_words(key) == key
