"""Checked exercises of lesson 06 (Policy answers). Answers are computed by
:mod:`koit_lessons.policy` from the shipped data, never typed in.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the lesson shows the method; neither gives the finished line. Typical
wrong numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s."""

from __future__ import annotations

from koit_lessons import data, glossary, policy, shocks
from koit_lessons.checks import Choice, Mistake, Question, question

YEAR = 2024
#: lesson 05's assumed elasticity (the starter's cobalt cut does not depend on it)
ELASTICITY = 0.5
EU_REE = "rare earth elements (REE+)"


def _eu_cap() -> float:
    return policy.target_value("eu-single-country")


def _korea_goal() -> float:
    return policy.target_value("kor-single-country")


def _iea_top1(mineral: str, stage: str) -> float:
    """The top country's share at a stage, latest year in ``iea_supply_concentration``."""
    df = data.table("iea_supply_concentration")
    rows = df[(df["mineral"] == mineral) & (df["stage"] == stage)]
    rows = rows[rows["measure"] == "top-1 share"].sort_values("year")
    return float(rows["share_pct"].iloc[-1])


def _refining_top1(mineral: str) -> float:
    return _iea_top1(mineral, "refining")


def _world_top1(mineral: str) -> float:
    """The largest producer's share of world production in 2024 (USGS; lesson 04)."""
    caps = policy.cap_table(YEAR, _eu_cap()).set_index("mineral")
    return float(caps.loc[mineral, "top_share_pct"])


def _korea_lithium_china(year: int) -> float:
    # the portfolio names China in the lesson's language (중국, Cina)
    china = glossary.name("CHN")
    return float(policy.import_portfolio("Korea", "lithium hydroxide", year)[china])


def _eu_ree_top() -> float:
    return float(policy.import_portfolio("European Union", EU_REE, YEAR).max())


def _as_fraction(expected) -> Mistake:
    """The gap written as a fraction (0.27 for 27 percentage points)."""
    return Mistake(
        "fraction-not-points",
        "the gap as a fraction; percentage points are on the 0–100 scale of the shares",
        lambda: expected() / 100,
        "a gap in percentage points written as a fraction",
    )


# --- retrieval starter: lesson 05 (supply lost, what a stockpile buys) -------------------


def _cobalt_cut() -> shocks.ShockResult:
    return shocks.simulate("cobalt", "Congo (Kinshasa)", 25, elasticity=ELASTICITY, year=YEAR)


def _cobalt_option() -> str:
    """The letter whose value is the supply lost in a 25 % Congo (Kinshasa) cobalt cut."""
    r = _cobalt_cut()
    values = {
        "a": r.cut_pct,
        "b": r.supply_lost_pct,
        "c": r.producer_share_pct - r.cut_pct,
    }
    return min(values, key=lambda k: abs(values[k] - r.supply_lost_pct))


def _about(x: float) -> str:
    return f"about {x:.0f}%"


def _cobalt_choices() -> tuple[Choice, ...]:
    r = _cobalt_cut()
    return (
        Choice(
            "a",
            f"{r.cut_pct:.0f}% of world supply: the size of the cut.",
            "cut-not-loss",
            "The cut is a share of Congo (Kinshasa)'s own output, not of the world's. Rule 1 "
            "of lesson 05 used two numbers: which is missing here?",
            "the cut taken for the supply lost",
        ),
        Choice("b", f"{_about(r.supply_lost_pct)} of world supply."),
        Choice(
            "c",
            f"{_about(r.producer_share_pct - r.cut_pct)} of world supply: the share minus the cut.",
            "share-minus-cut",
            "Taking 25 away from the share treats the cut as percentage points of world "
            "supply. A cut by a quarter removes a quarter of what?",
            "the cut subtracted from the share instead of applied to it",
        ),
    )


question(
    Question(
        id="06-recall-1",
        prompt="Congo (Kinshasa) mined about 75% of the world's cobalt in 2024 (USGS). If it "
        "cut its output by 25%, what share of world supply would be lost, by lesson 05's rule 1?",
        kind="choice",
        expected=_cobalt_option,
        choices=_cobalt_choices(),
        hint="Lesson 05's rule 1 needs two numbers: the producer's share and the cut."
        "\n"
        "Lesson 05, section 1, rule 1: the share of world supply lost is the producer's "
        "share times the cut as a fraction.",
        explain="You remembered rule 1.",
    )
)


def _stockpile_option() -> str:
    """'b' when, in lesson 05's model, stocks delay the loss but leave the full loss after."""
    loss = _cobalt_cut().supply_lost_pct
    delays = shocks.net_loss_pct(loss, 3) < loss  # the average over the year falls
    full_after = shocks.net_loss_pct(loss, 12) == 0 and shocks.net_loss_pct(loss, 0) == loss
    return "b" if delays and full_after else "a"


