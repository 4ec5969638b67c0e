"""The numbers in lesson 01's prose."""

from __future__ import annotations

from koit_lessons import compute, metrics
from koit_lessons.claims import Claim, Fixed

EPOCH_FILE = (
    "Epoch AI, Data on Notable AI Models (notable_ai_models.csv, 2025), a column the "
    "ai_training_compute data set does not keep"
)
EPOCH_TREND = (
    "Epoch AI, 'Training compute of notable AI models has been doubling roughly every "
    "six months' (data insight, 2024), regression table"
)
TPU_V5P = "Google Cloud, Cloud TPU documentation, TPU v5p page (accessed 2026)"
EXAMPLE = "worked example: an assumption of the exercise or the calculator"
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
STARTER = "worked example: a made-up two-country market of the starter question"


def _parameters_billion(model: str) -> float:
    table = compute.models()
    return float(table.loc[table["model"] == model, "parameters"].iloc[0]) / 1e9


def _trend_growth(without: str | None = None) -> float:
    table = compute.models()
    if without is not None:
        table = table[~table["model"].str.contains(without)]
    return compute.fit_trend(table)["annual_growth"]


def _largest_flop_e26() -> float:
    return float(compute.models()["training_compute_flop"].max()) / 1e26


def _accelerator(chip: str, column: str) -> float:
    table = compute.accelerators().set_index("chip")
    return float(table.loc[chip, column])


def _electricity(period: int, column: str = "electricity_twh") -> float:
    table = compute.data_centre_electricity().set_index("period")
    return float(table.loc[period, column])


def _flop_per_byte(which: str) -> float:
    values = compute.accelerators()["flop_per_byte"]
    return float(values.min() if which == "min" else values.max())


def _iea_growth() -> float:
    return metrics.cagr(_electricity(2024), _electricity(2030), 2030 - 2024)


