"""The memory module: views of the DRAM and export data, and friendly errors."""

import pytest

from koit_lessons import memory, metrics
from koit_lessons.errors import KoitError


def test_quarters_and_companies():
    assert memory.quarters()[0] == "2021Q4"
    assert "2025Q2" in memory.quarters()
    assert memory.companies() == ["Micron", "SK hynix", "Samsung"]


@pytest.mark.parametrize("form", ["2025Q1", "Q1 2025", "1Q25", " 2025-q1 "])
def test_quarter_forms(form):
    table = memory.dram_shares(form)
    assert table.attrs["quarter"] == "2025Q1"
    assert table["company"].tolist() == ["SK hynix", "Samsung", "Micron"]


def test_latest_quarter_by_default():
    assert memory.dram_shares().attrs["quarter"] == memory.quarters()[-1]


@pytest.mark.parametrize("bad", ["2022Q1", "2030Q1", 2025, 3.5])
def test_unknown_quarter_is_friendly(bad):
    with pytest.raises(KoitError, match="quarter"):
        memory.dram_shares(bad)


def test_unknown_company_suggests_a_name():
    with pytest.raises(KoitError, match="Did you mean 'Samsung'"):
        memory.company_history("Samsng")
    with pytest.raises(KoitError):
        memory.company_history(3)


def test_company_history_is_case_insensitive():
    hist = memory.company_history("sk HYNIX")
    assert hist["company"].unique().tolist() == ["SK hynix"]
    assert hist["share_pct"].max() == 38.7


def test_history_time_column():
    hist = memory.dram_history()
    row = hist[(hist["quarter"] == "2025Q2") & (hist["company"] == "Micron")].iloc[0]
    assert row["time"] == 2025.25


def test_leaders_change():
    table = memory.leaders().set_index("quarter")
    assert table.loc["2024Q4", "leader"] == "Samsung"
    assert table.loc["2025Q1", "leader"] == "SK hynix"
    assert table.loc["2025Q1", "lead_pp"] == pytest.approx(2.3)
    assert table.loc["2025Q4", "leader"] == "Samsung"


def test_concentration_uses_metrics():
    c = memory.dram_concentration("2025Q2")
    assert c["hhi"] == pytest.approx(metrics.hhi([38.7, 32.7, 22.0]))
    assert c["top1_pct"] == 38.7
    assert c["covered_pct"] == 93.4
    assert c["top"] == "SK hynix"


def test_concentration_history_skips_incomplete_quarters():
    complete = memory.concentration_history()["quarter"].tolist()
    everything = memory.concentration_history(False)
    assert (everything["n_companies"] == 3).all()  # every quarter now lists all three
    assert complete == everything["quarter"].tolist()
    assert "2025Q1" in complete and "2025Q3" in complete
    with pytest.raises(KoitError):
        memory.concentration_history("yes")


def test_korea_share():
    assert memory.korea_share("2025Q2") == pytest.approx(71.4)


def test_exports_and_share():
    table = memory.exports()
    assert table["year"].tolist() == [2022, 2023, 2024, 2025]
    assert memory.chip_export_share(2024) == pytest.approx(100 * 141.9 / 683.8, abs=0.05)
    assert memory.chip_export_share(2025) == pytest.approx(100 * 173.4 / 709.7, abs=0.05)
    with pytest.raises(KoitError, match="2019"):
        memory.chip_export_share(2019)
    with pytest.raises(KoitError):
        memory.chip_export_share("2024")


def test_bandwidth_per_flop():
    table = memory.bandwidth_per_flop().set_index("chip")
    assert table.loc["Google TPU v6e (Trillium)", "bytes_per_kflop"] == pytest.approx(
        1638 / 918, abs=0.01
    )
    assert table["bytes_per_kflop"].idxmin() == "Google TPU v6e (Trillium)"


def test_hbm_shares_hold_only_what_the_source_states():
    table = memory.hbm_shares()
    assert table.index.tolist() == ["2024Q4", "2025Q1", "2025Q2", "2025Q3"]
    assert table.loc["2025Q3"].tolist() == [57.0, 22.0, 21.0]
    # no share is worked out from the others: gaps stay gaps
    assert table.isna().sum().sum() == 2
    assert (table.sum(axis=1, skipna=True) <= 100).all()
