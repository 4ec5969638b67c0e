"""Domain rules for the lesson-04 data sets: mineral_processing, mineral_reserves,
iea_supply_concentration, and the minerals added to mineral_production."""

import pandas as pd
import pytest

from koit_lessons import data


@pytest.fixture(scope="module")
def processing():
    return data.load("mineral_processing")


@pytest.fixture(scope="module")
def reserves():
    return data.load("mineral_reserves")


@pytest.fixture(scope="module")
def iea():
    return data.load("iea_supply_concentration")


def test_processing_country_values_add_up_to_world_total(processing):
    for (mineral, year), part in processing.groupby(["mineral", "year"]):
        world = part.loc[part["kind"] == "world", "production"]
        assert len(world) == 1, (mineral, year)
        others = part.loc[part["kind"] != "world", "production"].dropna()
        assert (others <= world.iloc[0]).all(), (mineral, year)
        assert others.sum() == pytest.approx(world.iloc[0], rel=0.05), (mineral, year)


def test_processing_one_unit_per_mineral_and_iso3_only_for_countries(processing):
    assert (processing.groupby("mineral")["unit"].nunique() == 1).all()
    assert processing.loc[processing["kind"] != "country", "iso3"].isna().all()
    assert processing.loc[processing["kind"] == "country", "iso3"].notna().all()
    assert processing["measure"].str.contains("production").all()


def test_processing_withheld_us_silicon_is_missing_not_zero(processing):
    us = processing[(processing["mineral"] == "silicon") & (processing["iso3"] == "USA")]
    assert len(us) == 2
    assert us["production"].isna().all()
    assert us["note"].str.contains("withheld").all()


def test_processing_2024_is_estimated(processing):
    assert processing.loc[processing["year"] == 2024, "estimated"].all()


def test_processing_known_values_from_the_source(processing):
    """Spot checks against the USGS MCS 2025 data release, read by hand."""
    df = processing.set_index(["mineral", "country", "year"])["production"]
    assert df[("copper", "China", 2024)] == 12_000
    assert df[("copper", "Korea, Republic of", 2024)] == 620
    assert df[("copper", "World total (rounded)", 2024)] == 27_000
    assert df[("alumina", "China", 2024)] == 84_000
    assert df[("alumina", "World total (rounded)", 2024)] == 142_000
    assert df[("silicon", "China", 2024)] == 3_900
    assert df[("silicon", "World total (rounded)", 2024)] == 4_600


def test_added_mine_production_known_values():
    df = data.load("mineral_production").set_index(["mineral", "country", "year"])["production"]
    assert df[("nickel", "Indonesia", 2024)] == 2_200_000
    assert df[("nickel", "World total (rounded)", 2024)] == 3_700_000
    assert df[("copper", "Chile", 2024)] == 5_300
    assert df[("copper", "World total (rounded)", 2023)] == 22_600
    assert df[("bauxite", "Guinea", 2024)] == 130_000
    assert df[("bauxite", "World total (rounded)", 2024)] == 450_000
    assert pd.isna(df[("bauxite", "United States", 2024)])  # withheld, not zero


def test_refining_more_concentrated_than_mining_for_copper():
    """The point of the lesson holds in the data: China's copper refining share is far
    above its mining share."""
    prod = data.load("mineral_production")
    proc = data.load("mineral_processing")

    def china_share(df):
        rows = df[(df["mineral"] == "copper") & (df["year"] == 2024)]
        world = rows.loc[rows["kind"] == "world", "production"].iloc[0]
        return rows.loc[rows["iso3"] == "CHN", "production"].iloc[0] / world

    assert china_share(proc) > 4 * china_share(prod)


def test_reserves_country_values_not_above_world(reserves):
    for mineral, part in reserves.groupby("mineral"):
        world = part.loc[part["kind"] == "world"]
        assert len(world) == 1, mineral
        total = world["reserves"].iloc[0]
        listed = part.loc[part["kind"] != "world", "reserves"]
        assert (listed <= total).all(), mineral
        if not world["more_than"].iloc[0] and mineral != "graphite":
            # graphite: some countries are only 'Included in World total'
            assert listed.sum() == pytest.approx(total, rel=0.06), mineral
        else:
            assert listed.sum() <= total * 1.06, mineral


def test_reserves_lower_bounds_are_flagged(reserves):
    flagged = reserves[reserves["more_than"]]
    assert set(flagged["mineral"]) == {"nickel", "rare earths"}
    assert (flagged["kind"] == "world").all()
    assert flagged["note"].str.contains("lower bound").all()


def test_reserves_are_data_year_2024_with_one_unit_per_mineral(reserves):
    assert (reserves["year"] == 2024).all()
    assert (reserves.groupby("mineral")["unit"].nunique() == 1).all()
    assert reserves.loc[reserves["kind"] == "country", "iso3"].notna().all()


def test_reserves_known_values(reserves):
    df = reserves.set_index(["mineral", "country"])["reserves"]
    assert df[("lithium", "Chile")] == 9_300_000
    assert df[("lithium", "World total (rounded)")] == 30_000_000
    assert df[("nickel", "Indonesia")] == 55_000_000
    assert df[("copper", "World total (rounded)")] == 980_000


def test_iea_shares_are_consistent(iea):
    assert iea["share_pct"].between(0, 100).all()
    key = ["mineral", "stage", "year"]
    wide = iea.pivot_table(index=key, columns="measure", values="share_pct")
    both = wide.dropna(subset=["top-1 share", "top-3 share"])
    assert not both.empty
    assert (both["top-1 share"] <= both["top-3 share"]).all()
    # a top-1 share is only given with the country it belongs to
    top1 = iea[iea["measure"] == "top-1 share"]
    assert top1["top_country"].notna().all()


def test_iea_every_row_says_where_it_was_read(iea):
    assert set(iea["reported_by"]) <= {"IEA web page", "press report of the IEA (SEAISI)"}
    assert iea["quote"].notna().all()
    assert iea["edition"].str.startswith("Global Critical Minerals Outlook 20").all()
    # the edition's data year comes before its publication year
    pub = iea["edition"].str[-4:].astype(int)
    assert (iea["year"] < pub).all()
    # the numbers appear in the quoted words
    for _, row in iea.iterrows():
        assert f"{row['share_pct']:.0f}%" in row["quote"], row["quote"]


def one(value):
    """A single value from a lookup (pandas 2.0 returns a one-row Series for some
    MultiIndex lookups where pandas 3 returns the scalar)."""
    return value.item() if hasattr(value, "item") else value


def test_iea_known_values(iea):
    df = iea.set_index(["mineral", "stage", "year", "measure"]).sort_index()["share_pct"]
    assert one(df[("six-mineral average", "refining", 2024, "top-3 share (average)")]) == 86
    assert one(df[("nickel", "refining", 2023, "top-3 share")]) == 71
    approx = iea.set_index(["mineral", "year"]).sort_index()["approximate"]
    assert one(approx[("six-mineral average", 2020)])
    assert not one(approx[("six-mineral average", 2024)])


def test_every_new_dataset_cites_its_source():
    for name in ("mineral_processing", "mineral_reserves", "iea_supply_concentration"):
        text = data.citation(name)
        assert "Data year" in text and "https://" in text, name
