"""Domain rules and spot checks for the chip data sets (SIA/BCG capacity, TrendForce)."""

import pytest

from koit_lessons import data

NAMES = ["chip_capacity_shares", "foundry_market_share", "chip_value_chain_shares"]


@pytest.mark.parametrize("name", NAMES)
def test_loads_with_a_source(name):
    df = data.load(name)
    assert not df.empty
    assert df.attrs["source"].startswith("Source: ")
    assert df["share_pct"].between(0, 100).all()


def test_capacity_totals_per_segment_and_year_at_most_100():
    df = data.load("chip_capacity_shares")
    totals = df.groupby(["segment", "period"])["share_pct"].sum()
    assert (totals <= 100 + 0.5).all(), totals


def test_capacity_status_matches_year():
    df = data.load("chip_capacity_shares")
    assert (df.loc[df["period"] > 2025, "status"] == "projection").all()
    assert (df.loc[df["period"] <= 2025, "status"] == "actual").all()
    # one status per segment and year
    assert (df.groupby(["segment", "period"])["status"].nunique() == 1).all()


def test_capacity_regions_and_codes():
    df = data.load("chip_capacity_shares")
    assert set(df["region"]) <= {
        "Taiwan",
        "South Korea",
        "United States",
        "Japan",
        "Mainland China",
        "Europe",
    }
    assert df.loc[df["region"] == "Europe", "iso3"].isna().all()
    assert df.loc[df["region"] != "Europe", "iso3"].notna().all()
    assert df["quote"].notna().all()


def test_capacity_known_values_from_the_sources():
    """Read by hand: SIA 2021 report page; SIA 2024 release; thinc B2B press report."""
    df = data.load("chip_capacity_shares").set_index(["segment", "region", "period"])
    assert df.loc[("below 10 nm", "Taiwan", 2019), "share_pct"] == 92
    assert df.loc[("below 10 nm", "South Korea", 2019), "share_pct"] == 8
    assert df.loc[("below 10 nm", "South Korea", 2022), "share_pct"] == 31
    assert df.loc[("below 10 nm", "United States", 2032), "share_pct"] == 28
    assert df.loc[("all nodes", "United States", 2022), "share_pct"] == 10


def test_foundry_quarter_format_and_at_most_ten_per_quarter():
    df = data.load("foundry_market_share")
    assert df["quarter"].str.fullmatch(r"\d{4}Q[1-4]").all()
    sizes = df.groupby("quarter").size()
    assert (sizes <= 10).all()
    # the two quarters of TrendForce's 2Q25 table are complete
    assert sizes["2025Q1"] == sizes["2025Q2"] == 10
    assert df["iso3"].str.fullmatch(r"[A-Z]{3}").all()
    # one headquarters per company across quarters
    assert (df.groupby("company")["iso3"].nunique() == 1).all()
    assert df["source_note"].notna().all()


def test_foundry_shares_add_up_to_the_stated_top10_total():
    """TrendForce gives the ten a 97 % share in both complete quarters (rounded); a partial
    quarter adds up to less."""
    df = data.load("foundry_market_share")
    totals = df.groupby("quarter")["share_pct"].sum()
    assert totals[["2025Q1", "2025Q2"]].between(96.5, 97.5).all(), totals
    assert (totals <= 97.5).all(), totals


def test_foundry_shares_agree_with_revenue():
    """Each share is revenue over one market total: the implied totals agree."""
    df = data.load("foundry_market_share").dropna(subset=["revenue_musd"])
    for _, part in df.groupby("quarter"):
        big = part[part["share_pct"] >= 2]  # small shares are too rounded to test
        implied = big["revenue_musd"] / (big["share_pct"] / 100)
        assert implied.max() / implied.min() < 1.03, implied


def test_foundry_known_values_from_trendforce():
    df = data.load("foundry_market_share").set_index(["quarter", "company"])
    assert df.loc[("2025Q2", "TSMC"), "share_pct"] == 70.2
    assert df.loc[("2025Q2", "TSMC"), "revenue_musd"] == 30239
    assert df.loc[("2025Q1", "Samsung"), "share_pct"] == 7.7
    assert df.loc[("2025Q2", "Samsung"), "iso3"] == "KOR"
    # read by hand: Focus Taiwan (13 March 2026), Evertiq (12 March 2026), Liberty Times
    assert df.loc[("2025Q3", "TSMC"), "share_pct"] == 71.0
    assert df.loc[("2025Q4", "TSMC"), "share_pct"] == 70.4
    assert df.loc[("2025Q4", "Samsung"), "share_pct"] == 7.1
    assert df.loc[("2025Q3", "Huahong Group"), "share_pct"] == 2.6


def test_foundry_newer_quarters_keep_their_gaps():
    """Only shares read in text: no revenue (prose only), and no share filled in."""
    df = data.load("foundry_market_share")
    newer = df[df["quarter"].isin(["2025Q3", "2025Q4"])]
    assert newer["revenue_musd"].isna().all()
    assert newer["share_pct"].notna().all()
    assert set(newer.loc[newer["quarter"] == "2025Q4", "company"]) == {"TSMC", "Samsung"}
    for _, row in newer.iterrows():
        number = f"{row['share_pct']:g}"
        assert number in row["source_note"] or number.replace(".", ",") in row["source_note"]


