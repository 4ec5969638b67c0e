"""Domain checks of the memory data sets: dram_market_share and korea_chip_exports."""

import pytest

from koit_lessons import data


@pytest.fixture(scope="module")
def dram():
    return data.load("dram_market_share")


@pytest.fixture(scope="module")
def exports():
    return data.load("korea_chip_exports")


def test_dram_quarters_are_well_formed_and_shares_add_up(dram):
    assert dram["quarter"].str.fullmatch(r"\d{4}Q[1-4]").all()
    totals = dram.groupby("quarter")["share_pct"].sum()
    assert (totals <= 100).all(), totals
    assert (totals > 60).all(), totals


def test_dram_companies_and_headquarters(dram):
    hq = dram.drop_duplicates("company").set_index("company")["iso3"].to_dict()
    assert hq == {"Samsung": "KOR", "SK hynix": "KOR", "Micron": "USA"}


def test_dram_values_as_published(dram):
    table = dram.set_index(["quarter", "company"])["share_pct"]
    # KBS World on TrendForce, 1Q25 (the figures lesson 02 also cites).
    assert table["2025Q1", "SK hynix"] == 36.0
    assert table["2025Q1", "Samsung"] == 33.7
    # TrendForce release of 2 September 2025.
    assert table["2025Q2", "SK hynix"] == 38.7
    assert table["2025Q2", "Samsung"] == 32.7
    assert table["2025Q2", "Micron"] == 22.0
    # Aju Press on TrendForce, 1Q25; Korea Herald on TrendForce, 3Q25.
    assert table["2025Q1", "Micron"] == 24.3
    assert table["2025Q3", "SK hynix"] == 33.2
    assert table["2025Q3", "Samsung"] == 32.6
    assert table["2025Q3", "Micron"] == 25.7
    # BusinessKorea on TrendForce (5 March 2024), 3Q23 and 4Q23.
    assert table["2023Q3", "Samsung"] == 38.9
    assert table["2023Q4", "Samsung"] == 45.5
    assert table["2023Q4", "SK hynix"] == 31.8
    assert table["2023Q4", "Micron"] == 19.2


def test_every_dram_row_cites_a_page(dram):
    assert dram["source_url"].str.match(r"^https?://").all()
    assert dram["source_note"].str.len().gt(10).all()


def test_exports_values_and_consistency(exports):
    table = exports.set_index("year")
    assert table.loc[2024, "semiconductor_exports_busd"] == 141.9
    assert table.loc[2024, "total_exports_busd"] == 683.8
    assert table.loc[2023, "semiconductor_exports_busd"] == 98.6
    assert (table["semiconductor_exports_busd"] < table["total_exports_busd"]).all()
    # MOTIE: +43.9 % in 2024 over 2023, -23.7 % in 2023 over 2022 (published rates).
    growth = 100 * (
        table.loc[2024, "semiconductor_exports_busd"]
        / table.loc[2023, "semiconductor_exports_busd"]
        - 1
    )
    assert growth == pytest.approx(43.9, abs=0.2)
    fall = 100 * (
        table.loc[2023, "semiconductor_exports_busd"]
        / table.loc[2022, "semiconductor_exports_busd"]
        - 1
    )
    assert fall == pytest.approx(-23.7, abs=0.2)


def test_memory_resources_name_their_sources():
    for name in ("dram_market_share", "korea_chip_exports"):
        res = data.describe(name)
        assert res["sources"] and all(s["data_year"] for s in res["sources"])