question(
    Question(
        id="06-recall-2",
        prompt="In lesson 05's model, what does a stockpile of a few months buy a country "
        "facing a supply cut?",
        kind="choice",
        expected=_stockpile_option,
        choices=(
            Choice(
                "a",
                "Supply: the lost tonnes are replaced for good.",
                "stockpile-adds-supply",
                "Stocks run out. In lesson 05 the full loss came back once the months of stocks "
                "were used up.",
                "a stockpile read as new supply rather than time",
            ),
            Choice("b", "Time: the loss is delayed, not removed, while buyers adjust."),
            Choice(
                "c",
                "A lower price for years: the cut no longer matters once stocks exist.",
                "stockpile-lowers-price-for-good",
                "The model averages over 12 months only, and after the stocks are gone the price "
                "rule applies to the whole loss again.",
                "a stockpile taken to lower the price for good",
            ),
        ),
        hint="Think of what happens in month 4 after a 3-month stockpile."
        "\n"
        "Lesson 05, section 5 (the stockpile): the net loss over the year and the "
        "Think! on what a six-month stockpile buys and what not.",
        explain="You remembered what stocks buy.",
    )
)


# --- section 1: the targets --------------------------------------------------------------


def _measure(target_id: str) -> str:
    """What a target is a share of, e.g. "EU annual consumption of strategic raw materials"."""
    unit = policy.targets().set_index("target_id").loc[target_id, "unit"]
    return str(unit).removeprefix("% of ").strip()


def _options() -> dict[str, str]:
    """The choices of 06-processing-of-what: B is read from the data."""
    return {
        "A": "world production of strategic raw materials",
        "B": _measure("eu-processing"),
        "C": "the EU's imports from one single supplier country",
    }


def _targets(direction: str) -> list[str]:
    t = policy.targets()
    return sorted(t.loc[t["direction"] == direction, "target_id"])


question(
    Question(
        id="06-processing-of-what",
        mistakes=(
            Mistake(
                "world-not-eu-consumption",
                "a share of world production; the benchmarks count the EU's own use",
                lambda: "A",
                "a CRMA benchmark read as a share of world production",
            ),
            Mistake(
                "cap-not-benchmark",
                "the measure of a single-supplier cap, not of a capacity benchmark",
                lambda: "C",
                "a capacity benchmark read as a limit on one supplier",
            ),
            Mistake(
                "number-not-measure",
                "the benchmark's number, not what it is a share of: answer with one letter",
                lambda: f"{policy.target_value('eu-processing'):g}",
                "a target's number given where what it measures is asked",
            ),
        ),
        prompt="The CRMA's 40 % processing benchmark is 40 % of what? A: world production of "
        "strategic raw materials; B: the EU's annual consumption of them; C: the EU's imports "
        "from one single supplier country.",
        kind="text",
        expected=lambda: next(k for k, v in _options().items() if v == _measure("eu-processing")),
        aliases=lambda: {v: k for k, v in _options().items()},
        hint="Whose use or whose production does the unit column name?"
        "\n"
        "The table above: read the unit column of the eu-processing row to its end.",
        explain="You read the unit, not just the number.",
    )
)

question(
    Question(
        id="06-ceilings",
        mistakes=(
            Mistake(
                "floors-not-ceilings",
                "the floors ('at least'), not the ceilings ('at most')",
                lambda: _targets("at least"),
                "targets to reach where limits not to pass are asked",
            ),
        ),
        prompt="Which targets in policy.targets() are ceilings ('at most'), not floors? Give "
        "their target_id values.",
        kind="names",
        expected=lambda: _targets("at most"),
        hint="Which column says 'at least' or 'at most'? Keep only the rows you need."
        "\n"
        "Lesson 04 picked Indonesia's nickel row with table.loc[condition, column]: here "
        "the condition is on direction and the column is target_id.",
        explain="You wrote the filter.",
    )
)


# --- section 2: testing a portfolio against the cap ---------------------------------------


def _rare_earth_excess() -> float:
    return policy.single_country_check(
        policy.production_portfolio("rare earths", YEAR),
        _eu_cap(),
        rounding_pp=policy.USGS_ROUNDING_PP,
    ).excess_pp