def test_value_chain_rules():
    df = data.load("chip_value_chain_shares")
    assert df["share_pct"].between(0, 100).all()
    totals = df.groupby("stage")["share_pct"].sum()
    # whole-percent rounding: a stage may add up to a little more than 100
    assert (totals <= 100 + 3).all(), totals
    assert (totals >= 95).all(), totals
    assert (df.groupby("stage")["year"].nunique() == 1).all()
    assert df.loc[df["kind"] == "country", "iso3"].notna().all()
    assert df.loc[df["kind"] != "country", "iso3"].isna().all()


def test_value_chain_known_values_from_cset():
    """Read by hand in CSET's provision.csv (commit 8a926c1)."""
    df = data.load("chip_value_chain_shares").set_index(["stage", "region"])
    assert df.loc[("EDA software", "United States"), "share_pct"] == 96
    assert df.loc[("core IP", "United Kingdom"), "share_pct"] == 43
    assert df.loc[("silicon wafers", "Japan"), "share_pct"] == 56
    assert df.loc[("design", "South Korea"), "share_pct"] == 13
    assert df.loc[("fabrication", "Mainland China"), "share_pct"] == 24
    assert df.loc[("assembly, test and packaging", "other countries"), "share_pct"] == 20
    assert df.loc[("fabrication", "Europe"), "year"] == 2022


def one(value):
    """A single value from a lookup (pandas 2.0 returns a one-row Series for some
    MultiIndex lookups where pandas 3 returns the scalar)."""
    return value.item() if hasattr(value, "item") else value


def test_value_chain_fabrication_agrees_with_sia_bcg_capacity():
    """The note says CSET's 2022 fabrication shares for China and the US equal SIA/BCG's."""
    vc = data.load("chip_value_chain_shares").set_index(["stage", "iso3"]).sort_index()["share_pct"]
    cap = data.load("chip_capacity_shares")
    cap = cap[(cap["segment"] == "all nodes") & (cap["period"] == 2022)].set_index("iso3")
    for iso3 in ("CHN", "USA"):
        assert one(vc[("fabrication", iso3)]) == one(cap.loc[iso3, "share_pct"])


def test_world_chip_sales_rules():
    df = data.load("world_chip_sales")
    assert df.attrs["source"].startswith("Source: ")
    assert set(df["status"]) == {"actual", "forecast"}
    assert not df.duplicated(["year", "status", "edition"]).any()
    assert df["quote"].notna().all() and df["source_url"].str.startswith("https://").all()
    # one actual per year; forecasts name their edition
    assert not df[df["status"] == "actual"].duplicated("year").any()
    assert df.loc[df["status"] == "forecast", "edition"].str.contains("WSTS").all()
    # each figure is in its quote, as written
    for _, row in df.iterrows():
        assert f"{row['world_sales_busd']:.1f}" in row["quote"], row["year"]


def test_world_chip_sales_known_values_and_stated_growth():
    """Read by hand: SIA's February 2026 release (HT Syndication copy); WSTS Autumn 2025
    (eeNews Europe)."""
    df = data.load("world_chip_sales").set_index(["year", "status"])
    assert df.loc[(2024, "actual"), "world_sales_busd"] == 630.5
    assert df.loc[(2025, "actual"), "world_sales_busd"] == 791.7
    assert df.loc[(2025, "actual"), "growth_pct"] == 25.6
    assert df.loc[(2025, "forecast"), "world_sales_busd"] == 772.2
    assert df.loc[(2026, "forecast"), "world_sales_busd"] == 975.5
    # the stated growth agrees with the two actuals
    growth = 100 * (791.7 / 630.5 - 1)
    assert round(growth, 1) == df.loc[(2025, "actual"), "growth_pct"]


def test_world_chip_sales_ships_no_low_reliability_figure():
    """The '$1.51 trillion' Spring 2026 forecast was read only on low-reliability sites."""
    df = data.load("world_chip_sales")
    assert (df["world_sales_busd"] < 1000).all()
    assert not df["edition"].str.contains("Spring 2026").any()
    notes = " ".join(data.describe("world_chip_sales")["notes"])
    assert "Spring 2026" in notes and "Autumn 2026" in notes


def test_world_sales_view():
    from koit_lessons import chips

    sales = chips.world_sales()
    assert sales["year"].tolist() == [2024, 2025, 2025, 2026]
    assert sales["status"].tolist() == ["actual", "actual", "forecast", "forecast"]
    assert sales["label"].iloc[2] == "2025, forecast (WSTS Autumn 2025)"
    assert sales.attrs["dataset"] == "world_chip_sales"
    sales.loc[0, "world_sales_busd"] = 0  # a fresh frame: the shared table is unchanged
    assert chips.world_sales()["world_sales_busd"].iloc[0] == 630.5
