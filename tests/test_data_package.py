"""Every shipped CSV matches its schema, follows the domain rules and is sourced."""

import json
import re

import pandas as pd
import pytest
from frictionless import Package

from koit_lessons import data
from koit_lessons.resources import data_dir

PACKAGE = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PACKAGE["resources"]
NAMES = [r["name"] for r in RESOURCES]


def test_package_is_valid_frictionless():
    report = Package(str(data_dir() / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_csv_in_data_is_described():
    described = {r["path"] for r in RESOURCES}
    shipped = {p.name for p in data_dir().iterdir() if p.name.endswith(".csv")}
    assert shipped == described


@pytest.mark.parametrize("res", RESOURCES, ids=NAMES)
def test_resource_metadata_is_complete(res):
    for key in ("name", "title", "description", "path", "schema", "sources", "licenses"):
        assert res.get(key), f"{res['name']} lacks {key}"
    for src in res["sources"]:
        for key in ("title", "publisher", "path", "data_year", "accessed"):
            assert src.get(key), f"{res['name']}: a source lacks {key}"
        # https where the publisher offers it; a few sources were read on http-only mirrors
        assert re.match(r"^https?://", src["path"]), src["path"]
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", src["accessed"])
    for field in res["schema"]["fields"]:
        assert field.get("description"), f"{res['name']}.{field['name']} lacks a description"
    assert res["schema"].get("primaryKey"), f"{res['name']} declares no primary key"


@pytest.mark.parametrize("name", NAMES)
def test_no_duplicate_keys(name):
    res = data.describe(name)
    key = res["schema"]["primaryKey"]
    df = data.load(name)
    dupes = df[df.duplicated(subset=key, keep=False)]
    assert dupes.empty, dupes


@pytest.mark.parametrize("name", NAMES)
def test_years_in_range_and_shares_in_0_100(name):
    df = data.load(name)
    for col in df.columns:
        if col == "year" or col.endswith("_year"):
            assert df[col].dropna().between(1800, 2026).all(), col
        if col.endswith("_pct") or col.startswith("share"):
            assert df[col].dropna().between(0, 100).all(), col


@pytest.mark.parametrize("name", NAMES)
def test_iso3_codes_look_right(name):
    df = data.load(name)
    if "iso3" in df.columns:
        codes = df["iso3"].dropna()
        assert codes.str.fullmatch(r"[A-Z]{3}").all(), codes[~codes.str.fullmatch(r"[A-Z]{3}")]


def test_production_country_values_not_above_world_total():
    df = data.load("mineral_production")
    for (mineral, year), part in df.groupby(["mineral", "year"]):
        world = part.loc[part["kind"] == "world", "production"]
        assert len(world) == 1, (mineral, year)
        others = part.loc[part["kind"] != "world", "production"].dropna()
        assert (others <= world.iloc[0]).all(), (mineral, year)
        # listed countries plus "Other countries" add up to the rounded world total
        # within 5 % (USGS rounds totals; lithium's total excludes the withheld US figure)
        assert others.sum() == pytest.approx(world.iloc[0], rel=0.05), (mineral, year)


def test_production_has_one_unit_per_mineral_and_aggregates_have_no_iso3():
    df = data.load("mineral_production")
    assert (df.groupby("mineral")["unit"].nunique() == 1).all()
    assert df.loc[df["kind"] != "country", "iso3"].isna().all()
    assert df.loc[df["kind"] == "country", "iso3"].notna().all()


def test_withheld_values_are_missing_not_zero():
    df = data.load("mineral_production")
    us_lithium = df[(df["mineral"] == "lithium") & (df["iso3"] == "USA")]
    assert len(us_lithium) == 2
    assert us_lithium["production"].isna().all()
    assert us_lithium["note"].str.contains("withheld").all()


def one(value):
    """A single value from a lookup (pandas 2.0 returns a one-row Series for some
    MultiIndex lookups where pandas 3 returns the scalar)."""
    return value.item() if hasattr(value, "item") else value


def test_known_values_from_the_source():
    """Spot checks against the USGS MCS 2026 data release (docs/research/usgs_mcs2026)."""
    df = data.load("mineral_production").set_index(["mineral", "iso3", "year"]).sort_index()
    assert one(df.loc[("lithium", "AUS", 2024), "production"]) == 82_700
    assert one(df.loc[("cobalt", "COD", 2024), "production"]) == 226_000
    assert one(df.loc[("gallium", "CHN", 2024), "production"]) == 839_000
    assert ("gallium", "KOR", 2024) not in df.index  # no Korean row in MCS 2026
    world = data.load("mineral_production")
    world = world[world["kind"] == "world"].set_index(["mineral", "year"])["production"]
    assert world[("lithium", 2024)] == 222_000
    assert world[("lithium", 2025)] == 290_000
    assert world[("rare earths", 2024)] == 380_000


def test_types_follow_the_schema():
    df = data.load("mineral_production")
    assert str(df["year"].dtype) == "Int64"
    assert pd.api.types.is_float_dtype(df["production"])
    assert pd.api.types.is_string_dtype(df["country"])
