"""koit_lessons.chips: views, concentration and friendly errors."""

import pytest

from koit_lessons import chips, metrics
from koit_lessons.errors import KoitError


def test_segments_periods_quarters():
    assert chips.segments() == ["all nodes", "below 10 nm"]
    assert chips.periods("below 10 nm") == [2019, 2022, 2032]
    assert chips.periods("all nodes") == [2022, 2032]
    assert chips.quarters() == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert chips.quarters(complete_only=True) == ["2025Q1", "2025Q2"]


def test_capacity_shares_sorted_with_source():
    table = chips.capacity_shares("below 10 nm", 2032)
    assert table["share_pct"].is_monotonic_decreasing
    assert table["region"].tolist()[:2] == ["Taiwan", "United States"]
    assert (table["status"] == "projection").all()
    assert table.attrs["source"].startswith("Source: ")
    # a fresh frame each call
    table.loc[0, "share_pct"] = -1
    assert chips.capacity_shares("below 10 nm", 2032).loc[0, "share_pct"] == 47


def test_capacity_concentration_uses_metrics():
    c = chips.capacity_concentration("below 10 nm", 2019)
    assert c["top_region"] == "Taiwan"
    assert c["top1_pct"] == 92
    assert c["hhi"] == pytest.approx(92**2 + 8**2)
    assert c["covered_pct"] == 100
    c32 = chips.capacity_concentration("below 10 nm", 2032)
    assert c32["hhi"] == pytest.approx(metrics.hhi([47, 28, 9, 6, 5]))
    assert c32["top3_pct"] == 84
    assert c32["covered_pct"] == 95


def test_concentration_table_leaves_out_poorly_covered_segments():
    table = chips.concentration_table()
    assert table["label"].tolist() == [
        "below 10 nm, 2019",
        "below 10 nm, 2022",
        "below 10 nm, 2032 (projection)",
    ]
    # concentration falls over time in the data and the projection
    assert table["hhi"].is_monotonic_decreasing
    everything = chips.concentration_table(min_coverage=0)
    assert "all nodes" in set(everything["segment"])


def test_capacity_history_has_every_year():
    history = chips.capacity_history()
    assert len(history) == 10
    assert history["when"].unique().tolist() == ["2019", "2022", "2032 (projection)"]


def test_foundry_shares_and_quarter_spellings():
    latest = chips.foundry_shares()
    assert latest.attrs["quarter"] == "2025Q2"
    for spelling in ("2025Q2", "2Q25", "Q2 2025", "2025-q2", " 2025q2 "):
        assert chips.foundry_shares(spelling).equals(latest)
    assert latest.loc[0, "company"] == "TSMC"
    assert latest.loc[1, "company"] == "Samsung"
    assert latest["share_pct"].is_monotonic_decreasing


def test_foundry_by_country_adds_up_company_shares():
    by_country = chips.foundry_by_country("2025Q2").set_index("iso3")
    assert by_country.loc["TWN", "share_pct"] == pytest.approx(70.2 + 4.4 + 0.9 + 0.8)
    assert by_country.loc["TWN", "n_companies"] == 4
    assert by_country.loc["KOR", "companies"] == "Samsung"
    assert by_country["share_pct"].sum() == pytest.approx(
        chips.foundry_shares("2025Q2")["share_pct"].sum()
    )


def test_foundry_concentration_by_company_and_country():
    c = chips.foundry_concentration("2025Q2")
    shares = chips.foundry_shares("2025Q2")["share_pct"]
    assert c["hhi"] == pytest.approx(float((shares**2).sum()))
    assert c["top"] == "TSMC"
    assert c["top3_pct"] == pytest.approx(70.2 + 7.3 + 5.1)
    by_country = chips.foundry_concentration("2025Q2", by="country")
    assert by_country["top"] == "Taiwan"
    assert by_country["hhi"] > c["hhi"]
    # TSMC's share grew from 2025Q1 to 2025Q2
    assert c["top1_pct"] > chips.foundry_concentration("2025Q1")["top1_pct"]


