"""Checked parts of lesson 09 (the capstone). Each student picks a topic, so every
answer of parts B and C depends on it: those checks take ``topic=TOPIC`` and compute the
expected value for that topic from the shipped data with :mod:`koit_lessons.capstone`.
The starter's three questions recall lessons 04, 05 and 08 and take no topic.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the course shows the method; neither gives the finished line.
Typical wrong numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s."""

from __future__ import annotations

from koit_lessons import capstone, metrics, minerals, networks
from koit_lessons.checks import Choice, Mistake, Question, question
from koit_lessons.errors import KoitError

CUT_PCT = 50  # the fixed shock of part C: the top supplier halves its output
STOP_PCT = 100  # exercise 8: the second-largest supplier stops altogether
BIG_PCT = 10  # exercise 2: the suppliers with at least this share
#: the line of "highly concentrated" in the 2023 U.S. Merger Guidelines (lesson 00)
HIGHLY_CONCENTRATED = 1_800
#: the starter's shock: nickel, 2024 (USGS), the largest miner halves its output
RECALL_MINERAL, RECALL_YEAR = "nickel", 2024
#: the starter's options for that shock, in % of world supply: a = the cut, c = the whole share
RECALL_OPTIONS = {"a": 50.0, "b": 31.0, "c": 62.0}


# --- starter: lessons 04, 05 and 08 ----------------------------------------------------


def _recall_share() -> float:
    return float(minerals.producers(RECALL_MINERAL, RECALL_YEAR)["share_pct"].iloc[0])


def _recall_shock() -> str:
    """The option nearest to share × 50 / 100 for the largest nickel miner (2024)."""
    lost = _recall_share() * CUT_PCT / 100
    return min(RECALL_OPTIONS, key=lambda letter: abs(RECALL_OPTIONS[letter] - lost))


question(
    Question(
        id="09-recall-1",
        prompt="Indonesia mined about 62 % of the world's nickel in 2024 (USGS). If it halved "
        "its output, about what share of world supply would be lost?",
        kind="choice",
        expected=_recall_shock,
        choices=(
            Choice(
                "a",
                "About 50 %: the size of the cut.",
                "cut-not-loss",
                "50 % is the cut in Indonesia's own output, not the share of world supply it "
                "removes.",
            ),
            Choice("b", "About 31 %: half of Indonesia's share."),
            Choice(
                "c",
                "About 62 %: Indonesia's share.",
                "no-cut",
                "That is what the world loses if Indonesia stops altogether; the cut was half.",
            ),
        ),
        hint="Which part of the world's supply does the cut remove?"
        "\n"
        "Lesson 05, rule 1: the world loses the cut part of the producer's share.",
        explain="You remembered lesson 05's first rule.",
    )
)


def _recall_clubs() -> str:
    """'a' when the data's clubs of both Korea and Italy are the G20, the OECD and the MSP."""
    both = set(networks.shared("Korea", "Italy")[0])
    if both == {"G20", "OECD", "MSP"}:
        return "a"
    return "b" if "G7" in both else "c"


question(
    Question(
        id="09-recall-2",
        prompt="Of lesson 08's ten clubs, which do Korea and Italy both belong to?",
        kind="choice",
        expected=_recall_clubs,
        choices=(
            Choice("a", "The G20, the OECD and the Minerals Security Partnership (MSP)."),
            Choice(
                "b",
                "The G7, the G20 and the OECD.",
                "partner-as-member",
                "The joint statement speaks of the Korea–G7 partnership: Korea is invited to the "
                "G7, but lesson 08's table lists members only.",
                "a partner or guest of a club counted as a member",
            ),
            Choice(
                "c",
                "None: Korea's clubs are in the Indo-Pacific, Italy's in Europe.",
                "blocs-never-overlap",
                "Most of their clubs differ, but lesson 08 found some they share: think of the "
                "global ones, and of the club the summit named for critical minerals.",
                "two countries' regional clubs taken to mean they share none",
            ),
        ),
        hint="Which clubs are neither European nor Indo-Pacific?"
        "\n"
        "Lesson 08, the section on shared clubs: networks.shared() listed them.",
        explain="You remembered where Korea and Italy meet.",
    )
)


question(
    Question(
        id="09-recall-3",
        prompt="Two sources give different shares of world supply for China's gallium. What "
        "do you check before you quote one in your brief?",
        kind="choice",
        expected=lambda: "c",
        choices=(
            Choice(
                "a",
                "Nothing: take the larger share, to be on the safe side.",
                "larger-source-safer",
                "A larger number is not a safer one: if the two measure different things, "
                "neither is 'too small'.",
                "the larger of two sources' figures taken as the safer one",
            ),
            Choice(
                "b",
                "Nothing: take the average of the two.",
                "average-sources",
                "An average of two different measures measures nothing: find out first what "
                "each one counts.",
                "two sources' different measures averaged",
            ),
            Choice(
                "c",
                "What each one measures (e.g. mined or refined, low- or high-purity), its data "
                "year and its coverage; then quote one with its source.",
            ),
        ),
        hint="Could the two sources be counting different things?"
        "\n"
        "Lesson 04, the section on USGS and IEA: what did it say to check before you quote?",
        explain="A number in a brief needs its measure, year and source.",
    )
)


