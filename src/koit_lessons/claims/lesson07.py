"""The numbers in lesson 07's prose (Korea and Italy: trade in goods)."""

from __future__ import annotations

from collections.abc import Callable

from koit_lessons import partnership, policy
from koit_lessons.claims import Claim, Fixed
from koit_lessons.exercises.lesson07 import _days_to_dialogue, _lithium_check

EU = "eurostat_eur"
TO_KOREA, TO_ITALY = "Italy to Korea", "Korea to Italy"
ITCCK_2018 = "ITCCK, ambassador's message of 2018 (data 2017), itcck.org"
TRIPODI = "aise, 12 February 2026 (Undersecretary Tripodi at the Italy–Korea Strategic Dialogue)"


def _total(series: str, year: int) -> float:
    return float(partnership.trade(series).set_index("year").loc[year, "total"])


def _deficit_million(series: str, year: int) -> float:
    """Korea's deficit with Italy in USD million (the series is in USD billion)."""
    return -float(partnership.trade(series).set_index("year").loc[year, "balance"]) * 1000


def _growth() -> float:
    return partnership.growth(EU, TO_KOREA, 2008, 2014)


def _cagr() -> float:
    return partnership.cagr(EU, TO_KOREA, 2008, 2014)


def _before_after() -> float:
    return float(partnership.before_after(EU, TO_KOREA)["change_pct"])


def _eu(flow: str, year: int) -> Callable[[], float]:
    return lambda: partnership.value(EU, flow, year)


def _eu_ceiling() -> float:
    return policy.target_value("eu-single-country")


def _relative_excess() -> float:
    """The wrong option of 07-recall-2: how much larger the share is than the goal, in %."""
    result = _lithium_check()
    return (result.top_share_pct / result.cap_pct - 1) * 100


ENTRIES = [
    # the retrieval starter (lesson 06): the CRMA's ceiling and Korea's lithium gap
    Claim("has a **65 %** figure for 2030", _eu_ceiling),
    Claim("at least 65 % of what it uses", _eu_ceiling),
    Claim("at most 65 % of the EU's yearly consumption", _eu_ceiling),
    Claim(
        "China supplied **79.6 %** of the value", lambda: _lithium_check().top_share_pct, digits=1
    ),
    Claim("goal is **at most 50 %** dependence", lambda: _lithium_check().cap_pct),
    Claim("**a** 29.6 percentage points", lambda: _lithium_check().excess_pp, digits=1),
    Claim("**b** 59.2 %", _relative_excess, digits=1),
    Claim("**c** 20.4 percentage points", lambda: 100 - _lithium_check().top_share_pct, digits=1),
    # section 2: three 2024 totals from three publishers
    Claim("gives about **USD 12.8 billion** in total", lambda: _total("press_usd", 2024), digits=1),
    Fixed(
        "**USD 12.6 billion**",
        "globalepic.co.kr, report on the Italy–Korea Business Forum, September 2025",
    ),
    Fixed("**EUR 11.4 billion**", TRIPODI),
    Fixed("an Italian surplus of about EUR 1 billion", TRIPODI),
    # Yonhap's deficit, recomputed from the two flows
    Claim("(a deficit of USD 1,810 million)", lambda: _deficit_million("korea_usd", 2018)),
    # model answer on FOB and CIF
    Claim(
        "imports from Italy (USD 6.3 billion)",
        lambda: partnership.value("korea_usd", TO_KOREA, 2018),
        digits=1,
    ),
    # Exercise 3: two series that cannot make one growth rate
    Claim("as **EUR 4.2 billion**; the Korean", _eu(TO_KOREA, 2014), digits=1),
    Claim("convert the EUR 4.2 billion to dollars", _eu(TO_KOREA, 2014), digits=1),
    Claim(
        "as **USD 6.3 billion**. A classmate",
        lambda: partnership.value("korea_usd", TO_KOREA, 2018),
        digits=1,
    ),
    # the Eurostat series
    Claim("Italy exported EUR 2.6 billion of goods to Korea", _eu(TO_KOREA, 2008), digits=1),
    Claim("imported EUR 3.0 billion: a deficit", _eu(TO_ITALY, 2008), digits=1),
    Claim("Italy's exports (EUR 4.2 billion)", _eu(TO_KOREA, 2014), digits=1),
    Fixed(
        "a **surplus of EUR 1.8 billion** with Korea",
        "CLEPA, 'Increasing trade surplus with South Korea' (source: Eurostat), 2015; "
        "not stored: the data set has no 2014 imports",
    ),
    # before and after the FTA
    Claim("so it is the same +62 %", _before_after),
    Claim("Italy's exports to Korea grow by 62 %", _growth),
    Claim("were EUR 2.6 billion in 2008", _eu(TO_KOREA, 2008), digits=1),
    Claim("and EUR 4.2 billion in 2014", _eu(TO_KOREA, 2014), digits=1),
    Claim("about 62 % higher", _growth),
    Claim("(8.3 % a year)", _cagr, digits=1),
    # what each side sells
    Fixed('made up "over 40 %" of Italy\'s exports to Korea in 2017', ITCCK_2018),
    # summary
    Claim("rose from EUR 2.6 billion (2008)", _eu(TO_KOREA, 2008), digits=1),
    Claim("to EUR 4.2 billion (2014)", _eu(TO_KOREA, 2014), digits=1),
    Claim("+62 %, 8.3 % a year", _growth),
    Claim("8.3 % a year —", _cagr, digits=1),
    # after the summit (model answer of the section 6 Think!)
    Claim("the Strategic Dialogue met 23 days later", _days_to_dialogue),
]
