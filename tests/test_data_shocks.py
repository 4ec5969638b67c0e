"""Domain rules for the lesson-05 data set import_sources."""

import pytest

from koit_lessons import data, minerals


@pytest.fixture(scope="module")
def imports():
    return data.load("import_sources")


def test_shares_of_one_importer_material_and_year_add_up_to_at_most_100(imports):
    totals = imports.groupby(["importer_code", "material", "year"])["share_pct"].sum()
    assert (totals <= 100.0 + 1e-9).all(), totals[totals > 100]


def test_minerals_exist_in_mine_production(imports):
    assert set(imports["mineral"]) <= set(minerals.mineral_names())


def test_codes_match_names(imports):
    pairs = set(zip(imports["importer"], imports["importer_code"], strict=True))
    assert pairs == {("Korea", "KOR"), ("European Union", "EU27")}
    partners = dict(zip(imports["partner"], imports["partner_iso3"], strict=True))
    assert partners["China"] == "CHN" and partners["Chile"] == "CHL"
    assert len(set(partners.values())) == len(partners)


def test_one_basis_and_publisher_per_importer(imports):
    assert (imports.groupby("importer_code")["basis"].nunique() == 1).all()
    korea = imports[imports["importer_code"] == "KOR"]
    assert (korea["basis"] == "import value (US$)").all()
    assert korea["publisher"].str.contains("KITA").all()
    eu = imports[imports["importer_code"] == "EU27"]
    assert (eu["basis"] == "import weight (t)").all()
    assert (eu["publisher"] == "Eurostat").all()


def test_key_figures_as_published(imports):
    key = imports.set_index(["importer_code", "material", "partner_iso3", "year"])["share_pct"]
    assert key[("KOR", "lithium hydroxide", "CHN", 2023)] == 79.6
    assert key[("KOR", "lithium hydroxide", "CHN", 2022)] == 87.9
    assert key[("EU27", "rare earth elements (REE+)", "CHN", 2024)] == 46.3


def test_every_source_has_a_data_year_and_the_gaps_are_stated():
    res = data.describe("import_sources")
    assert len(res["sources"]) == 3
    assert all(s["data_year"] for s in res["sources"])
    notes = " ".join(res["notes"])
    assert "Italy" in notes and "press reports" in notes