# --- part B: how concentrated is the supply? -----------------------------------------


def _aliases(topic: str) -> dict[str, str]:
    """Other accepted names of the top supplier: its ISO code and the usual names of
    :data:`capstone.ALIASES` (e.g. 'China' for CSET's 'Mainland China', 'DRC')."""
    table = capstone.suppliers(topic)
    top = capstone.profile(topic).top_supplier
    codes = table.loc[table["supplier"] == top, "iso3"].dropna()
    if codes.empty:
        return {}
    code = str(codes.iloc[0])
    return {code: top, **{name: top for name in capstone.other_names(top, code)}}


def _all_aliases(topic: str) -> dict[str, str]:
    """Other accepted names of every supplier of the topic: its ISO code and the usual
    names of :data:`capstone.ALIASES` ('China', 'Korea' for CSET's 'Mainland China',
    'South Korea'), so a list typed by hand is read as Exercise 1's answer is."""
    table = capstone.suppliers(topic).dropna(subset=["iso3"])
    found: dict[str, str] = {}
    for supplier, code in zip(table["supplier"], table["iso3"], strict=True):
        found.update({name: supplier for name in capstone.other_names(supplier, str(code))})
        found[str(code)] = supplier
    return found


def _korea(topic: str) -> float:
    share = capstone.profile(topic).korea_pct
    return 0.0 if share is None else share


def _named(topic: str):
    table = capstone.suppliers(topic)
    return table[table["kind"] != "other"]


def _big(topic: str) -> list[str]:
    named = _named(topic)
    return sorted(named.loc[named["share_pct"] >= BIG_PCT, "supplier"])


def _big_strict(topic: str) -> list[str]:
    named = _named(topic)
    return sorted(named.loc[named["share_pct"] > BIG_PCT, "supplier"])


def _second(topic: str) -> str:
    return str(_named(topic)["supplier"].iloc[1])


def _hhi_with_other(topic: str) -> float:
    return metrics.hhi(capstone.suppliers(topic)["share_pct"])


def _band(topic: str) -> str:
    """'a', 'b' or 'c': the band of the topic's HHI (below 1,000 / 1,000–1,800 / above)."""
    band = capstone.profile(topic).hhi_band
    return {"unconcentrated": "a", "moderately concentrated": "b"}.get(band, "c")


def _top1(topic: str) -> float:
    return capstone.profile(topic).top1_pct


