"""Prose bound to data (issue 15): every registered claim recomputes from the data, and
a bound lesson's prose holds no percentage or large figure that nothing registers."""

from __future__ import annotations

import pytest

from koit_lessons import claims, lessons


def _prose(number: str) -> list[str]:
    return [
        "".join(c["source"])
        for c in lessons.lesson(number).read()["cells"]
        if c["cell_type"] == "markdown"
    ]


@pytest.mark.parametrize("number", claims.BOUND)
def test_every_registered_claim_recomputes(number):
    assert claims.entries(number), f"lesson {number} is bound but registers nothing"
    assert claims.verify(number) == []


@pytest.mark.parametrize("number", claims.BOUND)
def test_every_registered_text_is_in_the_lesson(number):
    prose = "\n".join(_prose(number))
    missing = [e.text for e in claims.entries(number) if e.text not in prose]
    assert not missing, f"lesson {number} no longer says {missing}"


ALL = [x.number for x in lessons.lessons()]


@pytest.mark.parametrize("number", ALL)
def test_no_unregistered_number_in_the_prose(number):
    registered = claims.entries(number)
    loose = [n for text in _prose(number) for n in claims.uncovered(text, registered)]
    assert not loose, f"lesson {number}'s prose states {loose} without a registered source"


def test_a_claim_fails_when_the_data_change():
    claim = claims.Claim("about 79 %", lambda: 78.4)
    assert claim.problem() == "'about 79 %' says 79, the data give 78 (rounded to 0 digits)"
    assert claims.Claim("HHI about 6,400", lambda: 6380.9, digits=-2).problem() is None
    assert claims.Claim("under 1 %", lambda: 1.2, relation="under").problem()


def test_numbers_in_prose_are_found():
    text = "China mined 79 % (HHI 6,400); exports of $173.4 billion; in 2024; lesson 05."
    assert [m.group() for m in claims.numbers_in(text)] == ["79 %", "6,400", "$173.4 billion"]
    assert claims.uncovered(text, [claims.Fixed("mined 79 %", "x")]) == [
        "6,400", "$173.4 billion"
    ]  # fmt: skip


def _names() -> set[str]:
    from koit_lessons import data

    names = {"Korea", "Italy", "China", "Congo", "Taiwan", "Europe", "EU"}
    for dataset, column in [
        ("mineral_production", "country"),
        ("mineral_processing", "country"),
        ("foundry_market_share", "company"),
        ("dram_market_share", "company"),
        ("alliance_memberships", "country"),
    ]:
        names |= set(data.load(dataset)[column].dropna())
    return names


@pytest.mark.parametrize("number", ALL)
def test_every_ranking_claim_carries_its_year_or_quarter(number):
    """Regression: "Chile, the largest producer, ..." and "Samsung ..., the second largest"
    said no year."""
    names = _names()
    undated = [s for text in _prose(number) for s in claims.undated_rankings(text, names)]
    assert not undated, f"lesson {number} ranks without a year or quarter: {undated}"
