"""Checked parts of lesson 09 (the capstone). Each student picks a topic, so every
answer here depends on it: the checks take ``topic=TOPIC`` and compute the expected
value for that topic from the shipped data with :mod:`koit_lessons.capstone`."""

from __future__ import annotations

from koit_lessons import capstone
from koit_lessons.checks import Question, question

CUT_PCT = 50  # the fixed shock of part C: the top supplier halves its output


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
