"""The policy module: single-country cap checks and their friendly errors."""

import pandas as pd
import pytest

from koit_lessons import minerals, policy
from koit_lessons.errors import KoitError


def test_cap_check_fails_and_reports_the_excess():
    result = policy.single_country_check({"China": 79.6, "Chile": 17.5}, cap_pct=50)
    assert result.top_country == "China" and not result.passes
    assert result.excess_pp == pytest.approx(29.6)


def test_cap_check_passes_at_and_below_the_cap():
    assert policy.single_country_check({"A": 65, "B": 35}).passes
    result = policy.single_country_check(pd.Series({"A": 40.0, "B": 35.0}))
    assert result.passes and result.excess_pp == 0.0 and result.cap_pct == 65.0


def test_default_cap_is_the_crma_value_from_the_data():
    assert policy.EU_CAP_PCT == policy.target_value("eu-single-country") == 65.0
    assert policy.target_value("kor-single-country") == 50.0


@pytest.mark.parametrize(
    "portfolio, words",
    [
        ({"China": 120}, "0 to 100"),
        ({"China": -1}, "0 to 100"),
        ({"China": "lots"}, "must be a number"),
        ({"China": 70, "Chile": 40}, "more than 100"),
        ({}, "empty"),
        ([("China", 70)], "dict"),
        ({3: 70}, "must be text"),
    ],
)
def test_bad_portfolios_get_a_clear_message(portfolio, words):
    with pytest.raises(KoitError, match=words):
        policy.single_country_check(portfolio)


def test_rounding_is_allowed_but_only_a_little():
    assert policy.single_country_check({"A": 60.3, "B": 40.0}).passes  # 100.3
    with pytest.raises(KoitError):
        policy.single_country_check({"A": 61, "B": 40})  # 101
    assert not policy.single_country_check({"A": 80, "B": 22}, rounding_pp=5).passes


@pytest.mark.parametrize("cap", [0, 101, -5, "65", float("nan"), True])
def test_bad_cap(cap):
    with pytest.raises(KoitError, match="cap"):
        policy.single_country_check({"A": 50}, cap_pct=cap)


def test_cap_table_matches_the_concentration_metrics():
    table = policy.cap_table(2024).set_index("mineral")
    conc = minerals.concentration_table(2024).set_index("mineral")
    assert table["top_share_pct"].to_dict() == pytest.approx(conc["top1_pct"].to_dict())
    failing = set(table.index[~table["passes"]])
    assert failing == set(conc.index[conc["top1_pct"] > 65])
    assert table.loc["rare earths", "excess_pp"] == pytest.approx(
        conc.loc["rare earths", "top1_pct"] - 65, abs=1e-6
    )


def test_import_portfolio_and_its_errors():
    shares = policy.import_portfolio("Korea", "lithium hydroxide", 2023)
    assert shares["China"] == 79.6
    with pytest.raises(KoitError, match="Did you mean 'Korea'"):
        policy.import_portfolio("Korae", "lithium hydroxide", 2023)
    with pytest.raises(KoitError, match="lithium hydroxide"):
        policy.import_portfolio("Korea", "lithium hydroxyde", 2023)
    with pytest.raises(KoitError, match="2022, 2023"):
        policy.import_portfolio("Korea", "lithium hydroxide", 2019)


@pytest.mark.parametrize(
    ("lang", "china", "chile"), [("en", "China", "Chile"), ("ko", "중국", "칠레"), ("it", "Cina", "Cile")]
)
def test_import_portfolio_names_partners_in_the_lessons_language(lang, china, chile):
    """Lesson 06's korea_lithium table and its top_country say 중국/Cina in an edition, as
    cap_table's countries do; the shares and the English names do not change."""
    from koit_lessons import language

    language.set_language(lang)
    try:
        shares = policy.import_portfolio("Korea", "lithium hydroxide", 2023)
        result = policy.single_country_check(shares, 50)
    finally:
        language.set_language("en")
    assert shares.to_dict() == {china: 79.6, chile: 17.5}
    assert shares.index.name == "partner"
    assert result.top_country == china


def test_unknown_names_get_did_you_mean():
    with pytest.raises(KoitError, match="Did you mean 'eu-single-country'"):
        policy.target_value("eu-single-countri")
    with pytest.raises(KoitError, match="European Union"):
        policy.strategic_list("Europe")
    with pytest.raises(KoitError, match="Korea"):
        policy.targets("Korae")
    with pytest.raises(KoitError):
        policy.production_portfolio("lithum", 2024)


def test_lists_and_members():
    assert len(policy.strategic_list("European Union")) == 17
    assert len(policy.strategic_list("Korea")) == 10
    members = policy.msp_members()
    assert len(members) == 15 and {"Korea", "Italy"} <= set(members["member"])
