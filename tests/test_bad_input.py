"""Bad input on every public helper gets one friendly sentence, never a raw traceback.

Each case below is a call a student might make. The test asserts that it raises a
KoitError (or, for checks, returns feedback) with a message that names the problem.
``docs/bad-input.md`` is generated from the same cases; regenerate it with

    python tests/test_bad_input.py --write
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import (  # noqa: E402
    capstone,
    checks,
    chips,
    compute,
    data,
    lessons,
    memory,
    metrics,
    minerals,
    networks,
    partnership,
    plots,
    policy,
    shocks,
    widgets,
)
from koit_lessons.errors import KoitError  # noqa: E402

DOC = Path(__file__).resolve().parents[1] / "docs" / "bad-input.md"
_COBALT = "minerals.producers('cobalt')"

# (call as a student writes it, function to run, words the message must contain)
CASES = [
    ('data.load("lithum_production")', lambda: data.load("lithum_production"), "no data set called"),
    ("data.load(3)", lambda: data.load(3), "must be given as text"),
    ("data.load(None)", lambda: data.load(None), "must be given as text"),
    ('data.cite("minerals")', lambda: data.cite("minerals"), "no data set called 'minerals'"),
    ("metrics.shares([])", lambda: metrics.shares([]), "empty"),
    ('metrics.shares("lithium")', lambda: metrics.shares("lithium"), "list, dict or Series"),
    ("metrics.shares(production)  (a whole table)",
     lambda: metrics.shares(pd.DataFrame({"production": [1.0]})), "not a whole table"),
    ('metrics.shares([1, "two"])', lambda: metrics.shares([1, "two"]), "must all be numbers"),
    ("metrics.shares([1, float('nan')])", lambda: metrics.shares([1, float("nan")]), "missing values"),
    ("metrics.shares([5, -1])", lambda: metrics.shares([5, -1]), "must not be negative"),
    ("metrics.shares([60, 50], total=100)", lambda: metrics.shares([60, 50], total=100), "more than the total"),
    ("metrics.shares([1, 2], total=0)", lambda: metrics.shares([1, 2], total=0), "greater than zero"),
    ("metrics.top_k_share([50, 50], k=0)", lambda: metrics.top_k_share([50, 50], k=0), "whole number"),
    ("metrics.hhi([0.5, 0.5])", lambda: metrics.hhi([0.5, 0.5]), "fractions"),
    ("metrics.hhi([80, 40])", lambda: metrics.hhi([80, 40]), "more than 100"),
    ("metrics.hhi_band(12000)", lambda: metrics.hhi_band(12_000), "between 0 and 10,000"),
    ("metrics.growth_rate(0, 5)", lambda: metrics.growth_rate(0, 5), "start value is 0"),
    ('metrics.growth_rate("100", 120)', lambda: metrics.growth_rate("100", 120), "must be a number"),
    ("metrics.cagr(100, 200, 0)", lambda: metrics.cagr(100, 200, 0), "more than 0"),
    ("metrics.cagr(-5, 200, 3)", lambda: metrics.cagr(-5, 200, 3), "positive"),
    ("metrics.doubling_time(0)", lambda: metrics.doubling_time(0), "above 0"),
    ("metrics.doubling_time(float('nan'))", lambda: metrics.doubling_time(float("nan")), "must be a number"),
    ('minerals.producers("lithum")', lambda: minerals.producers("lithum"), "Did you mean 'lithium'"),
    ("minerals.producers(7)", lambda: minerals.producers(7), "must be given as text"),
    ('minerals.producers("lithium", 1990)', lambda: minerals.producers("lithium", 1990), "no data for the year"),
    ('minerals.producers("lithium", "2024")', lambda: minerals.producers("lithium", "2024"), "without quotes"),
    ('minerals.world_total("gold")', lambda: minerals.world_total("gold"), "no mineral called"),
    ('plots.barh("table", "share_pct", "country")',
     lambda: plots.barh("table", "share_pct", "country"), "Pass a table"),
    ('plots.barh(empty_table, "share_pct", "country")',
     lambda: plots.barh(pd.DataFrame(), "share_pct", "country"), "empty"),
    (f'plots.barh({_COBALT}, "share", "country")',
     lambda: plots.barh(minerals.producers("cobalt"), "share", "country"), "no column 'share'"),
    (f'plots.barh({_COBALT}, "country", "country")',
     lambda: plots.barh(minerals.producers("cobalt"), "country", "country"), "must hold numbers"),
    ('plots.barh(my_table_without_source, "a", "b")',
     lambda: plots.barh(pd.DataFrame({"a": [1], "b": ["x"]}), "a", "b"), "no source note"),
    (f'plots.barh({_COBALT}, "share_pct", "country", ax=3)',
     lambda: plots.barh(minerals.producers("cobalt"), "share_pct", "country", ax=3), "ax= must be"),
    ('plots.hhi_bars(minerals.producers("cobalt"))',
     lambda: plots.hhi_bars(minerals.producers("cobalt")), "no column 'hhi'"),
    ('widgets.MineralExplorer("lithum")', lambda: widgets.MineralExplorer("lithum"), "Did you mean"),
    ('widgets.MineralExplorer("lithium", 1999)',
     lambda: widgets.MineralExplorer("lithium", 1999), "no data for the year"),
    ('lessons.lesson("99")', lambda: lessons.lesson("99"), "no lesson called"),
    ('shocks.simulate("lithium", "Chile", 150, elasticity=0.5)',
     lambda: shocks.simulate("lithium", "Chile", 150, elasticity=0.5), "between 0 and 100"),
    ('shocks.simulate("lithium", "Chle", 50, elasticity=0.5)',
     lambda: shocks.simulate("lithium", "Chle", 50, elasticity=0.5), "Did you mean 'Chile'"),
    ('shocks.simulate("lithium", "Chile", 50, elasticity=0)',
     lambda: shocks.simulate("lithium", "Chile", 50, elasticity=0), "positive number"),
    ('shocks.simulate("lithium", "Chile", 50, elasticity=0.5, stockpile_months=-2)',
     lambda: shocks.simulate("lithium", "Chile", 50, elasticity=0.5, stockpile_months=-2), "-2"),
    ('chips.stage_shares("fabs")', lambda: chips.stage_shares("fabs"), "no stage called 'fabs'"),
    ('chips.foundry_shares("2024Q9")', lambda: chips.foundry_shares("2024Q9"), "no quarter called"),
    ("compute.training_flop(-1, 5)", lambda: compute.training_flop(-1, 5), "more than 0"),
    ('compute.accelerator("H100")', lambda: compute.accelerator("H100"), "no chip called 'H100'"),
    ('partnership.trade("eurostat")', lambda: partnership.trade("eurostat"), "Did you mean 'eurostat_eur'"),
    ('partnership.value("korea_usd", "Korea to Italy", 2015)', lambda: partnership.value("korea_usd", "Korea to Italy", 2015), "Years in the data: 2018"),
    ('partnership.growth("press_usd", "Korea to Italy", 2010, 2024)', lambda: partnership.growth("press_usd", "Korea to Italy", 2010, 2024), "no growth is computed"),
    ('partnership.growth("eurostat_eur", "Italy to Korea", "2008", 2014)', lambda: partnership.growth("eurostat_eur", "Italy to Korea", "2008", 2014), "without quotes"),
    ('partnership.flows("korea_usd", "exports")', lambda: partnership.flows("korea_usd", "exports"), "no trade flow called 'exports'"),
    ('partnership.eu_rank(2020)', lambda: partnership.eu_rank(2020), "Years in the data: 2008, 2014"),
    ('networks.memberships("Koreaa")', lambda: networks.memberships("Koreaa"), "Did you mean 'Korea'"),
    ('networks.memberships(82)', lambda: networks.memberships(82), "as text in quotes"),
    ('networks.jaccard("Korea", "Italy", groupings=["G8"])', lambda: networks.jaccard("Korea", "Italy", groupings=["G8"]), "no grouping called 'G8'"),
    ('networks.jaccard("Korea", "Italy", groupings=[])', lambda: networks.jaccard("Korea", "Italy", groupings=[]), "is empty"),
    ('networks.centrality("pagerank")', lambda: networks.centrality("pagerank"), "no centrality measure"),
    ('capstone.profile("galium")', lambda: capstone.profile("galium"), "Did you mean 'gallium'"),
    ("capstone.profile(...)  (TOPIC not chosen)", lambda: capstone.profile(...), "Pick your topic first"),
    ('capstone.scenario("gallium", -10)', lambda: capstone.scenario("gallium", -10), "between 0 and 100"),
    ('capstone.scenario("lithium", 50, "Chle")', lambda: capstone.scenario("lithium", 50, "Chle"), "Did you mean 'Chile'"),
    # classes of input (see tests/test_bad_input_classes.py, which feeds them to every helper)
    ('minerals.producers("lithium", True)', lambda: minerals.producers("lithium", True), "must be a whole number"),
    ('minerals.producers("lithium", 2024.5)', lambda: minerals.producers("lithium", 2024.5), "must be a whole number"),
    ("metrics.shares([1, float('inf')])", lambda: metrics.shares([1, float("inf")]), "finite"),
    ("metrics.shares(np.array([[1, 2], [3, 4]]))", lambda: metrics.shares(np.array([[1, 2], [3, 4]])), "one column"),
    ("metrics.shares({30, 30, 40})", lambda: metrics.shares({30, 40}), "not a set"),
    ("metrics.shares([1 + 2j, 3])", lambda: metrics.shares([1 + 2j, 3]), "must all be numbers"),
    ("metrics.shares([1e308, 1e308])", lambda: metrics.shares([1e308, 1e308]), "too large"),
    ("metrics.hhi([0, 0])", lambda: metrics.hhi([0, 0]), "all 0"),
    ("metrics.top_k_share([80, 40])", lambda: metrics.top_k_share([80, 40]), "more than 100"),
    ("metrics.top_k_share([50, 50], k=2.5)", lambda: metrics.top_k_share([50, 50], k=2.5), "whole number"),
    ("metrics.cagr(1e-300, 1e300, 0.001)", lambda: metrics.cagr(1e-300, 1e300, 0.001), "too large"),
    ("metrics.growth_rate(100, float('inf'))", lambda: metrics.growth_rate(100, float("inf")), "finite"),
    ("metrics.doubling_time(float('inf'))", lambda: metrics.doubling_time(float("inf")), "finite"),
    ('minerals.concentration_table(2024, ["lithium", "Lithium "])',
     lambda: minerals.concentration_table(2024, ["lithium", "Lithium "]), "more than once"),
    ('policy.single_country_check({"China": 50, "china": 30})',
     lambda: policy.single_country_check({"China": 50, "china": 30}), "twice"),
    ('policy.strategic_list("Japan")', lambda: policy.strategic_list("Japan"), "no jurisdiction"),
    ('capstone.share_of("lithium", "Chle")', lambda: capstone.share_of("lithium", "Chle"), "Did you mean 'Chile'"),
    ("compute.training_flop(1e300, 1e300)", lambda: compute.training_flop(1e300, 1e300), "too large"),
    ('memory.concentration_history("yes")', lambda: memory.concentration_history("yes"), "True or False"),
    ('checks.questions("99")', lambda: checks.questions("99"), "no lesson"),
]  # fmt: skip

# checks never raise: they answer with feedback
FEEDBACK = [
    ('check("00-lithium-top", ...)', lambda: checks.check("00-lithium-top", ...), "Not answered yet"),
    ('check("00-lithium-share", "36.7")', lambda: checks.check("00-lithium-share", "36.7"), "without quotes"),
    ('check("00-lithium-share", [36, 37])', lambda: checks.check("00-lithium-share", [36, 37]), "one number"),
    ('check("00-lithium-share", float("nan"))', lambda: checks.check("00-lithium-share", float("nan")), "NaN"),
    ('check("00-lithium-top", 3)', lambda: checks.check("00-lithium-top", 3), "name in quotes"),
    ('check("00-korea-minerals", "graphite")', lambda: checks.check("00-korea-minerals", "graphite"), "list of names"),
    ('check("00-lithum-top", "Chile")', lambda: checks.check("00-lithum-top", "Chile"), "Did you mean"),
    ('check("09-hhi", 5000)  (topic= left out)', lambda: checks.check("09-hhi", 5000), "depends on your topic"),
    ('check("09-hhi", 5000, topic="gold")', lambda: checks.check("09-hhi", 5000, topic="gold"), "no topic called 'gold'"),
    ('check("00-lithium-top", "Chile", topic="gallium")', lambda: checks.check("00-lithium-top", "Chile", topic="gallium"), "no extra arguments"),
    ('check(["00-lithium-top"], 1)', lambda: checks.check(["00-lithium-top"], 1), "text in quotes"),
    ('check("00-lithium-share", 10**400)', lambda: checks.check("00-lithium-share", 10**400), "infinite"),
    ('check("00-korea-minerals", [1, 2])', lambda: checks.check("00-korea-minerals", [1, 2]), "names in quotes"),
    ('check("00-lithium-top", an_object_whose_str_raises)', lambda: checks.check("00-lithium-top", _Unreadable()), "name in quotes"),
]  # fmt: skip


class _Unreadable:
    def __repr__(self):
        raise RuntimeError("no repr")

    __str__ = __repr__


def _message(call) -> str:
    try:
        result = call()
    except KoitError as exc:
        return str(exc)
    return repr(result)


@pytest.mark.parametrize("text, call, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_a_friendly_koit_error(text, call, words):
    with pytest.raises(KoitError) as info:
        call()
    message = str(info.value)
    assert words in message
    assert "\n" not in message and len(message) < 400
    assert "Traceback" not in message


@pytest.mark.parametrize("text, call, words", FEEDBACK, ids=[c[0] for c in FEEDBACK])
def test_checks_answer_bad_input_with_feedback(text, call, words):
    fb = call()
    assert isinstance(fb, checks.Feedback) and not fb.correct
    assert words in fb.message


CLASSES = """
## Classes of input