ENTRIES = [
    # the starter on lesson 00: a made-up market of 60 % and 40 %
    Fixed("one 60 %, the other 40 %", STARTER),
    Fixed("the shares add up to 100 %", "definition: the shares of all producers"),
    Claim("5,200: highly concentrated", lambda: metrics.hhi([60, 40])),
    Fixed("(above 1,800)", GUIDELINES),
    Claim("3,600: the largest share squared", lambda: metrics.hhi([60])),
    Claim("2,400: the two shares multiplied", lambda: 60 * 40),
    # introduction and section 1 (stated without a percent sign, bound all the same)
    Claim("about 5 × 10²⁶ floating-point operations", _largest_flop_e26),
    Claim("a selection of 44 of them", lambda: len(compute.models())),
    Claim("In our 44 models", lambda: len(compute.models())),
    Claim("In our 44 notable models", lambda: len(compute.models())),
    # section 1: the fitted trend (stated in words, bound all the same)
    Claim("about **3.6 times a year**", _trend_growth, digits=1),
    Claim("about 3.6× a year", _trend_growth, digits=1),
    Claim("grown about 3.6 times a year", _trend_growth, digits=1),
    Claim("our fit gives about 4.1× a year", lambda: _trend_growth("AlphaGo"), digits=1),
    Fixed("fitting 428 notable models since 2010, finds about **4–5 times a year**", EPOCH_TREND),
    Fixed("(4.7× per year in its June 2024 analysis, with a likely range of 4.3–5.2×", EPOCH_TREND),
    Fixed("later versions say 4.6×", EPOCH_TREND + "; later version of the page"),
    Fixed("its regression table 4.7× (90 % interval 4.3–5.2×)", EPOCH_TREND),
    # the model answer of the first Think! question
    Claim(
        "EXAONE Deep 32B has 32 billion parameters",
        lambda: _parameters_billion("EXAONE Deep 32B"),
    ),
    Fixed("Epoch records 16,384 NVIDIA H100 GPUs", EPOCH_FILE + " (hardware quantity)"),
    Fixed("and 100,000 for Grok 3", EPOCH_FILE + " (hardware quantity)"),
    # section 2: the rule of thumb
    Fixed("(Epoch uses 288 billion", EPOCH_FILE + " (notes: 288 billion active parameters)"),
    Claim("of its 2 trillion)", lambda: _parameters_billion("Llama 4 Behemoth (preview)") / 1000),
    # exercise 5: the rule on Llama 4 Behemoth
    Fixed("(see above): 288 billion parameters are active for each token", EPOCH_FILE + " (notes)"),
    Claim("of 2 trillion in all", lambda: _parameters_billion("Llama 4 Behemoth (preview)") / 1000),
    Fixed("trained on 30 trillion tokens", EPOCH_FILE + " (notes: 30 trillion tokens)"),
    Claim(
        "405B has 405 billion parameters",
        lambda: _parameters_billion("Llama 3.1-405B"),
    ),
    Fixed("trained on 15.6 trillion tokens", EPOCH_FILE + " (dataset size)"),
    Fixed(": 405 billion is `405e9`", "definition: how Python writes 405 × 10⁹"),
    # section 2: chips, utilisation and days
    Fixed("records about 40 % for Llama 3.1 405B", EPOCH_FILE + " (hardware utilization 0.4042)"),
    Fixed("Epoch's table records 16,384 NVIDIA H100 GPUs", EPOCH_FILE + " (hardware quantity)"),
    Fixed("its notes cite 30.84 million GPU-hours", EPOCH_FILE + " (notes, citing Hugging Face)"),
    Fixed("ran on **6,144 Google TPU v5p** chips", TPU_V5P + ": the largest schedulable job"),
    Fixed("a pod has 8,960 chips", TPU_V5P),
    Fixed(
        "at **40 %** utilisation. The 40 % was measured",
        EXAMPLE + ", taken from " + EPOCH_FILE + " (hardware utilization 0.4042)",
    ),
    Claim(
        "is 34.4 GB (10⁹ bytes each)", lambda: _accelerator("Google TPU v4", "memory_gb"), digits=1
    ),
    Claim("GiB is 34.4 GB", lambda: _accelerator("Google TPU v4", "memory_gb"), digits=1),
    # section 3: the memory wall (stated without a percent sign, bound all the same)
    Claim("needs over 500 operations per byte", lambda: _flop_per_byte("max"), relation="over"),
    Claim("between about 170", lambda: _flop_per_byte("min"), digits=-1),
    Claim("and 560 operations per byte", lambda: _flop_per_byte("max")),
    Claim("maximum of 192 W per TPU v4 chip", lambda: _accelerator("Google TPU v4", "power_w")),
    # section 4: the calculator
    Fixed("from 40 % to 20 %", EXAMPLE),
    Fixed("on 8,192 TPU v4 chips", EXAMPLE + " (the calculator's default)"),
    Fixed("8,192 TPU v4 chips at 40 % —", EXAMPLE + " (the calculator's default)"),
    # section 5: electricity, and the worked example of a compound annual growth rate
    Claim("so 10 % a year", lambda: metrics.cagr(100, 121, 2)),
    Claim(
        "about 1.5 % of the world's electricity",
        lambda: _electricity(2024, "share_of_world_electricity_pct"),
        digits=1,
    ),
    Claim("roughly 15 % more each year", _iea_growth),
    Claim("around 415 TWh", lambda: _electricity(2024)),
    Claim("that 945 TWh", lambda: _electricity(2030)),
    Claim("about 415 TWh in 2024", lambda: _electricity(2024)),
    Claim("about 945 TWh by 2030", lambda: _electricity(2030)),
    # summary and sources
    Claim(
        "(≈1.5 % of the world's)",
        lambda: _electricity(2024, "share_of_world_electricity_pct"),
        digits=1,
    ),
    Claim("about **415 TWh**", lambda: _electricity(2024)),
    Claim("about **945 TWh**", lambda: _electricity(2030)),
    Fixed("(15.6 trillion tokens; 16,384 NVIDIA H100 GPUs", EPOCH_FILE),
    Fixed("(6 × 288 billion active parameters × 30 trillion tokens)", EPOCH_FILE + " (notes)"),
    Fixed("(100,000 NVIDIA H100 GPUs)", EPOCH_FILE + " (hardware quantity)"),
    Fixed("the pod size of 8,960 chips", TPU_V5P),
    Fixed("the largest schedulable job of 6,144 chips", TPU_V5P),
    Fixed("(about 7 % more)", "definition: 2³⁰ / 10⁹ = 1.074"),
]
