import hashlib

import pytest

from koit_lessons import data
from koit_lessons.errors import KoitError
from koit_lessons.resources import data_dir


def _digest():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data_dir().iterdir()}


def test_list_datasets_has_name_title_rows_source():
    table = data.list_datasets()
    assert list(table.columns) == ["name", "title", "rows", "source"]
    row = table.set_index("name").loc["mineral_production"]
    assert row["rows"] == len(data.load("mineral_production"))
    assert "U.S. Geological Survey" in row["source"]


def test_load_returns_a_fresh_copy_and_never_writes():
    before = _digest()
    a = data.load("mineral_production")
    a.loc[:, "production"] = -1
    b = data.load("mineral_production")
    assert (b["production"].dropna() >= 0).all()
    assert a is not b
    assert _digest() == before


def test_load_sets_source_for_plots():
    df = data.load("mineral_production")
    assert df.attrs["source"].startswith("Source: U.S. Geological Survey")
    assert "data year" in df.attrs["source"]


def test_unknown_name_suggests_close_matches():
    with pytest.raises(KoitError) as info:
        data.load("mineral_prodution")
    message = str(info.value)
    assert "no data set called 'mineral_prodution'" in message
    assert "Did you mean 'mineral_production'" in message
    assert "\n" not in message


def test_wrong_type_of_name():
    with pytest.raises(KoitError, match="must be given as text"):
        data.load(3)


def test_cite_prints_publisher_url_year_and_notes(capsys):
    data.cite("mineral_production")
    out = capsys.readouterr().out
    assert "U.S. Geological Survey" in out
    assert "Mineral Commodity Summaries 2026" in out
    assert "https://" in out
    assert "Data year: 2024 (revised) and 2025 (estimated)" in out
    assert "Notes:" in out and "withholds" in out


def test_missing_and_corrupt_files_give_a_clear_message(monkeypatch, tmp_path):
    import shutil

    from koit_lessons import data as data_module

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    monkeypatch.setattr(data_module, "data_dir", lambda: copy)
    data_module._package.cache_clear()
    try:
        (copy / "mineral_production.csv").unlink()
        with pytest.raises(KoitError, match="missing from this installation"):
            data_module.load("mineral_production")
        (copy / "mineral_production.csv").write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(KoitError, match="does not match its description|has columns"):
            data_module.load("mineral_production")
        (copy / "datapackage.json").write_text("{not json", encoding="utf-8")
        data_module._package.cache_clear()
        with pytest.raises(KoitError, match="damaged"):
            data_module.load("mineral_production")
    finally:
        data_module._package.cache_clear()


def test_table_is_one_shared_cache_with_friendly_errors():
    assert data.table("mineral_production") is data.table("mineral_production")
    assert data.table("mineral_production") is not data.load("mineral_production")
    with pytest.raises(KoitError, match="no data set called"):
        data.table("mineral_prodution")
    with pytest.raises(KoitError, match="must be given as text"):
        data.table(["mineral_production"])  # unhashable: still a friendly error


def test_changing_what_topic_modules_return_never_changes_the_shared_tables():
    import pandas as pd

    from koit_lessons import (
        capstone,
        chips,
        compute,
        memory,
        minerals,
        networks,
        partnership,
        policy,
        shocks,
    )

    frames = [
        minerals.producers("lithium"),
        minerals.reserve_holders("lithium"),
        chips.stage_shares("fabrication"),
        chips.capacity_shares("below 10 nm", 2022),
        chips.foundry_shares(),
        memory.dram_shares(),
        memory.dram_history(),
        memory.exports(),
        memory.bandwidth_per_flop(),
        memory.hbm_shares(),  # pivots: pandas 2.0.0's pivot renamed its input's index
        compute.models(),
        compute.accelerators(),
        compute.data_centre_electricity(),
        policy.targets(),
        policy.targets("European Union"),
        policy.msp_members(),
        policy.strategic_list("Korea"),
        shocks.import_sources(),
        shocks.exposure("lithium", "China", 50, 2024),
        partnership.timeline(),
        partnership.trade(),
        partnership.eu_partners(2014),
        partnership.products(),
        networks.table(),
        capstone.suppliers("gallium"),
        capstone.suppliers("fabrication"),
    ]
    for frame in frames:
        for col in frame.columns:
            numeric = pd.api.types.is_numeric_dtype(frame[col])
            numeric = numeric and not pd.api.types.is_bool_dtype(frame[col])
            if numeric or pd.api.types.is_string_dtype(frame[col]):
                frame.loc[:, col] = -1 if numeric else "changed"
        frame["added"] = 1
        frame.attrs["source"] = "changed"
    for name in data.names():
        fresh = data.load(name)
        pd.testing.assert_frame_equal(data.table(name), fresh)
        assert data.table(name).attrs == fresh.attrs
