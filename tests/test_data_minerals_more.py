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


def test_processing_figures_2025_are_estimated(processing):
    """MCS 2026 marks its 2025 figures 'Estimated.', except withheld and zero cells."""
    rows = processing[(processing["year"] == 2025) & (processing["production"] > 0)]
    assert rows["estimated"].all()


def test_processing_known_values_from_the_source(processing):
    """Spot checks against the USGS MCS 2026 data release (docs/research/usgs_mcs2026)."""
    df = processing.set_index(["mineral", "country", "year"])["production"]
    assert df[("copper", "China", 2024)] == 12_400
    assert df[("copper", "Korea, Republic of", 2024)] == 604
    assert df[("copper", "World total (rounded)", 2024)] == 27_600
    assert df[("copper", "World total (rounded)", 2025)] == 29_000
    assert df[("alumina", "China", 2024)] == 85_500
    assert df[("alumina", "World total (rounded)", 2024)] == 142_000
    assert df[("alumina", "World total (rounded)", 2025)] == 150_000
    assert df[("silicon", "China", 2024)] == 4_800
    assert df[("silicon", "World total (rounded)", 2024)] == 5_500
    assert df[("silicon", "World total (rounded)", 2025)] == 4_600


def test_added_mine_production_known_values():
    df = data.load("mineral_production").set_index(["mineral", "country", "year"])["production"]
    assert df[("nickel", "Indonesia", 2024)] == 2_310_000
    assert df[("nickel", "World total (rounded)", 2024)] == 3_710_000
    assert df[("nickel", "World total (rounded)", 2025)] == 3_900_000
    assert df[("copper", "Chile", 2024)] == 5_510
    assert df[("copper", "World total (rounded)", 2024)] == 23_000
    assert df[("bauxite", "Guinea", 2024)] == 142_000
    assert df[("bauxite", "Indonesia", 2024)] == 9_900
    assert df[("bauxite", "World total (rounded)", 2024)] == 428_000
    assert pd.isna(df[("bauxite", "United States", 2024)])  # withheld, not zero
    assert df[("copper", "Korea, Republic of", 2024)] == 0  # printed '-': zero, not missing


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
    assert set(flagged["kind"]) == {"world", "other"}  # nickel's 'Other countries' too
    assert flagged["note"].str.contains("lower bound").all()


def test_reserves_are_data_year_2025_with_one_unit_per_mineral(reserves):
    assert (reserves["year"] == 2025).all()
    assert (reserves.groupby("mineral")["unit"].nunique() == 1).all()
    assert reserves.loc[reserves["kind"] == "country", "iso3"].notna().all()


def test_reserves_known_values(reserves):
    df = reserves.set_index(["mineral", "country"])["reserves"]
    assert df[("lithium", "Chile")] == 9_200_000
    assert df[("lithium", "World total (rounded)")] == 37_000_000
    assert df[("nickel", "Indonesia")] == 62_000_000
    assert df[("copper", "World total (rounded)")] == 980_000
    # MCS 2026 version 1.3 (27 May 2026), not the data release's 21,000,000 / >85,000,000
    assert df[("rare earths", "Brazil")] == 11_000_000
    assert df[("rare earths", "World total (rounded)")] == 75_000_000
    assert ("rare earths", "India") not in df.index  # 'NA' in MCS 2026


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