question(
    Question(
        id="06-rare-earth-excess",
        prompt="Treat world rare-earth mine production in 2024 as a supply portfolio. By how "
        "many percentage points is the largest producer above the CRMA's 65% single-country "
        "cap (an illustration, not a test of the EU's consumption)?",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=_rare_earth_excess,
        hint="A gap in percentage points is one share minus another."
        "\n"
        "The worked example above the caps table: the check reports the largest share "
        "minus the cap. Do the same with rare earths' row of caps.",
        explain="You measured the gap.",
        mistakes=(
            Mistake(
                "share-not-excess",
                "the share itself, not how far it is above the cap",
                lambda: _world_top1("rare earths"),
                "a share given where its distance from a threshold is asked",
            ),
            Mistake(
                "cap-minus-share",
                "the cap minus the share, the wrong way round",
                lambda: _eu_cap() - _world_top1("rare earths"),
                "a difference taken the wrong way round",
            ),
            _as_fraction(_rare_earth_excess),
        ),
    )
)


def _over_cap() -> list[str]:
    return sorted(policy.cap_table(YEAR, _eu_cap()).query("not passes")["mineral"].tolist())


def _under_cap() -> list[str]:
    return sorted(policy.cap_table(YEAR, _eu_cap()).query("passes")["mineral"].tolist())


def _over_cap_countries() -> list[str]:
    """The largest producers of the minerals over the cap: the wrong column of the filter."""
    return sorted(set(policy.cap_table(YEAR, _eu_cap()).query("not passes")["top_country"]))


question(
    Question(
        id="06-minerals-over-cap",
        prompt="Which minerals in the data had a single country supplying more than 65% of "
        "world production in 2024 (mine production; primary production for gallium)?",
        kind="names",
        expected=_over_cap,
        # singular and plural are the same mineral when the list is typed by hand
        aliases=lambda: {"rare earth": "rare earths"},
        hint="Which column holds the largest producer's share? Compare it with 65."
        "\n"
        "Exercise 2's filter has the same shape: table.loc[condition, column], with the "
        "condition on top_share_pct and the column mineral.",
        explain="Your filter found them; the chart below shows the same line.",
        mistakes=(
            Mistake(
                "passes-not-fails",
                "the minerals under the cap, not over it",
                _under_cap,
                "a filter kept the rows that pass instead of those that fail",
            ),
            Mistake(
                "countries-not-minerals",
                "the producing countries, not the minerals: the right rows, the wrong column",
                _over_cap_countries,
                "the names taken from the wrong column of the right rows",
            ),
        ),
    )
)


# --- section 3: mining is not the whole chain --------------------------------------------


def _refining_option() -> str:
    """'c' when the top refiner is further over 65 % than the top miner (IEA and USGS)."""
    refining = _refining_top1("rare earths")
    mining = max(_iea_top1("rare earths", "mining"), _world_top1("rare earths"))
    if refining < _eu_cap():
        return "a"
    return "c" if refining > mining + 5 else "b"


question(
    Question(
        id="06-predict-refining",
        prompt="Predict before you look: rare-earth mining was a few points over the 65% cap in "
        "2024. Where is the top country's share of rare-earth refining?",
        kind="choice",
        expected=_refining_option,
        choices=(
            Choice(
                "a",
                "Below 65 %: refining is spread over more countries than mining.",
                "refining-less-concentrated",
                "Lesson 04 compared the two stages for several minerals: which stage had the "
                "longer top bars?",
                "refining thought less concentrated than mining",
            ),
            Choice(
                "b",
                "About where mining is: whoever mines the ore refines it.",
                "mined-where-refined",
                "Ore is traded across borders: lesson 04's copper was mined in one country and "
                "refined mostly in another.",
                "the refining stage assumed to sit where the ore is mined",
            ),
            Choice("c", "Far above 65 %: further over the cap than mining."),
        ),
        hint="Lesson 04: which stage, mining or refining, was more concentrated?"
        "\n"
        "Lesson 04's mine-vs-refine chart (and lesson 05's starter question 1) compared the "
        "top shares of the two stages.",
        explain="Now check your prediction against the IEA's figures below.",
    )
)


def _failing_stage_excess() -> float:
    """How far the IEA's top share is over the cap at the one stage that fails it."""
    over = [
        _iea_top1("rare earths", stage) - _eu_cap()
        for stage in ("mining", "refining")
        if _iea_top1("rare earths", stage) > _eu_cap()
    ]
    return over[0] if len(over) == 1 else float("nan")


