"""The supply-shock model (koit_lessons.shocks): hand-computed values and bad input."""

import math

import pytest

from koit_lessons import minerals, shocks
from koit_lessons.errors import KoitError


def test_supply_lost_is_share_times_cut():
    assert shocks.supply_lost_pct(60.0, 50.0) == pytest.approx(30.0)
    assert shocks.supply_lost_pct(40.0, 25.0) == pytest.approx(10.0)
    assert shocks.supply_lost_pct(40.0, 0) == 0.0
    assert shocks.supply_lost_pct(40.0, 100) == pytest.approx(40.0)


def test_stockpile_offsets_the_loss_over_the_horizon():
    assert shocks.HORIZON_MONTHS == 12
    assert shocks.net_loss_pct(12.0) == pytest.approx(12.0)
    assert shocks.net_loss_pct(12.0, stockpile_months=3) == pytest.approx(9.0)  # 12 × 9/12
    assert shocks.net_loss_pct(12.0, stockpile_months=6) == pytest.approx(6.0)
    assert shocks.net_loss_pct(12.0, stockpile_months=12) == 0.0
    assert shocks.net_loss_pct(12.0, stockpile_months=30) == 0.0  # cannot go below zero
    assert shocks.net_loss_pct(12.0, 3, horizon_months=6) == pytest.approx(6.0)  # 12 × 3/6


def test_price_rule_divides_by_the_elasticity():
    assert shocks.price_change_pct(10.0, 0.25) == pytest.approx(40.0)
    assert shocks.price_change_pct(22.5, 0.5) == pytest.approx(45.0)
    assert shocks.price_change_pct(0.0, 0.5) == 0.0


def test_stockpile_needed_inverts_net_loss():
    assert shocks.stockpile_needed(20.0, 10.0) == pytest.approx(6.0)
    assert shocks.stockpile_needed(5.0, 10.0) == 0.0
    m = shocks.stockpile_needed(34.6, 10.0)
    assert shocks.net_loss_pct(34.6, m) == pytest.approx(10.0)


def test_producer_share_by_name_or_code_matches_the_data():
    table = minerals.producers("cobalt", 2024)
    drc = float(table.set_index("iso3").loc["COD", "share_pct"])
    assert drc == pytest.approx(226_000 / 302_000 * 100)
    assert shocks.producer_share("cobalt", "Congo (Kinshasa)", 2024) == pytest.approx(drc)
    assert shocks.producer_share("cobalt", "cod", 2024) == pytest.approx(drc)
    assert shocks.producing_countries("cobalt", 2024)[0] == "Congo (Kinshasa)"


def test_simulate_chains_the_rules_by_hand():
    r = shocks.simulate("rare earths", "China", 50, elasticity=0.5, stockpile_months=3, year=2024)
    share = 270_000 / 380_000 * 100  # USGS MCS 2026, 2024: China 270,000 t of 380,000 t
    assert r.producer_share_pct == pytest.approx(share)
    assert r.supply_lost_pct == pytest.approx(share * 0.5)
    assert r.net_loss_pct == pytest.approx(share * 0.5 * 9 / 12)
    assert r.price_change_pct == pytest.approx(share * 0.5 * 9 / 12 / 0.5)
    assert (r.country, r.iso3, r.year, r.mineral) == ("China", "CHN", 2024, "rare earths")
    assert r.as_dict()["cut_pct"] == 50.0
    latest = shocks.simulate("rare earths", "CHN", 50, elasticity=0.5)
    assert latest.year == max(minerals.years())


def test_exposure_from_import_shares():
    table = shocks.exposure("rare earths", "China", 50, 2024)
    rows = table.set_index("importer_code")
    assert rows.loc["KOR", "share_from_country_pct"] == pytest.approx(84.7)  # 2023, latest
    assert rows.loc["KOR", "imports_at_risk_pct"] == pytest.approx(42.35)
    assert rows.loc["EU27", "imports_at_risk_pct"] == pytest.approx(23.15)
    assert table["imports_at_risk_pct"].is_monotonic_decreasing
    assert table.attrs["source"].startswith("Source:")


def test_exposure_unlisted_partner_is_missing_not_zero_and_no_data_is_empty():
    # Russia mines rare earths and is an EU partner, but not a listed partner of Korea
    table = shocks.exposure("rare earths", "Russia", 100, 2024).set_index("importer_code")
    assert table.loc["EU27", "imports_at_risk_pct"] == pytest.approx(28.4)
    assert math.isnan(table.loc["KOR", "imports_at_risk_pct"])
    empty = shocks.exposure("nickel", "Indonesia", 50, 2024)
    assert empty.empty
    assert "imports_at_risk_pct" in empty.columns


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: shocks.simulate("lithum", "Chile", 50, elasticity=0.5), "Did you mean 'lithium'"),
        (lambda: shocks.simulate(3, "Chile", 50, elasticity=0.5), "must be given as text"),
        (lambda: shocks.simulate("lithium", "Chilee", 50, elasticity=0.5), "Did you mean 'Chile'"),
        (lambda: shocks.simulate("lithium", "Korea", 50, elasticity=0.5), "no producing country"),
        (lambda: shocks.simulate("lithium", "Chile", 120, elasticity=0.5), "between 0 and 100"),
        (lambda: shocks.simulate("lithium", "Chile", -5, elasticity=0.5), "between 0 and 100"),
        (lambda: shocks.simulate("lithium", "Chile", "50%", elasticity=0.5), "must be a number"),
        (lambda: shocks.simulate("lithium", "Chile", True, elasticity=0.5), "must be a number"),
        (
            lambda: shocks.simulate("lithium", "Chile", 50, elasticity=0.5, stockpile_months=-1),
            "cannot be negative",
        ),
        (lambda: shocks.simulate("lithium", "Chile", 50, elasticity=0), "positive number"),
        (lambda: shocks.simulate("lithium", "Chile", 50, elasticity=-0.5), "positive number"),
        (lambda: shocks.simulate("lithium", "Chile", 50, elasticity=0.5, year=1990), "no data"),
        (lambda: shocks.price_change_pct(10, float("nan")), "finite number"),
        (lambda: shocks.net_loss_pct(10, 3, horizon_months=0), "positive number of months"),
        (lambda: shocks.supply_lost_pct(140, 50), "between 0 and 100"),
        (lambda: shocks.exposure("lithium", "China", 101), "between 0 and 100"),
        (lambda: shocks.import_sources("nickle"), "no mineral with import data"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def test_elasticity_has_no_default():
    with pytest.raises(TypeError):
        shocks.simulate("lithium", "Chile", 50)  # the student must choose one
