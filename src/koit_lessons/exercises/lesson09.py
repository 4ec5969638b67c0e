"""Checked parts of lesson 09 (the capstone). Each student picks a topic, so every
answer here depends on it: the checks take ``topic=TOPIC`` and compute the expected
value for that topic from the shipped data with :mod:`koit_lessons.capstone`."""

from __future__ import annotations

from koit_lessons import capstone
from koit_lessons.checks import Mistake, Question, question

CUT_PCT = 50  # the fixed shock of part C: the top supplier halves its output
BIG_PCT = 10  # exercise 4: the suppliers with at least this share
#: the line of "highly concentrated" in the 2023 U.S. Merger Guidelines (lesson 00)
HIGHLY_CONCENTRATED = 1_800


def _aliases(topic: str) -> dict[str, str]:
    """Other accepted names of the top supplier: its ISO code and the usual names of
    :data:`capstone.ALIASES` (e.g. 'China' for CSET's 'Mainland China', 'DRC')."""
    table = capstone.suppliers(topic)
    top = capstone.profile(topic).top_supplier
    codes = table.loc[table["supplier"] == top, "iso3"].dropna()
    if codes.empty:
        return {}
    code = str(codes.iloc[0])
    return {code: top, **{name: top for name in capstone.ALIASES.get(code, ())}}


def _korea(topic: str) -> float:
    share = capstone.profile(topic).korea_pct
    return 0.0 if share is None else share


for q in (
    Question(
        id="09-top-supplier",
        prompt="Who is the largest supplier of your topic (a name in quotes)?",
        kind="text",
        context="topic",
        validate=capstone.pick_topic,
        expected=lambda topic: capstone.profile(topic).top_supplier,
        aliases=_aliases,
        hint="The suppliers table is sorted largest first: look at its first row.",
        explain="That is the supplier your brief is mostly about.",
    ),
    Question(
        id="09-top3-share",
        prompt="What share (%) of your topic's supply do the three largest suppliers have?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.5,
        expected=lambda topic: capstone.profile(topic).top3_pct,
        hint="Add the three largest shares of your topic's suppliers; leave out the row 'other"
        " countries' — it is many suppliers, not one.",
    ),
    Question(
        id="09-hhi",
        prompt="What is the Herfindahl–Hirschman index of your topic's supply?",
        context="topic",
        validate=capstone.pick_topic,
        tolerance=25,
        expected=lambda topic: capstone.profile(topic).hhi,
        hint="Square each named supplier's share, in %, and add them up (metrics.hhi() does "
        "it); leave out 'other countries'.",
    ),
    Question(
        id="09-korea-share",
        prompt="What is Korea's share (%) of your topic's supply (0 if the source does not "
        "list Korea)?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=_korea,
        hint="Look for Korea among your topic's suppliers (capstone has a function that finds "
        "one supplier's share); if Korea is not listed, its share is 0.",
    ),
    Question(
        id="09-supply-lost",
        prompt="The largest supplier cuts its output by half. What share (%) of world supply "
        "is lost?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=lambda topic: capstone.scenario(topic, CUT_PCT)["supply_lost_pct"],
        hint="Share of the largest supplier × 50 / 100 (lesson 05).",
    ),
):
    question(q)


def _named(topic: str):
    table = capstone.suppliers(topic)
    return table[table["kind"] != "other"]


def _big(topic: str) -> list[str]:
    named = _named(topic)
    return sorted(named.loc[named["share_pct"] >= BIG_PCT, "supplier"])


def _second(topic: str) -> str:
    return str(_named(topic)["supplier"].iloc[1])


def _concentrated(topic: str) -> str:
    return "yes" if capstone.profile(topic).hhi > HIGHLY_CONCENTRATED else "no"


for q in (
    Question(
        id="09-big-suppliers",
        mistakes=(
            Mistake(
                "top-only",
                "the largest supplier only, not every supplier above the line",
                lambda topic: [capstone.profile(topic).top_supplier],
                "one supplier where all those above a line are asked",
            ),
        ),
        prompt=f"Which named suppliers of your topic have a share of at least {BIG_PCT} %?",
        kind="names",
        context="topic",
        validate=capstone.pick_topic,
        expected=_big,
        hint="Filter the named suppliers on their share_pct column, then take the supplier "
        "column of the rows you kept.",
    ),
    Question(
        id="09-highly-concentrated",
        mistakes=(
            Mistake(
                "hhi-read-as-percent",
                "an HHI read as a percentage: it runs from 0 to 10,000",
                lambda topic: "no" if _concentrated(topic) == "yes" else "(none)",
            ),
        ),
        prompt="By the 1,800 line of the U.S. Merger Guidelines, is your topic's supply "
        "highly concentrated? Answer 'yes' or 'no'.",
        kind="text",
        context="topic",
        validate=capstone.pick_topic,
        expected=_concentrated,
        aliases=lambda topic: {"true": "yes", "false": "no", "y": "yes", "n": "no"},
        hint="Compare your HHI with the line, and mind the scale of each.",
    ),
    Question(
        id="09-second-supplier-lost",
        mistakes=(
            Mistake(
                "top-not-second",
                "the loss from the largest supplier, not from the second",
                lambda topic: capstone.scenario(topic, CUT_PCT)["supply_lost_pct"],
            ),
        ),
        prompt="The second-largest supplier cuts its output by half. What share (%) of world "
        "supply is lost?",
        context="topic",
        validate=capstone.pick_topic,
        unit="%",
        tolerance=0.2,
        expected=lambda topic: capstone.scenario(topic, CUT_PCT, supplier=_second(topic))[
            "supply_lost_pct"
        ],
        hint="capstone.scenario() takes a supplier's name; the second row of the named "
        "suppliers is the second-largest.",
    ),
):
    question(q)