question(
    Question(
        id="06-stage-that-fails",
        prompt="Two steps, with the IEA's two rare-earth rows (top-1 share, 2023). First decide "
        "which stage, mining or refining, passes the 65% cap and which fails it. Then give by "
        "how many percentage points the stage that fails is over the cap.",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=_failing_stage_excess,
        hint="Step 1 first: compare each row's share with 65. Only one is above it."
        "\n"
        "The table above has one row per stage; Exercise 3 showed how a gap to the cap "
        "is measured.",
        explain="You found the stage that fails and measured its gap.",
        mistakes=(
            Mistake(
                "mining-not-refining",
                "the mining row's gap: that stage passes; the question asks for the one that fails",
                lambda: _iea_top1("rare earths", "mining") - _eu_cap(),
                "the mining stage used where refining is asked",
            ),
            Mistake(
                "usgs-mining-excess",
                "Exercise 3's mining gap (USGS), not the refining gap",
                lambda: _world_top1("rare earths") - _eu_cap(),
                "the mining gap of an earlier exercise reused for refining",
            ),
            Mistake(
                "share-not-excess",
                "the share itself, not how far it is above the cap",
                lambda: _refining_top1("rare earths"),
                "a share given where its distance from a threshold is asked",
            ),
            Mistake(
                "cap-minus-share",
                "the cap minus the share, the wrong way round",
                lambda: _eu_cap() - _refining_top1("rare earths"),
                "a difference taken the wrong way round",
            ),
            Mistake(
                "mining-margin",
                "the mining stage's margin below the cap: that stage passes; the question "
                "asks for the one that fails",
                lambda: _eu_cap() - _iea_top1("rare earths", "mining"),
                "the margin of the stage that passes given for the gap of the one that fails",
            ),
            _as_fraction(_failing_stage_excess),
        ),
    )
)


# --- section 4: Korea's imports, and the EU's (transfer) ---------------------------------


def _korea_gap() -> float:
    return policy.single_country_check(
        policy.import_portfolio("Korea", "lithium hydroxide", 2023), _korea_goal()
    ).excess_pp


question(
    Question(
        id="06-korea-lithium-gap",
        prompt="In 2023, how many percentage points did China's share of Korea's lithium "
        "hydroxide imports exceed Korea's 50% figure (used here as an illustrative "
        "single-supplier threshold)?",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=_korea_gap,
        hint="Which row is 2023, and which number is Korea's figure?"
        "\n"
        "The korea_lithium table above has one row per year; Exercise 3 showed how a "
        "gap to a threshold is measured.",
        explain="You measured Korea's gap.",
        mistakes=(
            Mistake(
                "wrong-year",
                "the 2022 gap, not the 2023 one",
                lambda: _korea_lithium_china(2022) - _korea_goal(),
                "another year's row used",
            ),
            Mistake(
                "share-not-excess",
                "the share itself, not how far it is above the goal",
                lambda: _korea_lithium_china(2023),
                "a share given where its distance from a threshold is asked",
            ),
            Mistake(
                "rounded-share",
                "the share rounded to a whole number before subtracting: keep the table's decimal",
                lambda: round(_korea_lithium_china(2023)) - _korea_goal(),
                "a share rounded before a difference is taken, so the gap is off",
            ),
            Mistake(
                "eu-cap-for-korea",
                "the distance above the EU's 65% cap, not Korea's 50% figure",
                lambda: _korea_lithium_china(2023) - _eu_cap(),
                "one jurisdiction's threshold used for the other's portfolio",
            ),
            _as_fraction(_korea_gap),
        ),
    )
)


def _eu_margin() -> float:
    return _eu_cap() - _eu_ree_top()


question(
    Question(
        id="06-eu-rare-earth-margin",
        prompt="Transfer: the EU's 2024 imports of rare-earth elements (REE+) from outside the "
        "EU, by weight (Eurostat; lesson 05), as a portfolio. How many percentage points "
        "below the CRMA's 65% cap is the largest supplier's share?",
        kind="number",
        unit="percentage points",
        tolerance=0.1,  # with 0.2, the fraction 0.187 would be read as the excess 0
        expected=_eu_margin,
        hint="Build the portfolio first, then find its largest share."
        "\n"
        "Section 4's code built Korea's portfolio with policy.import_portfolio; the "
        "EU's material is named 'rare earth elements (REE+)', year 2024. A margin below "
        "the cap is the cap minus the share.",
        explain="You applied the test to a new portfolio.",
        mistakes=(
            Mistake(
                "excess-for-margin",
                "the check's excess_pp, which is 0 for a portfolio that passes",
                lambda: 0.0,
                "the excess (zero when a portfolio passes) given for the margin below the cap",
            ),
            Mistake(
                "share-not-margin",
                "the largest share itself, not its distance below the cap",
                _eu_ree_top,
                "a share given where its distance from a threshold is asked",
            ),
            Mistake(
                "share-minus-cap",
                "the share minus the cap: the right size but a negative sign",
                lambda: _eu_ree_top() - _eu_cap(),
                "a difference taken the wrong way round",
            ),
            Mistake(
                "korea-goal-for-eu",
                "the distance below Korea's 50% figure, not below the EU's cap",
                lambda: _korea_goal() - _eu_ree_top(),
                "one jurisdiction's threshold used for the other's portfolio",
            ),
            _as_fraction(_eu_margin),
        ),
    )
)


