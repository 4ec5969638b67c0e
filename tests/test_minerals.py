import pytest

from koit_lessons import metrics, minerals
from koit_lessons.errors import KoitError


def test_producers_sorted_with_shares_of_world_total():
    table = minerals.producers("lithium", 2024)
    assert table["production"].is_monotonic_decreasing
    assert table.loc[0, "country"] == "Australia"
    assert table.loc[0, "share_pct"] == pytest.approx(82_700 / 222_000 * 100)
    # 'Other countries' is left out, but USGS rounds the world total (222,000) and
    # not the countries: in 2024 the listed countries add up to slightly more
    assert table["share_pct"].sum() < 101
    assert "United States" not in set(table["country"])  # withheld
    assert table.attrs["source"].startswith("Source: U.S. Geological Survey")


def test_default_year_is_latest():
    assert minerals.producers("cobalt").equals(minerals.producers("cobalt", max(minerals.years())))


def test_concentration_uses_metrics():
    c = minerals.concentration("cobalt", 2024)
    shares = minerals.producers("cobalt", 2024)["share_pct"]
    assert c["top_country"] == "Congo (Kinshasa)"
    assert c["top1_pct"] == pytest.approx(226_000 / 302_000 * 100)
    assert c["hhi"] == pytest.approx(metrics.hhi(shares))


def test_concentration_table_covers_every_mineral_most_concentrated_first():
    table = minerals.concentration_table(2024)
    assert sorted(table["mineral"]) == minerals.mineral_names()
    assert table["hhi"].is_monotonic_decreasing


@pytest.mark.parametrize(
    "args, message",
    [
        (("lithum", 2024), "Did you mean 'lithium'"),
        ((7, 2024), "must be given as text"),
        (("lithium", 1990), "no data for the year 1990"),
        (("lithium", "2024"), "as a number without quotes"),
    ],
)
def test_bad_input(args, message):
    with pytest.raises(KoitError, match=message):
        minerals.producers(*args)


def test_names_are_forgiving_about_case_and_spaces():
    assert minerals.producers(" Lithium ", 2024).equals(minerals.producers("lithium", 2024))


def test_compare_with_iea_puts_the_same_figure_from_both_sources_side_by_side():
    from koit_lessons import metrics

    table = minerals.compare_with_iea().set_index(["mineral", "measure"])
    nickel = table.loc[("nickel", "top-3 share")]
    # the IEA's year 2023 is compared with MCS 2025's 2023 figures, never with MCS 2026
    earlier = minerals.producers("nickel", 2023, dataset=minerals.EARLIER)
    usgs = metrics.top_k_share(earlier["share_pct"], 3)
    assert (table["usgs_from"] == "mineral_production_2023 (MCS 2025)").all()
    assert nickel["usgs_pct"] == round(usgs, 1) and nickel["iea_pct"] == 69.0
    assert (table["difference_pp"] == (table["usgs_pct"] - table["iea_pct"]).round(1)).all()
    assert "press report" in table.loc[("rare earths", "top-1 share"), "iea_from"]
    # only mining: USGS has no refining figures for these minerals
    assert set(table["stage"]) == {"mining"}