for q in (
    Question(
        id="09-top-supplier",
        prompt="Who is the largest supplier of your topic (a name in quotes)?",
        kind="text",
        context="topic",
        validate=capstone.pick_topic,
        expected=lambda topic: capstone.profile(topic).top_supplier,
        aliases=_aliases,
        hint="Is the suppliers table sorted? Look at where the largest share is."
        "\n"
        "Part B: capstone.suppliers() lists the suppliers largest first.",
        explain="You found the top supplier.",
    ),
    Question(
        id="09-big-suppliers",
        mistakes=(
            Mistake(
                "top-only",
                "the largest supplier only, not every supplier above the line",
                lambda topic: [capstone.profile(topic).top_supplier],
                "one supplier where all those above a line are asked",
            ),
            Mistake(
                "strict-not-at-least",
                "'more than 10 %' where the exercise says 'at least 10 %'",
                _big_strict,
                "a strict comparison (>) where 'at least' (>=) is asked",
            ),
        ),
        prompt=f"Which named suppliers of your topic have a share of at least {BIG_PCT} %?",
        kind="names",
        context="topic",
        validate=capstone.pick_topic,
        expected=_big,
        aliases=_all_aliases,
        hint="Which comparison keeps a supplier with exactly 10 %? Keep only the named "
        "suppliers."
        "\n"
        "Lesson 05's filter exercise: a condition on a column inside [ ], then the column of "
        "names of the rows you kept, as a list.",
        explain="Your filter keeps the right suppliers.",
    ),
    Question(
        id="09-top3-share",
        mistakes=(
            Mistake(
                "top1-not-top3",
                "the largest supplier's share only, not the three largest together",
                _top1,
                "the top share given where the top three together are asked",
            ),
        ),
        prompt="What share (%) of your topic's supply do the three largest suppliers have?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.5,
        expected=lambda topic: capstone.profile(topic).top3_pct,
        hint="Three shares together: which three, and is 'other countries' one supplier?"
        "\n"
        "Lesson 04 computed top-3 shares: metrics.top_k_share() adds the k largest.",
    ),
    Question(
        id="09-hhi",
        mistakes=(
            Mistake(
                "other-included",
                "the row 'other countries' counted as if it were one supplier",
                _hhi_with_other,
                "a residual row of many suppliers counted as one supplier",
            ),
            Mistake(
                "shares-not-squared",
                "the shares added up without squaring them",
                lambda topic: float(_named(topic)["share_pct"].sum()),
                "the shares summed, not their squares",
            ),
            Mistake(
                "fraction-shares",
                "the shares written as fractions (0.24), not in % (24)",
                lambda topic: capstone.profile(topic).hhi / 10_000,
                "an HHI computed from shares as fractions of 1",
            ),
        ),
        prompt="What is the Herfindahl–Hirschman index of your topic's supply? Write the "
        "calculation yourself.",
        context="topic",
        validate=capstone.pick_topic,
        tolerance=25,
        expected=lambda topic: capstone.profile(topic).hhi,
        hint="Which rows count, and what happens to each share before you add them?"
        "\n"
        "Lesson 00 and lesson 04 defined the HHI as the sum of the squared shares in %; in "
        "pandas, ** 2 works on a whole column.",
        explain="Your formula gives the HHI.",
    ),
    Question(
        id="09-hhi-band",
        prompt="In which band is your topic's HHI: below 1,000, 1,000 to 1,800, or above 1,800?",
        kind="choice",
        context="topic",
        validate=capstone.pick_topic,
        expected=_band,
        choices=(
            Choice(
                "a",
                "Unconcentrated (below 1,000).",
                "hhi-read-as-percent",
                "An HHI runs from 0 to 10,000, not to 100: compare your HHI itself with the "
                "lines at 1,000 and 1,800.",
            ),
            Choice(
                "b",
                "Moderately concentrated (1,000 to 1,800).",
                "band-edges-mixed",
                "Check which two lines your HHI lies between: the middle band ends at 1,800.",
                "the edges of the HHI bands mixed up",
            ),
            Choice(
                "c",
                "Highly concentrated (above 1,800).",
                "top-share-as-band",
                "A large top share alone does not settle the band unless its square passes "
                "1,800: compare the HHI itself with the lines.",
                "the band read off the top share instead of the HHI",
            ),
        ),
        hint="Put your HHI on a line from 0 to 10,000: which marks lie on either side of it?"
        "\n"
        "Lesson 00 and lesson 04: 1,000 and 1,800 are the edges of the bands.",
        explain="You placed your HHI in its band.",
    ),
):
    question(q)


def _pick_other(topics: object) -> str:
    """The second topic of Exercise 5b, from ``(TOPIC, OTHER_TOPIC)`` (or the second topic
    alone, as the grader's answer key passes it), or a one-sentence refusal that names
    OTHER_TOPIC: not chosen yet, or the same as TOPIC."""
    if isinstance(topics, (tuple, list)) and len(topics) == 2:
        main, other = topics
    else:
        main, other = None, topics
    if other is Ellipsis or other is None:
        raise KoitError(
            "Pick your second topic first: set OTHER_TOPIC to a mineral or chip stage in "
            "quotes, other than TOPIC, e.g. OTHER_TOPIC = 'copper'."
        )
    other = capstone.pick_topic(other)
    if main is not None and main is not Ellipsis and capstone.pick_topic(main) == other:
        raise KoitError(
            f"OTHER_TOPIC is your own topic ({other!r}): pick a second topic other than TOPIC."
        )
    return other


question(
    Question(
        id="09-other-top3",
        mistakes=(
            Mistake(
                "top1-not-top3",
                "the largest supplier's share only, not the three largest together",
                _top1,
                "the top share given where the top three together are asked",
            ),
            Mistake(
                "other-included",
                "the row 'other countries' counted as if it were one supplier",
                lambda topic: metrics.top_k_share(capstone.suppliers(topic)["share_pct"], 3),
                "a residual row of many suppliers counted as one supplier",
            ),
        ),
        prompt="Transfer: what share (%) of a second topic's supply do its three largest "
        "suppliers have?",
        context="topic",
        validate=_pick_other,
        unit="%",
        tolerance=0.5,
        expected=lambda topic: capstone.profile(topic).top3_pct,
        hint="Did you repeat Exercise 3's steps for the second topic, from its own suppliers "
        "table?"
        "\n"
        "Part B: capstone.suppliers() gives the table, Exercise 3 leaves out 'other "
        "countries', and metrics.top_k_share() adds the largest shares.",
        explain="The same method works on any topic.",
    )
)


