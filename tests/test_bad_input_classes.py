"""Every public helper, fed every class of input a student may give it.

``tests/test_bad_input.py`` checks single, hand-written calls; this file checks classes
of input systematically (see docs/bad-input.md, "Classes of input"). Each public
function is listed once in ``SPECS`` with a call that works and the kind of each
argument. From the kind, the test builds:

* **equivalent inputs**, which must give the same result as the plain call: NumPy and
  pandas numbers for years, counts and numbers (``np.int64(2024)``, what
  ``df["year"].max()`` gives; ``np.float64(2024.0)``; a 0-d array), names with other
  case and extra spaces (``"  LITHIUM "``), lists of numbers as a tuple, a 1-D array,
  a Series or a generator;
* **bad inputs**, which must raise a ``KoitError`` with one plain sentence, never
  another exception, never a NaN, None or empty answer: a bool as a year or count, a
  year in quotes, 2.5 as a count, text, None, lists where one value is wanted,
  infinity and NaN, 2-D arrays, sets, empty input.

``test_every_public_helper_is_listed`` fails when a module gains a public function that
is not listed here, so a new helper cannot skip these checks.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import checks  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402

# The modules whose public functions (their __all__) are checked here. ``plots`` and
# ``widgets`` are checked in test_plots.py and test_widgets.py (figures), ``checks``
# below (it never raises), ``lessons`` and the grading and command-line modules
# elsewhere.
MODULES = [
    "data",
    "metrics",
    "minerals",
    "chips",
    "memory",
    "compute",
    "policy",
    "partnership",
    "networks",
    "shocks",
    "capstone",
    "quarters",
]

# argument kinds: "name" (text naming something), "year", "count" (a whole number),
# "number", "values" (a column of numbers), "names" (a list of names), "flag";
# a trailing "?" means None is allowed too (and means "the default")
SHARES = [50.0, 30.0, 20.0]
SPECS: list[tuple[str, str, dict[str, Any], dict[str, str]]] = [
    # (module, function, keyword arguments that work, kind of each argument)
    ("data", "list_datasets", {}, {}),
    ("data", "names", {}, {}),
    ("data", "load", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "table", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "describe", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "source_line", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "citation", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "cite", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "data_years", {"name": "mineral_production"}, {"name": "name"}),
    ("data", "status", {}, {}),
    ("metrics", "shares", {"values": SHARES, "total": 200}, {"values": "values", "total": "number?"}),
    ("metrics", "top_k_share", {"shares_pct": SHARES, "k": 2}, {"shares_pct": "values", "k": "count"}),
    ("metrics", "hhi", {"shares_pct": SHARES}, {"shares_pct": "values"}),
    ("metrics", "hhi_band", {"index": 2500}, {"index": "number"}),
    ("metrics", "growth_rate", {"start": 200, "end": 250}, {"start": "number", "end": "number"}),
    ("metrics", "cagr", {"start": 100, "end": 121, "years": 2},
     {"start": "number", "end": "number", "years": "number"}),
    ("metrics", "doubling_time", {"rate_pct": 7}, {"rate_pct": "number"}),
    ("minerals", "mineral_names", {"dataset": "mineral_processing"}, {"dataset": "name"}),
    ("minerals", "years", {"dataset": "mineral_processing"}, {"dataset": "name"}),
    ("minerals", "producers", {"mineral": "rare earths", "year": 2024, "dataset": "mineral_production"},
     {"mineral": "name", "year": "year?", "dataset": "name"}),
    ("minerals", "world_total", {"mineral": "lithium", "year": 2024, "dataset": "mineral_production"},
     {"mineral": "name", "year": "year?", "dataset": "name"}),
    ("minerals", "concentration", {"mineral": "copper", "year": 2024, "dataset": "mineral_processing"},
     {"mineral": "name", "year": "year?", "dataset": "name"}),
    ("minerals", "concentration_table", {"year": 2024, "minerals": ["cobalt", "rare earths"],
                                         "dataset": "mineral_production"},
     {"year": "year?", "minerals": "names?", "dataset": "name"}),
    ("minerals", "reserve_holders", {"mineral": "lithium"}, {"mineral": "name"}),
    ("minerals", "is_mined", {"mineral": "gallium"}, {"mineral": "name"}),
    ("minerals", "mine_vs_refine", {"year": 2024}, {"year": "year?"}),
    ("minerals", "compare_with_iea", {}, {}),
    ("chips", "stages", {}, {}),
    ("chips", "stage_shares", {"stage": "EDA software"}, {"stage": "name"}),
    ("chips", "stage_concentration", {"stage": "EDA software"}, {"stage": "name"}),
    ("chips", "stage_table", {}, {}),
    ("chips", "segments", {}, {}),
    ("chips", "periods", {"segment": "below 10 nm"}, {"segment": "name"}),
    ("chips", "capacity_shares", {"segment": "below 10 nm", "period": 2022},
     {"segment": "name", "period": "year"}),
    ("chips", "capacity_concentration", {"segment": "all nodes", "period": 2022},
     {"segment": "name", "period": "year"}),
    ("chips", "capacity_history", {"segment": "below 10 nm"}, {"segment": "name"}),
    ("chips", "concentration_table", {"min_coverage": 90}, {"min_coverage": "number"}),
    ("chips", "quarters", {"complete_only": True}, {"complete_only": "flag"}),
    ("chips", "foundry_shares", {"quarter": "2025Q1"}, {"quarter": "name?"}),
    ("chips", "foundry_by_country", {"quarter": "2025Q1"}, {"quarter": "name?"}),
    ("chips", "foundry_concentration", {"quarter": "2025Q1", "by": "country"},
     {"quarter": "name?", "by": "name"}),
    ("chips", "world_sales", {}, {}),
    ("memory", "quarters", {}, {}),
    ("memory", "companies", {}, {}),
    ("memory", "dram_shares", {"quarter": "2025Q1"}, {"quarter": "name?"}),
    ("memory", "dram_history", {}, {}),
    ("memory", "company_history", {"company": "SK hynix"}, {"company": "name"}),
    ("memory", "leaders", {}, {}),
    ("memory", "dram_concentration", {"quarter": "2025Q1"}, {"quarter": "name?"}),
    ("memory", "concentration_history", {"complete_only": False}, {"complete_only": "flag"}),
    ("memory", "korea_share", {"quarter": "2025Q1"}, {"quarter": "name?"}),
    ("memory", "exports", {}, {}),
    ("memory", "export_years", {}, {}),
    ("memory", "chip_export_share", {"year": 2023}, {"year": "year"}),
    ("memory", "bandwidth_per_flop", {}, {}),
    ("memory", "hbm_shares", {}, {}),
    ("compute", "training_flop", {"parameters": 7e9, "tokens": 2e12},
     {"parameters": "number", "tokens": "number"}),
    ("compute", "chip_seconds", {"flop": 1e21, "peak_flops": 1e15, "utilisation": 0.5},
     {"flop": "number", "peak_flops": "number", "utilisation": "number"}),
    ("compute", "chip_hours", {"flop": 1e21, "peak_flops": 1e15, "utilisation": 0.5},
     {"flop": "number", "peak_flops": "number", "utilisation": "number"}),
    ("compute", "training_time_days", {"flop": 1e24, "peak_flops": 1e15, "utilisation": 0.4, "chips": 1000},
     {"flop": "number", "peak_flops": "number", "utilisation": "number", "chips": "count"}),
    ("compute", "chips_needed", {"flop": 1e24, "peak_flops": 1e15, "utilisation": 0.4, "days": 30},
     {"flop": "number", "peak_flops": "number", "utilisation": "number", "days": "number"}),
    ("compute", "energy_mwh", {"power_w": 700, "chips": 1000, "hours": 24},
     {"power_w": "number", "chips": "count", "hours": "number"}),
    ("compute", "decimal_year", {"dates": pd.Series(pd.to_datetime(["2020-07-01"]))}, {}),
    ("compute", "fit_trend", {"df": pd.DataFrame({"publication_date": pd.to_datetime(["2020-01-01", "2021-01-01"]),
                                                  "training_compute_flop": [1e20, 4e20]})}, {}),
    ("compute", "doubling_months", {"annual_growth": 4.0}, {"annual_growth": "number"}),
    ("compute", "models", {}, {}),
    ("compute", "accelerators", {}, {}),
    ("compute", "accelerator_names", {}, {}),
    ("compute", "accelerator", {"chip": "Google TPU v5p"}, {"chip": "name"}),
    ("compute", "arithmetic_intensity", {"peak_flops": 1e15, "bandwidth_bytes": 2e12},
     {"peak_flops": "number", "bandwidth_bytes": "number"}),
    ("compute", "training_run", {"parameters": 1e9, "tokens": 20e9, "chip": "Google TPU v4",
                                 "utilisation": 0.5, "chips": 8},
     {"parameters": "number", "tokens": "number", "chip": "name", "utilisation": "number",
      "chips": "count"}),
    ("compute", "data_centre_electricity", {}, {}),
    ("policy", "targets", {"jurisdiction": "European Union"}, {"jurisdiction": "name?"}),
    ("policy", "target_value", {"target_id": "eu-single-country"}, {"target_id": "name"}),
    ("policy", "single_country_check", {"shares_by_country": {"China": 70, "Chile": 20}, "cap_pct": 65,
                                        "rounding_pp": 0.5},
     {"cap_pct": "number", "rounding_pp": "number"}),
    ("policy", "production_portfolio", {"mineral": "cobalt", "year": 2024}, {"mineral": "name", "year": "year?"}),
    ("policy", "import_portfolio", {"importer": "Korea", "material": "lithium hydroxide", "year": 2023},
     {"importer": "name", "material": "name", "year": "year"}),
    ("policy", "cap_table", {"year": 2024, "cap_pct": 50}, {"year": "year?", "cap_pct": "number"}),
    ("policy", "strategic_list", {"jurisdiction": "European Union"}, {"jurisdiction": "name"}),
    ("policy", "msp_members", {}, {}),
    ("partnership", "categories", {}, {}),
    ("partnership", "timeline", {"category": "treaty"}, {"category": "name?"}),
    ("partnership", "series_names", {}, {}),
    ("partnership", "series_info", {"series": "korea_usd"}, {"series": "name"}),
    ("partnership", "flows", {"series": "eurostat_eur", "flow": "Italy to Korea"},
     {"series": "name", "flow": "name"}),
    ("partnership", "value", {"series": "korea_usd", "flow": "Korea to Italy", "year": 2018},
     {"series": "name", "flow": "name", "year": "year"}),
    ("partnership", "trade", {"series": "korea_usd", "side": "Italy"}, {"series": "name", "side": "name"}),
    ("partnership", "growth", {"series": "eurostat_eur", "flow": "Italy to Korea", "start": 2008, "end": 2014},
     {"series": "name", "flow": "name", "start": "year", "end": "year"}),
    ("partnership", "cagr", {"series": "eurostat_eur", "flow": "Italy to Korea", "start": 2008, "end": 2014},
     {"series": "name", "flow": "name", "start": "year", "end": "year"}),
    ("partnership", "before_after", {"series": "eurostat_eur", "flow": "Italy to Korea", "event_year": 2011},
     {"series": "name", "flow": "name", "event_year": "count"}),
    ("partnership", "surplus_side", {"series": "korea_usd", "year": 2018}, {"series": "name", "year": "year"}),
    ("partnership", "eu_partners", {"year": 2014, "flow": "exports to Korea"}, {"year": "year", "flow": "name"}),
    ("partnership", "eu_rank", {"year": 2014, "flow": "exports to Korea", "member": "Italy"},
     {"year": "year", "flow": "name", "member": "name"}),
    ("partnership", "products", {"direction": "Italy to Korea"}, {"direction": "name?"}),
    ("networks", "shown", {"name": "Korea"}, {"name": "name"}),
    ("networks", "table", {}, {}),
    ("networks", "countries", {}, {}),
    ("networks", "groupings", {}, {}),
    ("networks", "selection", {"selected": ["OECD", "G7"]}, {"selected": "names?"}),
    ("networks", "country_name", {"name": "South Korea"}, {"name": "name"}),
    ("networks", "memberships", {"country": "Korea", "groupings": ["G20", "OECD"]},
     {"country": "name", "groupings": "names?"}),
    ("networks", "membership_matrix", {"groupings": ["G7", "Quad"], "min_groupings": 2},
     {"groupings": "names?", "min_groupings": "count"}),
    ("networks", "graph", {"groupings": ["G7", "Quad"]}, {"groupings": "names?"}),
    ("networks", "projection", {"groupings": ["G7", "Quad"]}, {"groupings": "names?"}),
    ("networks", "centrality", {"measure": "degree", "groupings": ["G7", "Quad"]},
     {"measure": "name", "groupings": "names?"}),
    ("networks", "jaccard", {"a": "Korea", "b": "Italy", "groupings": ["G20", "NATO"]},
     {"a": "name", "b": "name", "groupings": "names?"}),
    ("networks", "shared", {"a": "Korea", "b": "Italy", "groupings": ["G20", "NATO"]},
     {"a": "name", "b": "name", "groupings": "names?"}),
    ("networks", "dated", {}, {}),
    ("networks", "compare_ranks", {"measure": "degree", "before": ["G7"], "after": ["G7", "Quad"]},
     {"measure": "name", "before": "names?", "after": "names?"}),
    ("networks", "club_view", {"groupings": ["G7", "Quad"], "measure": "degree", "a": "Japan",
                               "b": "Italy", "top": 3},
     {"groupings": "names?", "measure": "name", "a": "name", "b": "name", "top": "count"}),
    ("shocks", "check_cut", {"cut_pct": 50}, {"cut_pct": "number"}),
    ("shocks", "check_months", {"months": 3}, {"months": "number"}),
    ("shocks", "supply_lost_pct", {"share_pct": 40, "cut_pct": 50}, {"share_pct": "number", "cut_pct": "number"}),
    ("shocks", "net_loss_pct", {"loss_pct": 20, "stockpile_months": 3, "horizon_months": 12},
     {"loss_pct": "number", "stockpile_months": "number", "horizon_months": "number"}),
    ("shocks", "price_change_pct", {"net_loss_pct": 10, "elasticity": 0.5},
     {"net_loss_pct": "number", "elasticity": "number"}),
    ("shocks", "stockpile_needed", {"loss_pct": 20, "target_net_loss_pct": 5, "horizon_months": 12},
     {"loss_pct": "number", "target_net_loss_pct": "number", "horizon_months": "number"}),
    ("shocks", "producer_share", {"mineral": "lithium", "country": "Chile", "year": 2024},
     {"mineral": "name", "country": "name", "year": "year?"}),
    ("shocks", "producing_countries", {"mineral": "lithium", "year": 2024}, {"mineral": "name", "year": "year?"}),
    ("shocks", "simulate", {"mineral": "lithium", "country": "Chile", "cut_pct": 50, "elasticity": 0.5,
                            "stockpile_months": 2, "year": 2024, "horizon_months": 12},
     {"mineral": "name", "country": "name", "cut_pct": "number", "elasticity": "number",
      "stockpile_months": "number", "year": "year?", "horizon_months": "number"}),
    ("shocks", "import_sources", {"mineral": "lithium"}, {"mineral": "name?"}),
    ("shocks", "import_minerals", {}, {}),
    ("shocks", "exposure", {"mineral": "lithium", "country": "China", "cut_pct": 50, "year": 2024},
     {"mineral": "name", "country": "name", "cut_pct": "number", "year": "year?"}),
    ("capstone", "topics", {}, {}),
    ("capstone", "pick_topic", {"topic": "rare earths"}, {"topic": "name"}),
    ("capstone", "kind", {"topic": "gallium"}, {"topic": "name"}),
    ("capstone", "measure", {"topic": "gallium"}, {"topic": "name"}),
    ("capstone", "suppliers", {"topic": "EDA software"}, {"topic": "name"}),
    ("capstone", "profile", {"topic": "gallium"}, {"topic": "name"}),
    ("capstone", "share_of", {"topic": "fabrication", "who": "Korea"}, {"topic": "name", "who": "name"}),
    ("capstone", "scenario", {"topic": "lithium", "cut_pct": 50, "supplier": "Chile", "elasticity": 0.5,
                              "stockpile_months": 1},
     {"topic": "name", "cut_pct": "number", "supplier": "name?", "elasticity": "number?",
      "stockpile_months": "number"}),
    ("capstone", "scenario_table", {"topic": "gallium", "top": 2, "step": 25},
     {"topic": "name", "top": "count", "step": "count"}),
    ("capstone", "exposure", {"topic": "lithium", "supplier": "China", "cut_pct": 50},
     {"topic": "name", "supplier": "name?", "cut_pct": "number"}),
    ("capstone", "fact_sheet", {"topic": "gallium"}, {"topic": "name"}),
    ("capstone", "overview", {}, {}),
    ("quarters", "pick_quarter", {"quarter": "2025Q1", "known": ["2025Q1", "2025Q2"]}, {"quarter": "name?"}),
    ("quarters", "quarter_shares", {"dataset": "dram_market_share", "quarter": "2025Q1",
                                    "columns": ["company", "share_pct"]},
     {"dataset": "name", "quarter": "name?"}),
]  # fmt: skip

# results that are documented to be None: cite() prints
NONE_IS_THE_ANSWER = {("data", "cite")}
# share_of() answers None, as documented, for a country or region the source does not
# list (not the same as 0); only a near miss ('Chna') is refused, as a typo
NOT_REFUSED = {("capstone", "share_of", "who", "an unknown name")}


def _function(module: str, name: str):
    return getattr(importlib.import_module(f"koit_lessons.{module}"), name)


def _same(a: object, b: object) -> bool:
    """Whether two results are the same (frames, series, graphs, dataclasses, floats)."""
    if isinstance(a, pd.DataFrame) or isinstance(a, pd.Series):
        try:
            (
                pd.testing.assert_frame_equal
                if isinstance(a, pd.DataFrame)
                else pd.testing.assert_series_equal
            )(a, b)  # type: ignore[operator]
        except AssertionError:
            return False
        return True
    if isinstance(a, nx.Graph):
        return set(a.nodes) == set(b.nodes) and set(map(frozenset, a.edges)) == set(
            map(frozenset, b.edges)
        )
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and _same(dataclasses.asdict(a), dataclasses.asdict(b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, float) and isinstance(b, (float, int)):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12)
    return type(a) is type(b) and a == b


def _assert_plain_sentence(message: str) -> None:
    assert message and "\n" not in message and len(message) < 400, message
    assert "Traceback" not in message, message
    for leak in ("np.int", "np.float", "np.True", "np.False", "array(", "dtype:"):
        assert leak not in message, f"{leak!r} in the message: {message}"


def _assert_answer_makes_sense(module: str, name: str, result: object) -> None:
    if (module, name) in NONE_IS_THE_ANSWER:
        return
    assert result is not None, "None returned"
    if isinstance(result, float):
        assert math.isfinite(result), result
    if isinstance(result, (list, pd.DataFrame, pd.Series)):
        assert len(result) > 0, "an empty answer"


# ------------------------------------------------------------------ the input classes
def _variants(
    kind: str, value: object
) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """(equivalent inputs, bad inputs) for an argument of ``kind`` whose good value is ``value``."""
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    wrong_type = [("a list", [value]), ("a dict", {"a": 1})]
    if not optional:
        wrong_type.append(("None", None))
    if kind == "name":
        assert isinstance(value, str)
        spaced = "  " + value.upper().replace(" ", "   ") + " "
        return (
            [("other case and extra spaces", spaced), ("lower case", value.lower())],
            [("an unknown name", "zzz-no-such-name"), ("a number", 3), *wrong_type],
        )
    if kind in ("year", "count"):
        n = int(value)  # type: ignore[call-overload]
        return (
            [
                ("np.int64", np.int64(n)),
                ("np.int32", np.int32(n)),
                ("np.float64 with a whole value", np.float64(n)),
                ("a 0-d array", np.array(n)),
                ("a pandas Int64 value", pd.array([n], dtype="Int64")[0]),
                ("a float with a whole value", float(n)),
            ],
            [
                ("True", True),
                ("np.True_", np.True_),
                ("text", str(n)),
                ("a fraction", n + 0.5),
                ("NaN", float("nan")),
                ("np.nan as np.float64", np.float64("nan")),
                ("infinity", float("inf")),
                ("pandas NA", pd.NA),
                *wrong_type,
            ]
            + ([("a year not in the data", 1800)] if kind == "year" else []),
        )
    if kind == "number":
        x = float(value)  # type: ignore[arg-type]
        return (
            [
                ("np.float64", np.float64(x)),
                ("a 0-d array", np.array(x)),
                ("np.float32", np.float32(x)),
            ]
            if float(np.float32(x)) == x
            else [("np.float64", np.float64(x)), ("a 0-d array", np.array(x))],
            [
                ("text", str(value)),
                ("True", True),
                ("NaN", float("nan")),
                ("np.nan", np.float64("nan")),
                ("infinity", float("inf")),
                ("minus infinity", float("-inf")),
                ("an int too large for a float", 10**400),
                ("pandas NA", pd.NA),
                ("a complex number", complex(x, 1)),
                *wrong_type,
            ],
        )
    if kind == "values":
        v = list(value)  # type: ignore[call-overload]
        return (
            [
                ("a tuple", tuple(v)),
                ("a 1-D array", np.array(v)),
                ("a Series", pd.Series(v)),
                ("a generator", (x for x in v)),
                ("np.float64 items", [np.float64(x) for x in v]),
                ("a nullable Float64 column", pd.Series(v, dtype="Float64")),
            ],
            [
                ("infinity", [*v[:-1], float("inf")]),
                ("minus infinity", [*v[:-1], float("-inf")]),
                ("NaN", [*v[:-1], float("nan")]),
                ("pandas NA", pd.Series([*v[:-1], None], dtype="Float64")),
                ("a 2-D array", np.array([v, v])),
                ("a list of lists", [v, v]),
                ("a table", pd.DataFrame({"a": v, "b": v})),
                ("a set", set(v)),
                ("empty", []),
                ("an empty array", np.array([])),
                ("text", "lithium"),
                ("numbers as text", [str(x) for x in v]),
                ("bools", [True, False, True]),
                ("complex numbers", [complex(x, 1) for x in v]),
                ("one number", v[0]),
                ("a 0-d array", np.array(v[0])),
                ("None", None),
                ("a dict of text", {"a": "x"}),
            ],
        )
    if kind == "names":
        names = list(value)  # type: ignore[call-overload]
        return (
            [
                ("other case and extra spaces", [f" {n.upper()}  " for n in names]),
                ("a tuple", tuple(names)),
            ],
            [
                ("an unknown name", [*names, "zzz-no-such-name"]),
                ("empty", []),
                ("a number", 5),
                ("a list of numbers", [1, 2]),
            ],
        )
    if kind == "flag":
        return (
            [("np.bool_", np.bool_(value))],
            [("text", "yes"), ("a number", 1), ("None", None)],
        )
    raise AssertionError(f"unknown kind {kind}")


def _cases(equivalent: bool) -> list:
    out = []
    for module, name, kwargs, kinds in SPECS:
        for arg, kind in kinds.items():
            good, bad = _variants(kind, kwargs[arg])
            for label, given in good if equivalent else bad:
                if (module, name, arg, label) in NOT_REFUSED:
                    continue
                out.append(
                    pytest.param(
                        module, name, kwargs, arg, given, id=f"{module}.{name}-{arg}-{label}"
                    )
                )
    return out


@pytest.mark.parametrize("module, name, kwargs, kinds", [
    pytest.param(*spec, id=f"{spec[0]}.{spec[1]}") for spec in SPECS
])  # fmt: skip
def test_the_plain_call_gives_an_answer(module, name, kwargs, kinds):
    result = _function(module, name)(**kwargs)
    _assert_answer_makes_sense(module, name, result)


@pytest.mark.parametrize("module, name, kwargs, arg, given", _cases(equivalent=True))
def test_equivalent_input_gives_the_same_answer(module, name, kwargs, arg, given):
    f = _function(module, name)
    want = f(**kwargs)
    got = f(**{**kwargs, arg: given})
    assert _same(got, want), f"{name}({arg}={given!r}) gave {got!r}, not {want!r}"


@pytest.mark.parametrize("module, name, kwargs, arg, given", _cases(equivalent=False))
def test_bad_input_gets_one_plain_sentence(module, name, kwargs, arg, given):
    f = _function(module, name)
    try:
        result = f(**{**kwargs, arg: given})
    except KoitError as exc:
        _assert_plain_sentence(str(exc))
        return
    pytest.fail(f"{name}({arg}={given!r}) gave {result!r} instead of a KoitError")


def test_every_public_helper_is_listed():
    listed = {(m, n) for m, n, _, _ in SPECS}
    public = set()
    for module in MODULES:
        mod = importlib.import_module(f"koit_lessons.{module}")
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                public.add((module, name))
    assert public - listed == set(), "add these helpers to SPECS"
    assert listed - public == set(), "these are no longer public helpers"


def test_every_argument_is_given_a_kind():
    """An argument left out of a spec's kinds is not tested: only tables and
    functions' own data-frame arguments (tested in their modules' tests) may be."""
    untested = {
        ("compute", "decimal_year", "dates"),
        ("data", "status", "today"),  # a date; tested in tests/test_data_status.py
        ("compute", "fit_trend", "df"),
        ("compute", "fit_trend", "date"),
        ("compute", "fit_trend", "value"),
        ("policy", "single_country_check", "shares_by_country"),
        ("shocks", "check_months", "what"),
        ("quarters", "pick_quarter", "known"),
        ("quarters", "quarter_shares", "columns"),
    }
    for module, name, _, kinds in SPECS:
        for arg in inspect.signature(_function(module, name)).parameters:
            assert arg in kinds or (module, name, arg) in untested, f"{module}.{name}({arg}=)"


# ------------------------------------------------------------------ check() never raises
class _Hostile:
    """An object whose ==, hash, str, repr, format, len and iteration all raise."""

    def __eq__(self, other):
        raise RuntimeError("==")

    def __hash__(self):
        raise RuntimeError("hash")

    def __str__(self):
        raise RuntimeError("str")

    __repr__ = __str__

    def __format__(self, spec):
        raise RuntimeError("format")

    def __len__(self):
        raise RuntimeError("len")

    def __iter__(self):
        raise RuntimeError("iter")

    def __float__(self):
        raise RuntimeError("float")


def _broken_generator():
    yield "Chile"
    raise RuntimeError("broken")


ODD_IDS = [
    ["00-lithium-top"],
    {"id": "00-lithium-top"},
    None,
    3,
    np.int64(3),
    b"00-lithium-top",
    _Hostile(),
    "",
    "x" * 10_000,
]
ODD_ANSWERS = [
    10**400,
    -(10**400),
    float("inf"),
    np.float64("nan"),
    pd.NA,
    None,
    _Hostile(),
    [_Hostile()],
    _broken_generator(),
    np.array([[1.0, 2.0], [3.0, 4.0]]),
    pd.DataFrame({"a": [1, 2]}),
    {"Chile": 1},
    {1, 2},
    b"Chile",
    complex(1, 2),
    object(),
    print,
    "x" * 10_000,
]
QUESTIONS = ["00-lithium-top", "00-lithium-share", "00-korea-minerals", "09-hhi"]


@pytest.mark.parametrize("qid", ODD_IDS, ids=lambda q: type(q).__name__)
def test_check_never_raises_on_an_odd_id(qid):
    fb = checks.check(qid, 1)
    assert isinstance(fb, checks.Feedback) and fb.status == "invalid"
    _assert_plain_sentence(fb.message)
    assert "\n" not in repr(fb)


@pytest.mark.parametrize("qid", QUESTIONS)
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda a: type(a).__name__)
def test_check_never_raises_on_an_odd_answer(qid, answer):
    fb = checks.check(qid, answer, **({"topic": "gallium"} if qid.startswith("09") else {}))
    assert isinstance(fb, checks.Feedback) and not fb.correct
    _assert_plain_sentence(fb.message)


@pytest.mark.parametrize(
    "topic", [_Hostile(), ["gallium"], 3, None, np.str_("galium")], ids=lambda t: type(t).__name__
)
def test_check_never_raises_on_an_odd_context(topic):
    fb = checks.check("09-hhi", 5000, topic=topic)
    assert isinstance(fb, checks.Feedback) and fb.status in ("invalid", "unanswered")
    _assert_plain_sentence(fb.message)


def test_check_forgives_spaces_and_case_in_the_id():
    assert checks.check(" 00-Lithium-Top ", checks.expected("00-lithium-top")).correct


@pytest.mark.parametrize("lesson", [0, "0", " 00 ", np.int64(0), 0.0])
def test_questions_reads_a_lesson_number_in_any_form(lesson):
    assert checks.questions(lesson) == checks.questions("00") != []


@pytest.mark.parametrize("lesson", ["99", "x", True, [0]])
def test_questions_of_no_lesson_is_an_error_not_an_empty_list(lesson):
    with pytest.raises(KoitError) as info:
        checks.questions(lesson)
    _assert_plain_sentence(str(info.value))


@pytest.mark.parametrize("call", [checks.expected, checks.fixed])
def test_teachers_functions_name_an_unknown_question_in_a_sentence(call):
    with pytest.raises(KoitError, match="Did you mean '00-lithium-top'"):
        call("00-lithum-top")
