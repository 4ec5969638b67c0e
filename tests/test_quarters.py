import pytest

from koit_lessons.errors import KoitError
from koit_lessons.quarters import pick_quarter

KNOWN = ["2024Q4", "2025Q1", "2025Q2"]


@pytest.mark.parametrize("text", ["2025Q1", "2025-q1", " Q1 2025 ", "1Q25"])
def test_common_spellings_name_the_same_quarter(text):
    assert pick_quarter(text, KNOWN) == "2025Q1"


def test_none_means_the_latest():
    assert pick_quarter(None, KNOWN) == "2025Q2"


@pytest.mark.parametrize("bad, words", [("2025Q3", "no quarter called"), (2025, "in quotes")])
def test_unknown_quarters_get_a_sentence(bad, words):
    with pytest.raises(KoitError, match=words):
        pick_quarter(bad, KNOWN)
