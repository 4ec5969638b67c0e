"""Lesson 07 helpers: the sourced timeline and the Korea–Italy trade tables."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from koit_lessons import data, partnership, plots
from koit_lessons.errors import KoitError

NEW = [
    "korea_italy_timeline",
    "korea_italy_trade",
    "korea_eu_partners",
    "korea_italy_trade_products",
]


@pytest.mark.parametrize("name", NEW)
def test_every_row_has_a_source(name):
    df = data.load(name)
    assert len(df) > 0
    for col in ("source_publisher", "source_title", "source_url"):
        assert df[col].notna().all() and (df[col].str.strip() != "").all(), col
    assert df["source_url"].str.match(r"^https?://").all()


def test_timeline_has_the_required_events_with_exact_dates():
    tl = partnership.timeline()
    dates = set(tl["date"])
    for d in ["1884-06-26", "1905-11-17", "1956-11", "2007-04-17", "2011-07-01", "2015-12-13",
              "2018-10-17", "2023-11-07", "2023-11-09", "2025-09-24", "2026-01-17", "2026-01-19",
              "2026-02-11"]:  # fmt: skip
        assert d in dates, d
    # a month-only date is never given an invented day
    resumed = tl[tl["date"] == "1956-11"].iloc[0]
    assert resumed["precision"] == "month"
    assert (tl["precision"] == "day").sum() == len(tl) - 1
    assert tl["date"].tolist() == sorted(tl["date"])
    assert (
        tl.loc[tl["date"].str.len() == 10, "date"].str[:4].astype(int)
        == tl.loc[tl["date"].str.len() == 10, "year"]
    ).all()


def test_timeline_terms_official_vs_state_visit_and_chip_mou_signatories():
    visits = partnership.timeline("visit").set_index("date")
    assert "official visit" in visits.loc["2026-01-17", "official_term"]
    assert "state visit" in visits.loc["2023-11-07", "official_term"]
    assert "state visit" in visits.loc["2026-01-17", "where_sources_differ"]
    mous = partnership.timeline("agreement signed")
    on_summit_day = mous[mous["date"] == "2026-01-19"]
    assert len(on_summit_day) == 3
    chip = on_summit_day[on_summit_day["event"].str.contains("Semiconductor")].iloc[0]
    assert "KSIA" in chip["event"] and "ANIE" in chip["event"]
    assert "industry associations" in chip["event"]


def test_timeline_category_errors_are_friendly():
    with pytest.raises(KoitError, match="Did you mean 'visit'"):
        partnership.timeline("visits")
    with pytest.raises(KoitError, match="as text in quotes"):
        partnership.timeline(3)


def test_trade_values_come_from_the_csv():
    raw = data.load("korea_italy_trade").set_index(["series", "flow", "year"])["value"]
    assert raw[("korea_usd", "Korea to Italy", 2018)] == 4.493
    assert raw[("korea_usd", "Italy to Korea", 2018)] == 6.303
    assert raw[("eurostat_eur", "Italy to Korea", 2008)] == 2.6
    assert raw[("eurostat_eur", "Korea to Italy", 2008)] == 3.0
    assert raw[("eurostat_eur", "Italy to Korea", 2014)] == 4.2
    assert partnership.value("korea_usd", "Korea to Italy", 2018) == 4.493


def test_each_series_has_one_unit_and_balance_is_not_stored():
    raw = data.load("korea_italy_trade")
    assert (raw.groupby("series")["unit"].nunique() == 1).all()
    assert "balance" not in raw.columns
    assert not raw.duplicated(["series", "flow", "year"]).any()


@pytest.mark.parametrize("series", ["korea_usd", "eurostat_eur", "press_usd"])
@pytest.mark.parametrize("side", ["Korea", "Italy"])
def test_balance_is_exports_minus_imports(series, side):
    t = partnership.trade(series, side=side)
    both = t.dropna(subset=["exports", "imports"])
    assert (both["balance"] - (both["exports"] - both["imports"])).abs().max() < 1e-9
    assert (both["total"] - (both["exports"] + both["imports"])).abs().max() < 1e-9
    # a year with one flow only keeps its gaps: nothing is filled in
    one = t[t["exports"].isna() | t["imports"].isna()]
    assert one["balance"].isna().all() and one["total"].isna().all()


def test_sides_mirror_each_other():
    k = partnership.trade("korea_usd", side="Korea").set_index("year")
    i = partnership.trade("korea_usd", side="italy").set_index("year")
    assert k.loc[2018, "balance"] == pytest.approx(-1.81)
    assert i.loc[2018, "balance"] == pytest.approx(1.81)
    assert k.loc[2018, "exports"] == i.loc[2018, "imports"]
    assert pd.isna(k.loc[2017, "exports"]) and k.loc[2017, "imports"] == 5.69


def test_trade_does_not_change_the_data():
    before = data.load("korea_italy_trade")
    t = partnership.trade("eurostat_eur")
    t.loc[0, "exports"] = -99
    pd.testing.assert_frame_equal(before, data.load("korea_italy_trade"))


def test_growth_cagr_surplus_and_before_after():
    assert partnership.growth("eurostat_eur", "Italy to Korea", 2008, 2014) == pytest.approx(
        (4.2 / 2.6 - 1) * 100
    )
    assert partnership.cagr("eurostat_eur", "Italy to Korea", 2008, 2014) == pytest.approx(
        ((4.2 / 2.6) ** (1 / 6) - 1) * 100
    )
    assert partnership.surplus_side("eurostat_eur", 2008) == "Korea"
    assert partnership.surplus_side("korea_usd", 2018) == "Italy"
    ba = partnership.before_after("eurostat_eur", "Italy to Korea")
    assert (ba["mean_before"], ba["mean_after"]) == (2.6, 4.2)
    assert ba["event_year"] == partnership.FTA_PROVISIONAL_YEAR == 2011


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: partnership.trade("korea"), "Did you mean 'korea_usd'"),
        (lambda: partnership.trade("korea_usd", side="Japan"), "no side called 'Japan'"),
        (lambda: partnership.flows("korea_usd", "Korea->Italy"), "no trade flow"),
        (lambda: partnership.value("korea_usd", "Korea to Italy", 2019), "Years in the data: 2018"),
        (lambda: partnership.value("korea_usd", "Korea to Italy", "2018"), "without quotes"),
        (
            lambda: partnership.growth("eurostat_eur", "Italy to Korea", 2014, 2008),
            "must come after",
        ),
        (lambda: partnership.growth("eurostat_eur", "Italy to Korea", 2008, 2010), "2008, 2014"),
        (lambda: partnership.surplus_side("eurostat_eur", 2014), "does not give both flows"),
        (lambda: partnership.before_after("korea_usd", "Korea to Italy"), "both sides of 2011"),
        (
            lambda: partnership.before_after("eurostat_eur", "Italy to Korea", 2011.5),
            "whole number",
        ),
        (lambda: partnership.eu_partners(2020), "Years in the data: 2008, 2014"),
        (lambda: partnership.eu_partners(2014, "exports"), "no flow called 'exports'"),
        (lambda: partnership.eu_rank(2014, member="Spain"), "Eurostat named only"),
        (lambda: partnership.products("Italy->Korea"), "no direction"),
    ],
)
def test_bad_input_gives_friendly_errors(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def test_eu_partners_and_rank():
    t = partnership.eu_partners(2014)
    assert t["rank"].tolist() == [1, 2, 3, 4, 5]
    assert t.iloc[0]["member_state"] == "Germany"
    assert partnership.eu_rank(2014) == 4
    assert partnership.eu_rank(2008) == 4  # France and the UK tie at 2 in 2008
    assert partnership.eu_rank(2008, "imports from Korea") == 3
    assert t["share_of_eu_pct"].between(0, 100).all()


def test_products_have_no_invented_values():
    p = partnership.products()
    assert not any(c in p.columns for c in ("value", "share_pct"))
    assert set(p["direction"]) == set(partnership.FLOWS)
    assert "cars" in set(partnership.products("Korea to Italy")["product_group"])


def test_figures_draw_with_a_source_line():
    for ax in (
        plots.timeline(partnership.timeline()),
        plots.trade_bars(partnership.trade("korea_usd")),
        plots.trade_bars(partnership.trade("eurostat_eur", side="Italy"), side="Italy"),
    ):
        texts = [t.get_text() for t in ax.texts]
        assert any(t.startswith("Source:") for t in texts)
        plt.close(ax.figure)
    ax = plots.trade_bars(partnership.trade("korea_usd"))
    assert any(t.get_text() == "no figure" for t in ax.texts)  # the 2017 gap is shown as a gap
    plt.close(ax.figure)
    with pytest.raises(KoitError):
        plots.trade_bars(partnership.trade("korea_usd"), side="Japan")
    with pytest.raises(KoitError):
        plots.timeline(pd.DataFrame({"date": ["2026-01-19"]}))


def test_explorer_updates_headless():
    from koit_lessons.widgets import TradeGrowthExplorer

    e = TradeGrowthExplorer()
    assert "+61.5%" in e.summary_text() and "+8.3% a year" in e.summary_text()
    e.series.value = "press_usd"
    assert "different publisher" in e.summary_text()
    e.series.value = "korea_usd"
    e.flow.value = "Korea to Italy"
    assert "pick a start year" in e.summary_text()
    plt.close("all")


def test_the_explorer_draws_each_series_from_its_reporter_s_side():
    """Regression (lesson 07's re-review): Eurostat's figures, which Italy reports, were
    labelled Korea's exports and imports."""
    from koit_lessons.widgets import TradeGrowthExplorer

    e = TradeGrowthExplorer()
    e.series.value = "eurostat_eur"
    labels = [t.get_text() for t in e.draw().get_legend().get_texts()]
    assert any("Italy's exports" in t for t in labels), labels
    e.series.value = "korea_usd"
    labels = [t.get_text() for t in e.draw().get_legend().get_texts()]
    assert any("Korea's exports" in t for t in labels), labels
    plt.close("all")


def test_no_growth_between_two_unnamed_publishers():
    # press_usd: 2010 (Korea Textile News) and 2024 (ITCCK), neither names its statistics
    for call in (
        lambda: partnership.growth("press_usd", "Italy to Korea", 2010, 2024),
        lambda: partnership.cagr("press_usd", "Korea to Italy", 2010, 2024),
        lambda: partnership.before_after("press_usd", "Italy to Korea"),
    ):
        with pytest.raises(KoitError, match="different publisher"):
            call()
    # one reporter, two publishers (9colonne 2017, Yonhap 2018): Korean figures, allowed
    assert partnership.growth("korea_usd", "Italy to Korea", 2017, 2018) == pytest.approx(
        (6.303 / 5.69 - 1) * 100
    )


def test_years_from_a_table_column_are_accepted():
    year = partnership.trade("korea_usd")["year"].iloc[-1]  # a NumPy integer
    assert partnership.value("korea_usd", "Korea to Italy", year) == 4.493
    assert partnership.surplus_side("korea_usd", year) == "Italy"
    assert (
        partnership.before_after("eurostat_eur", "Italy to Korea", np.int64(2011))["mean_after"]
        == 4.2
    )


def test_a_korean_publisher_s_name_draws_in_the_english_edition():
    """Regression: the trade explorer's source line names Korea Textile News
    (한국섬유신문); in English its Hangul came out as boxes with a missing-glyph warning."""
    import subprocess
    import sys

    code = (
        "import warnings, io, matplotlib; matplotlib.use('Agg');"
        # only a missing glyph is an error: the oldest supported matplotlib warns about
        # its own use of pyparsing when it is imported
        "warnings.filterwarnings('error', message='Glyph .* missing');"
        "import matplotlib.pyplot as plt; from koit_lessons import plots;"
        "fig, ax = plt.subplots(); ax.plot([1, 2]);"
        "plots.add_source(ax, 'Source: Korea Textile News (한국섬유신문), 2011.');"
        "fig.savefig(io.BytesIO(), format='png'); print('drawn')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "drawn", done.stderr[-1500:]