`tests/test_bad_input_classes.py` lists every public helper of `data`, `metrics`,
`minerals`, `chips`, `memory`, `compute`, `policy`, `partnership`, `networks`, `shocks`,
`capstone` and `quarters` with a call that works and the kind of each argument, and
feeds each argument every input of its kind below (about 2,400 cases). A new public
helper fails that test until it is listed. The validators live in
`koit_lessons/errors.py`; modules call them.

### Years and whole numbers (a year, `k=`, `top=`, `step=`, a number of chips)
- **Accepted, same answer as the int:** `np.int64(2024)` (what `df["year"].max()`
  gives), `np.int32`, a pandas `Int64` value, a 0-d array `np.array(2024)`, and a float
  with a whole value (`2024.0`, `np.float64(2024.0)`) (`errors.as_whole`).
- **Refused, one sentence:** `True` and `np.True_` ("The year must be a whole number,
  e.g. 2024, not True."), a year in quotes ("Give the year as a number without quotes,
  e.g. 2024, not '2024'."), `2024.5`, NaN, infinity, `pd.NA`, a list, a dict, None
  where a value is required, a year not in the data ("There are no data for the year
  1800. Years in the data: 2023, 2024.").
- Messages show plain numbers: `2024`, never `np.int64(2024)` (`errors.said`).

### Numbers (a cut, a total, a rate, FLOP, a cap)
- **Accepted:** NumPy floats and ints, 0-d arrays, `Decimal`.
- **Refused:** text (`"100"`), bools, NaN, `pd.NA`, infinity and minus infinity, an
  int too large for a float (`10**400`), complex numbers, lists, dicts, None where a
  value is required. A result too large for a float (`metrics.cagr`,
  `metrics.growth_rate`, `compute.training_flop`, ...) is refused too, never returned
  as `inf` and never an `OverflowError`.

### Columns of numbers (`metrics.shares`, `top_k_share`, `hhi`)
- **Accepted, same answer:** a list, tuple, range, dict, 1-D array, Series, a nullable
  `Float64`/`Int64` column, a generator, a list of NumPy numbers or `Decimal`s.
- **Refused:** infinity (no more NaN and 0.0 in the answer), NaN or `pd.NA` ("Drop
  them first"), a 2-D array, a list of lists or a table ("one column"), a set (it
  drops repeated values), empty input, text, bools, complex numbers, one number, None;
  shares that are all 0 (`hhi`, `top_k_share`) or add up to more than 105.

### Names (data sets, minerals, stages, countries, jurisdictions, series, flows, ...)
- One rule everywhere (`errors.pick_name`): case and extra spaces are ignored, so
  `data.load(" Mineral_Production ")`, `minerals.producers("  RARE   EARTHS ")` and
  `policy.strategic_list("european union")` work; known aliases too (`"EU"`,
  `"South Korea"`, ISO3 codes for countries). Results and messages use the name as the
  data spell it.
- **Refused:** an unknown name (with "Did you mean"), a name that is not text (a
  number, a list, a dict, None where a name is required).
- A list of names with the same name twice (`minerals.concentration_table`), or a
  portfolio naming a country twice (`policy.single_country_check`, also a Series with
  a repeated index), is refused instead of giving duplicate or lost rows.

### Flags (`complete_only=`)
- `np.True_` and `np.False_` work as `True` and `False`; anything else is refused.

### `check(...)`
- Never raises, whatever the id, answer or context: an id that is not text (a list, a
  dict, None), an answer too large for a float, infinity, `pd.NA`, a 2-D array, a
  broken generator, or an object whose `==`, `str` or `repr` raise all get one
  sentence of feedback. Spaces and capitals around the id are forgiven.

### Left as documented
- `capstone.share_of(topic, who)` answers None for a country the source does not list
  (which is not the same as 0); only a near miss of a listed name (`"Chle"`) is
  refused, as a typo.
- `networks.club_view(...).jaccard` is NaN when neither country is in a chosen club,
  and `shocks.exposure` and `capstone.exposure` are empty tables for a topic with no
  sourced import data (a chip stage, gallium), as their docstrings say.
""".splitlines()


def render() -> str:
    lines = [
        "# What a student sees on bad input",
        "",
        "Generated by `python tests/test_bad_input.py --write` from the cases that",
        "`tests/test_bad_input.py` tests. Every helper raises `KoitError` (a `ValueError`)",
        "with one sentence; `check(...)` never raises and answers with feedback instead.",
        "",
        "| Call | Message |",
        "|------|---------|",
    ]
    for text, call, _ in CASES + FEEDBACK:
        msg = _message(call).replace("|", "\\|")
        lines.append(f"| `{text}` | {msg} |")
    lines += CLASSES
    lines += [
        "",
        "Also tested elsewhere: a missing data file, a damaged CSV and a damaged",
        "`datapackage.json` each give a sentence that says to reinstall",
        "(`tests/test_data_api.py`); a bad command line gives usage and exit code 2",
        "(`tests/test_cli.py`).",
    ]
    return "\n".join(lines) + "\n"


def test_docs_table_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "run: python tests/test_bad_input.py --write"
    )


if __name__ == "__main__" and "--write" in sys.argv:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