def _pass_not_safe_option() -> str:
    """'a' when the EU's rare-earth imports pass the cap while two suppliers together bring
    more than it and the refining stage fails it: passing is then not being safe."""
    portfolio = policy.import_portfolio("European Union", EU_REE, YEAR)
    two = float(portfolio.nlargest(2).sum())
    passes = _eu_ree_top() <= _eu_cap()
    return (
        "a" if passes and two > _eu_cap() and _refining_top1("rare earths") > _eu_cap() else "none"
    )


question(
    Question(
        id="06-pass-not-safe",
        prompt="The EU's 2024 rare-earth imports pass the 65% single-country line (Exercise 8). "
        "Which statement does the lesson's evidence support? a: passing says nothing about "
        "refining, and imports are not consumption; b: the EU is diversified, so a cut by "
        "China would not hurt; c: the portfolio fails, because China's and Russia's shares add "
        "up to more than 65%.",
        kind="choice",
        expected=_pass_not_safe_option,
        choices=(
            Choice(
                "a",
                "Passing does not show where earlier stages happened, and imports are not "
                "consumption.",
            ),
            Choice(
                "b",
                "The EU is diversified, so a cut by China would not hurt.",
                "pass-means-safe",
                "Passing only says that no one supplier is above the line. Add the two largest "
                "shares, and ask where the imported material was refined (section 3).",
                "passing a single-country cap taken to mean being safe",
            ),
            Choice(
                "c",
                "The portfolio fails, because China's and Russia's shares add up to more "
                "than 65 %.",
                "cap-on-sum",
                "Read section 1's definition again: the cap is on a single third country.",
                "a single-country cap applied to the sum of several suppliers",
            ),
        ),
        hint="What does the 65% line measure: one supplier, several, or a stage of the chain?"
        "\n"
        "Section 1 defines the cap (a single third country, at any stage of processing); "
        "section 3 compared the mining and refining stages.",
        explain="You kept the test apart from what it cannot show.",
    )
)


# --- section 5: two approaches ------------------------------------------------------------

#: The options of 06-korea-not-crma: each is a kind of target, found in a jurisdiction's
#: rows of policy_targets by its stage (or, for a ceiling, its direction).
_KINDS_OF_TARGET = {
    "a": ("stage", "recycling"),
    "b": ("direction", "at most"),
    "c": ("stage", "stockpile"),
    "d": ("stage", "processing"),
}


def _has(jurisdiction: str, letter: str) -> bool:
    column, value = _KINDS_OF_TARGET[letter]
    t = policy.targets(jurisdiction)
    return bool((t[column] == value).any())


def _korea_only() -> str:
    """The option that is a Korean target with no counterpart among the CRMA's."""
    found = [k for k in _KINDS_OF_TARGET if _has("Korea", k) and not _has("European Union", k)]
    return found[0] if len(found) == 1 else "none"


question(
    Question(
        id="06-korea-not-crma",
        prompt="Which kind of target does Korea's 2023 strategy set that the CRMA's Article 5 "
        "does not (the CRMA asks member states to coordinate stocks, but sets no number of "
        "days)? a: a recycling target; b: a ceiling on dependence on suppliers; c: a "
        "stockpile target; d: a processing-capacity target.",
        kind="choice",
        expected=_korea_only,
        choices=(
            Choice(
                "a",
                "A recycling target.",
                "recycling-korea-only",
                "Look again at the EU's rows: one of its floors is about recycling too.",
                "a target both set read as one side's alone",
            ),
            Choice(
                "b",
                "A ceiling on dependence on suppliers.",
                "ceiling-korea-only",
                "Exercise 2 found two ceilings: whose were they?",
                "a ceiling both set read as one side's alone",
            ),
            Choice("c", "A stockpile target."),
            Choice(
                "d",
                "A processing-capacity target.",
                "eu-target-as-korean",
                "Which jurisdiction's row has the stage 'processing'?",
                "an EU benchmark read as a Korean target",
            ),
        ),
        hint="Go through the targets table row by row: which stage appears for Korea only?"
        "\n"
        "Section 1's table: compare the stage and direction columns of the EU's four rows "
        "with Korea's three.",
        explain="You compared the two lists of targets.",
    )
)