# --- part C: Korea, Italy and a shock --------------------------------------------------


def _second_predict(topic: str) -> str:
    """'a' when the second supplier stopping (its whole share) removes more of world supply
    than the largest halving (half its share), else 'b'; no topic of the data comes within
    a point of a tie (the nearest: copper, 13.0 against 12.0)."""
    named = _named(topic)
    first, second = (float(v) for v in named["share_pct"].iloc[:2])
    return "a" if second * STOP_PCT > first * CUT_PCT else "b"


def _second_half(topic: str) -> float:
    return capstone.scenario(topic, CUT_PCT, supplier=_second(topic)).supply_lost_pct


for q in (
    Question(
        id="09-korea-share",
        prompt="What is Korea's share (%) of your topic's supply? If the source does not list "
        "Korea (share_of gives None), type 0: here 0 is the code for 'not listed', not a share "
        "of zero.",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=_korea,
        hint="Is Korea among your topic's suppliers, and under which name? If it is not "
        "listed, this check takes the number 0."
        "\n"
        "Part C shows a capstone function that finds one supplier's share; it gives None "
        "for 'not listed', which this check codes as 0.",
        explain="You found Korea's place in the data.",
    ),
    Question(
        id="09-supply-lost",
        mistakes=(
            Mistake(
                "no-cut",
                "the supplier's whole share, with the cut left out",
                _top1,
                "the producer's whole share, without applying the cut",
            ),
            Mistake(
                "cut-not-fraction",
                "the share times 50, with the cut not written as a fraction",
                lambda topic: _top1(topic) * CUT_PCT,
                "a cut in % used as if it were a fraction",
            ),
            Mistake(
                "cut-not-loss",
                "the size of the cut, not the share of world supply it removes",
                lambda topic: float(CUT_PCT),
                "the cut taken for the supply lost",
            ),
        ),
        prompt="The largest supplier cuts its output by half. What share (%) of world supply "
        "is lost?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=lambda topic: capstone.scenario(topic, CUT_PCT).supply_lost_pct,
        hint="Which two numbers does the loss depend on?"
        "\n"
        "Lesson 05, rule 1, and the paragraph above: the world loses the cut part of the "
        "supplier's share.",
        explain="That is the first number of your scenario.",
    ),
    Question(
        id="09-second-predict",
        prompt="Predict: which shock removes more of world supply — the second-largest "
        "supplier stopping altogether, or the largest halving its output (Exercise 7)?",
        kind="choice",
        context="topic",
        validate=capstone.pick_topic,
        expected=_second_predict,
        choices=(
            Choice(
                "a",
                "The second-largest supplier stopping altogether.",
                "stop-always-worse",
                "Stopping removes all of the second supplier's share, but for your topic is "
                "all of that share more than half of the largest one's?",
                "a supplier stopping taken to hurt more than a halving, whatever the shares",
            ),
            Choice(
                "b",
                "The largest supplier halving its output.",
                "largest-always-worse",
                "The largest supplier loses only half its output: for your topic, is half of "
                "its share more than the whole of the second supplier's?",
                "the largest supplier taken to matter most, whatever the size of the cut",
            ),
            Choice(
                "c",
                "The same: each is a shock to one supplier.",
                "any-shock-same",
                "A shock to one supplier removes its share times its cut: the shares and "
                "the cuts of the two shocks differ.",
                "two shocks taken to remove the same supply because each hits one supplier",
            ),
        ),
        hint="The loss depends on two numbers: which two, for each shock?"
        "\n"
        "Lesson 05, rule 1 (share × cut / 100), and your suppliers table: no calculator "
        "needed to compare.",
        explain="Now compute it and see.",
    ),
    Question(
        id="09-second-supplier-lost",
        mistakes=(
            Mistake(
                "top-not-second",
                "the loss from the largest supplier, not from the second",
                lambda topic: capstone.scenario(topic, CUT_PCT).supply_lost_pct,
                "the loss from the largest supplier given for another supplier's",
            ),
            Mistake(
                "half-not-stop",
                "the second supplier halving its output, not stopping",
                _second_half,
                "the cut of an earlier scenario kept where a new cut is asked",
            ),
        ),
        prompt="The second-largest supplier stops altogether (a cut of 100 %). What share (%) "
        "of world supply is lost?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=lambda topic: capstone.scenario(topic, STOP_PCT, supplier=_second(topic))[
            "supply_lost_pct"
        ],
        hint="Did your scenario name the second supplier, and with which cut?"
        "\n"
        "Exercise 8's text: capstone.scenario() takes the cut as its second argument and the "
        "supplier's name as its third; the variable second holds it.",
        explain="You ran the scenario for a second supplier.",
    ),
):
    question(q)
