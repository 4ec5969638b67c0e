"""Domain rules and spot checks for the AI data sets (Epoch AI, Google Cloud, IEA)."""

import pandas as pd
import pytest

from koit_lessons import data

NAMES = ["ai_training_compute", "ai_accelerators", "data_centre_electricity"]


@pytest.mark.parametrize("name", NAMES)
def test_loads_with_a_source(name):
    df = data.load(name)
    assert not df.empty
    assert df.attrs["source"].startswith("Source: ")


def test_training_compute_rules():
    df = data.load("ai_training_compute")
    assert len(df) >= 25
    assert df["model"].is_unique
    assert (df["training_compute_flop"] > 0).all()
    assert df["year"].between(2012, 2025).all()
    assert (df["year"] == df["publication_date"].dt.year).all()
    assert set(df["confidence"].dropna()) <= {"Confident", "Likely", "Speculative"}
    assert (df["parameters"].dropna() > 0).all()
    assert pd.api.types.is_datetime64_any_dtype(df["publication_date"])
    # every year from 2012 to 2025 that has models spans the period
    assert df["year"].min() == 2012 and df["year"].max() == 2025


def test_training_compute_spot_checks_against_epoch():
    """Values read by hand in Epoch AI's notable_ai_models.csv (GitHub copy, commit f40bd51)."""
    df = data.load("ai_training_compute").set_index("model")
    assert df.loc["Llama 3.1-405B", "training_compute_flop"] == 3.8e25
    assert df.loc["Llama 3.1-405B", "confidence"] == "Confident"
    assert df.loc["GPT-4", "training_compute_flop"] == 2.1e25
    assert df.loc["GPT-4", "confidence"] == "Speculative"
    assert df.loc["EXAONE Deep 32B", "training_compute_flop"] == 1.26e24
    assert df.loc["Pangu Ultra", "training_compute_flop"] == 1.0692e25
    assert df.loc["AlexNet", "training_compute_flop"] == 4.7e17
    korean = df[df["country"].fillna("").str.contains("Korea")].index
    assert set(korean) == {"HyperCLOVA 204B", "EXAONE Deep 32B", "EXAONE 4.0 (32B)", "K-EXAONE"}


def test_training_compute_rows_of_the_february_2026_copy():
    """Read by hand in rauletorresc/llmfit 'Epoch Database - Notable Models.csv' (a652be3):
    the three largest runs after April 2025 and the Korean models, labels kept."""
    df = data.load("ai_training_compute").set_index("model")
    assert df.loc["Grok 4", "training_compute_flop"] == 5.0000000000001e26
    assert df.loc["Grok 4", "confidence"] == "Speculative"
    assert df.loc["GPT-5", "training_compute_flop"] == 6.600000000000001e25
    assert pd.isna(df.loc["GPT-5", "parameters"])
    assert df.loc["Qwen3-Max", "confidence"] == "Speculative"
    assert df.loc["K-EXAONE", "training_compute_flop"] == 1.52e24
    assert df.loc["EXAONE 4.0 (32B)", "confidence"] == "Confident"
    assert df["training_compute_flop"].idxmax() == "Grok 4"


def test_accelerator_rules_and_vendor_figures():
    df = data.load("ai_accelerators").set_index("chip")
    assert (df["peak_bf16_tflops"] > 0).all() and (df["memory_bandwidth_gbps"] > 0).all()
    assert df["source_url"].str.startswith("https://").all()
    # a power figure always says what it measures
    assert (df["power_w"].isna() == df["power_measure"].isna()).all()
    assert df.loc["Google TPU v4", ["peak_bf16_tflops", "memory_capacity", "power_w"]].tolist() == [
        275,
        32,
        192,
    ]
    assert df.loc["Google TPU v4", "memory_unit"] == "GiB"
    assert df.loc["Google TPU v5p", "memory_bandwidth_gbps"] == 2765
    assert df.loc["Google TPU v6e (Trillium)", "peak_bf16_tflops"] == 918
    # the quoted page text contains the stored numbers
    for chip, row in df.iterrows():
        assert f"{row['peak_bf16_tflops']:g}" in row["source_quote"], chip
        assert f"{row['memory_bandwidth_gbps']:g}" in row["source_quote"], chip


def test_data_centre_electricity_rules():
    df = data.load("data_centre_electricity").set_index("period")
    assert df.loc[2024, "electricity_twh"] == 415
    assert df.loc[2030, "electricity_twh"] == 945
    assert df.loc[2024, "share_of_world_electricity_pct"] == 1.5
    assert df.loc[2024, "status"] == "estimate"
    assert df.loc[2030, "status"].startswith("projection")
    assert (df["electricity_twh"] > 0).all()
    for period, row in df.iterrows():
        assert f"{row['electricity_twh']:g} TWh" in row["note"], period


def test_described_in_the_package_with_sources():
    for name in NAMES:
        res = data.describe(name)
        assert res["sources"] and res["licenses"] and res["notes"]
        assert all(s["path"].startswith("https://") for s in res["sources"])