def test_partial_quarters_list_only_the_shares_found():
    """2025Q3 and 2025Q4: TrendForce's shares as the press reported them, gaps kept."""
    q3 = chips.foundry_shares("3Q25")
    assert q3.attrs["quarter"] == "2025Q3" and q3.attrs["complete"] is False
    assert q3["company"].tolist() == [
        "TSMC", "Samsung", "SMIC", "UMC", "GlobalFoundries", "Huahong Group"
    ]  # fmt: skip
    assert q3["revenue_musd"].isna().all()
    q4 = chips.foundry_shares("2025Q4")
    assert q4.set_index("company")["share_pct"].to_dict() == {"TSMC": 70.4, "Samsung": 7.1}
    assert chips.foundry_shares().attrs["complete"] is True


@pytest.mark.parametrize("quarter", ["2025Q3", "2025Q4"])
@pytest.mark.parametrize(
    "call",
    [
        chips.foundry_by_country,
        chips.foundry_concentration,
        lambda q: chips.foundry_concentration(q, by="country"),
    ],
)
def test_no_sum_over_a_partial_quarter(call, quarter):
    """Regression guard: a total or an HHI over some of the ten would be too small."""
    with pytest.raises(KoitError, match=r"only \d of the ten largest foundries.*2025Q1, 2025Q2\.$"):
        call(quarter)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: chips.capacity_shares("below 10nm", 2022), "Did you mean 'below 10 nm'"),
        (lambda: chips.capacity_shares(10, 2022), "must be given as text"),
        (lambda: chips.capacity_shares("below 10 nm", 2020), "Years in the data: 2019, 2022"),
        (lambda: chips.capacity_shares("all nodes", "2022"), "as a number without quotes"),
        (lambda: chips.periods("al nodes"), "no capacity segment called 'al nodes'"),
        (lambda: chips.foundry_shares("2024Q4"), "no quarter called '2024Q4'"),
        (lambda: chips.foundry_shares("2025Q3x"), "Allowed: 2025Q1, 2025Q2, 2025Q3, 2025Q4"),
        (lambda: chips.foundry_shares(2025), "must be given as text"),
        (lambda: chips.foundry_concentration(by="region"), "Allowed: company, country"),
        (lambda: chips.quarters(complete_only="yes"), "must be True or False"),
        (lambda: chips.concentration_table(min_coverage="95"), "must be a number"),
        (lambda: chips.concentration_table(min_coverage=101), "try a lower min_coverage"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def test_stages_in_chain_order_and_spellings():
    assert chips.stages() == chips.STAGES
    assert chips.stage_shares("Design").equals(chips.stage_shares("design"))
    table = chips.stage_shares("assembly, test and packaging")
    # the aggregate 'other countries' comes last although its share is large
    assert table["region"].iloc[-1] == "other countries"
    assert table["region"].iloc[0] == "Mainland China"
    assert table.attrs["source"].startswith("Source: Center for Security")


def test_stage_concentration_leaves_out_other_countries():
    c = chips.stage_concentration("assembly, test and packaging")
    assert c["top_region"] == "Mainland China"
    assert c["hhi"] == pytest.approx(metrics.hhi([30, 28, 9, 6, 3, 3]))
    assert c["top3_pct"] == 30 + 28 + 9
    assert chips.stage_concentration("EDA software")["hhi"] == pytest.approx(
        96**2 + 3**2 + 1 + 1 + 1
    )


def test_stage_table_most_and_least_concentrated():
    table = chips.stage_table().set_index("stage")
    assert table["hhi"].idxmax() == "EDA software"
    assert table["hhi"].idxmin() == "fabrication"
    # fabrication as a whole is far less concentrated than capacity below 10 nm
    assert table.loc["fabrication", "hhi"] < 1800
    assert (
        chips.capacity_concentration("below 10 nm", 2022)["hhi"]
        > 3 * table.loc["fabrication", "hhi"]
    )


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: chips.stage_shares("fab"), "no stage called 'fab'"),
        (lambda: chips.stage_shares("desing"), "Did you mean 'design'"),
        (lambda: chips.stage_concentration(None), "must be given as text"),
    ],
)
def test_bad_stage_gets_a_clear_message(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def test_foundry_source_line_names_the_sources_of_its_quarter():
    q2 = chips.foundry_shares("2025Q2").attrs["source"]
    assert "2Q25" in q2 and "Liberty Times" not in q2 and "Focus Taiwan" not in q2
    q4 = chips.foundry_shares("2025Q4").attrs["source"]
    assert "Focus Taiwan" in q4 and "2Q25" not in q4
    assert chips.foundry_by_country("2025Q2").attrs["source"] == q2
    assert chips._quarters_of("2024Q4-2025Q2") == {"2024Q4", "2025Q1", "2025Q2"}
