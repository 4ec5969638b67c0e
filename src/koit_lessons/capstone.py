"""The capstone's toolkit (lesson 09): one topic — a mineral or a stage of the chip
value chain — with its concentration, Korea's and Italy's place, a supply shock and
the facts for a brief, each from the shipped data sets.

Everything here is computed by the modules of lessons 01–06 (:mod:`minerals`,
:mod:`chips`, :mod:`shocks`, :mod:`policy`); this module only puts one topic's numbers
side by side, so that a student can write a brief from them.

>>> profile("gallium").top_supplier
'China'
>>> round(scenario("fabrication", 50)["supply_lost_pct"], 1)
12.0
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from koit_lessons import chips, data, glossary, metrics, minerals, policy, shocks
from koit_lessons._results import Result
from koit_lessons.errors import KoitError, did_you_mean, require_whole, said, unknown_name
from koit_lessons.language import marked, tr

__all__ = [
    "Profile",
    "MineralProfile",
    "Scenario",
    "FactSheet",
    "StageProfile",
    "topics",
    "pick_topic",
    "kind",
    "measure",
    "suppliers",
    "profile",
    "share_of",
    "scenario",
    "scenario_table",
    "exposure",
    "fact_sheet",
    "overview",
]

MINERAL, STAGE = "mineral", "chip stage"
#: how a chip stage is measured (a mineral's measure comes from its data rows): CSET's file
#: calls every number a "share provided" and, for the 2022 stage rows, does not say whether it
#: is a share of value added, sales or capacity (see ``data.cite("chip_value_chain_shares")``)
STAGE_MEASURE = marked(
    "share of the stage's world total as CSET gives it ({year}; CSET does not say whether of "
    "value added, sales or capacity)"
)
#: the 2019 input rows: CSET's 2021 report, each row naming its own source (``source_note``)
INPUT_MEASURE = marked(
    "share of the input's world total as CSET gives it ({year}; from the source each row names "
    "in source_note)"
)
#: the data's own words that the capstone's tables show, to be shown in the lesson's
#: language (the data keep English; see :func:`_shown`)
_DATA_WORDS = (
    marked("Mine production, bauxite (dry weight)"),
    marked("Mine production, cobalt content"),
    marked("Mine production, copper content"),
    marked("Primary production, low-purity gallium"),
    marked("Mine production, natural graphite"),
    marked("Mine production, lithium content"),
    marked("Mine production, nickel content"),
    marked("Mine production, rare-earth-oxide equivalent"),
    marked("strategic raw material (CRMA Annex I)"),
    marked("strategic critical mineral (MOTIE 2023)"),
    marked("lithium hydroxide"),
    marked("neodymium permanent magnets"),
    marked("cobalt oxide and cobalt hydroxide"),
    marked("graphite"),
    marked("rare earth elements (REE+)"),
    marked("mineral"),
    marked("chip stage"),
)


#: a fact sheet's import rows, by importer (English as the data name the importer)
_IMPORTS = {
    "Korea": marked("Korea's {material} imports from {partner} ({year})"),
    "European Union": marked("European Union's {material} imports from {partner} ({year})"),
}


def _shown(words: str) -> str:
    """A word of the data (or of :data:`_DATA_WORDS`) in the lesson's language."""
    return tr(words)


def _topic_name(topic: str, kind: str, year: int) -> str:
    """A topic's name in the lesson's language: a mineral by its glossary name, a chip
    stage as lesson 02's figures name it (:data:`koit_lessons.chips.FIGURE_NAMES`, which
    holds each stage with its data year, "fabrication (2022)")."""
    if kind == MINERAL:
        return glossary.name(topic)
    suffix = f" ({year})"
    shown = tr(topic + suffix)
    return shown.removesuffix(suffix) if shown.endswith(suffix) else topic


def _label(topic: str, kind: str, year: int) -> str:
    """'gallium (mineral, 2024)': a topic with its kind and year, in the lesson's language."""
    return tr(
        "{topic} ({kind}, {year})",
        topic=_topic_name(topic, kind, year),
        kind=_shown(kind),
        year=year,
    )
#: the data year of a mineral topic: 2024, the latest year that USGS Mineral Commodity
#: Summaries 2026 gives revised. Its 2025 figures are first estimates, and for gallium the
#: rounded world total (900,000 kg) equals China's estimate, so shares would pass 100 %.
MINERAL_YEAR = 2024
#: other names by which a student may give a supplier (by ISO code, as in the data)
ALIASES = {
    "KOR": {"korea", "south korea", "korea, republic of", "republic of korea", "한국"},
    "ITA": {"italy"},
    "CHN": {"china", "mainland china", "people's republic of china", "prc"},
    "USA": {"us", "u.s.", "united states", "united states of america"},
    # "Congo" alone: the data have no Republic of the Congo (Brazzaville) row
    "COD": {"drc", "dr congo", "congo", "democratic republic of the congo", "congo (kinshasa)"},
    "MMR": {"myanmar", "burma"},
}


def _match(table: pd.DataFrame, who: str) -> pd.DataFrame:
    """The rows of ``table`` whose supplier is ``who``: by name, ISO code or alias."""
    wanted = " ".join(who.split()).lower()
    codes = table["iso3"].astype("string").str.upper()
    for code, names in ALIASES.items():
        if wanted in names or wanted == code.lower():
            return table[codes == code]
    said = [
        wanted in other_names(str(supplier), code if isinstance(code, str) else None)
        for supplier, code in zip(table["supplier"], codes, strict=True)
    ]
    return table[
        (table["supplier"].str.lower() == wanted)
        | (codes == wanted.upper())
        | pd.Series(said, index=table.index, dtype=bool)
    ]


def other_names(supplier: str, code: str | None) -> set[str]:
    """Other names (lower case) by which a student may give a supplier: the usual names
    of :data:`ALIASES`, the glossary's names of its code in every language (중국, Cina)
    and the edition's name of the row (a Korean student gives CSET's "Europe" as 유럽)."""
    names = {_shown(supplier).lower()}
    if code:
        names |= ALIASES.get(code, set()) | {n.lower() for n in glossary.names_of(code)}
    return names


def topics() -> dict[str, list[str]]:
    """The topics a capstone can be about: each mineral with production data and each
    stage of the chip value chain.

    Returns
    -------
    dict of str to list of str
        "mineral" → :func:`koit_lessons.minerals.mineral_names`, "chip stage" →
        :func:`koit_lessons.chips.stages`.

    Examples
    --------
    >>> topics()["chip stage"][:2]
    ['EDA software', 'core IP']
    """
    return {MINERAL: minerals.mineral_names(), STAGE: chips.stages()}


def _all_topics() -> list[str]:
    return [t for names in topics().values() for t in names]


def pick_topic(topic: object) -> str:
    """The topic's canonical name, or a friendly error that lists the allowed ones.

    Parameters
    ----------
    topic : str
        A mineral or chip stage (case and extra spaces are ignored); a mineral may also
        be named in Korean or Italian, as in the glossary.

    Returns
    -------
    str
        The topic as :func:`topics` spells it.

    Raises
    ------
    KoitError
        If ``topic`` is None or ``...`` (not chosen yet), not text, or not a topic.

    Examples
    --------
    >>> pick_topic("  Gallium "), pick_topic("cobalto"), pick_topic("희토류")
    ('gallium', 'cobalt', 'rare earths')
    """
    allowed = _all_topics()
    # quoted, because one topic ('assembly, test and packaging') contains commas
    listed = ", ".join(repr(t) for t in allowed)
    if topic is Ellipsis or topic is None:
        raise KoitError(
            "Pick your topic first: set TOPIC to one mineral or chip stage in quotes, "
            f"e.g. TOPIC = 'gallium'. Allowed: {listed}."
        )
    if not isinstance(topic, str):
        raise KoitError(
            f"The topic must be a name in quotes, e.g. 'gallium', not {said(topic)}. "
            f"Allowed: {listed}."
        )
    wanted = " ".join(topic.split()).lower()
    for name in allowed:
        if name.lower() == wanted:
            return name
    mineral = glossary.identify(topic, "mineral")  # a mineral in Korean or Italian: 'cobalto'
    if mineral in allowed:
        return mineral
    hint = did_you_mean(topic, allowed)
    raise KoitError(f"There is no topic called {topic!r}.{hint} Allowed: {listed}.")


def kind(topic: str) -> str:
    """'mineral' or 'chip stage'.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.

    Returns
    -------
    str

    Raises
    ------
    KoitError
        If ``topic`` is not a topic.

    Examples
    --------
    >>> kind("gallium"), kind("fabrication")
    ('mineral', 'chip stage')
    """
    name = pick_topic(topic)
    return MINERAL if name in topics()[MINERAL] else STAGE


def measure(topic: str) -> str:
    """What a topic's shares measure, with the year and the source, e.g. 'share of world
    mine production, lithium content (USGS, 2024; 3 of 8 country figures are USGS
    estimates)'.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.

    Returns
    -------
    str
        For a mineral, from the ``MINERAL_YEAR`` rows of ``mineral_production`` (2024, as
        revised by *Mineral Commodity Summaries 2026*), with how many of the country
        figures USGS marks as estimates; for a chip stage, ``STAGE_MEASURE`` (or
        ``INPUT_MEASURE`` for the 2019 inputs) with its year.

    Raises
    ------
    KoitError
        If ``topic`` is not a topic.

    Examples
    --------
    >>> measure("fabrication")[:55]
    "share of the stage's world total as CSET gives it (2022"
    """
    name = pick_topic(topic)
    if kind(name) == STAGE:
        year = int(suppliers(name)["year"].iloc[0])
        words = STAGE_MEASURE if year >= 2022 else INPUT_MEASURE
        return tr(words, year=year)
    year = MINERAL_YEAR
    rows = data.table(minerals.DATASET)
    rows = rows[(rows["mineral"] == name) & (rows["year"] == year) & (rows["kind"] == "country")]
    what = _shown(str(rows["measure"].iloc[0]))
    estimated = int(rows["estimated"].fillna(False).astype(bool).sum())
    if estimated == 0:
        note = tr("no country figure marked as an estimate")
    elif estimated == len(rows):
        note = tr("all country figures are USGS estimates")
    elif estimated == 1:
        note = tr("1 of {n} country figures is a USGS estimate", n=len(rows))
    else:
        note = tr("{k} of {n} country figures are USGS estimates", k=estimated, n=len(rows))
    return tr(
        "share of world {what} (USGS, {year}; {note})",
        what=what[0].lower() + what[1:],
        year=year,
        note=note,
    )


def suppliers(topic: str) -> pd.DataFrame:
    """The suppliers of a topic, largest first: ``supplier``, ``iso3``, ``share_pct``,
    ``kind`` ('country', 'region' or 'other') and ``year`` (for a mineral ``MINERAL_YEAR``,
    for a chip stage the year of the source).

    For a mineral: countries' shares of world production (USGS; mine production, or
    primary production for gallium, see :func:`measure`; countries whose
    output the source withholds and "Other countries" are left out). For a chip stage:
    the regions' shares of the stage (CSET), with "other countries" last.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.

    Returns
    -------
    pandas.DataFrame
        ``attrs`` holds the data set name, the topic and the source line.

    Raises
    ------
    KoitError
        If ``topic`` is not a topic.

    Examples
    --------
    >>> suppliers("EDA software")["supplier"].iloc[0]
    'United States'
    """
    name = pick_topic(topic)
    if kind(name) == MINERAL:
        year = MINERAL_YEAR
        table = minerals.producers(name, year)
        out = pd.DataFrame(
            {
                "supplier": table["country"],
                "iso3": table["iso3"],
                "share_pct": table["share_pct"],
                "kind": "country",
                "year": year,
            }
        )
        dataset = minerals.DATASET
    else:
        table = chips.stage_shares(name)
        out = table.rename(columns={"region": "supplier"})[
            ["supplier", "iso3", "share_pct", "kind", "year"]
        ].copy()
        dataset = chips.VALUE_CHAIN
    out = out.reset_index(drop=True)
    out.attrs = {"dataset": dataset, "topic": name, "source": data.source_line(dataset)}
    return out


def share_of(topic: str, who: str) -> float | None:
    """``who``'s share (%) of a topic's supply, or ``None`` where the source does not
    list it (which is not the same as zero: small producers are often not listed).

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.
    who : str
        A supplier's name as in the data, its ISO3 code or a known alias (e.g. "south korea").

    Returns
    -------
    float or None

    Raises
    ------
    KoitError
        If ``topic`` is not a topic, ``who`` is not non-empty text, or ``who`` is not
        listed but close to a listed supplier's name (a typo such as 'Chna').

    Examples
    --------
    >>> share_of("fabrication", "Korea")
    17.0
    """
    table = suppliers(topic)
    if not isinstance(who, str) or not who.strip():
        raise KoitError(f"Give a country or region as text, e.g. 'Korea', not {said(who)}.")
    share = _share(table, who)
    listed = table.loc[table["kind"] != "other", "supplier"].astype(str).tolist()
    typo = did_you_mean(who, listed)
    if share is None and typo:  # 'Chna' is a typo, not a supplier the source leaves out
        raise KoitError(
            f"There is no supplier of {pick_topic(topic)} called {said(who)}.{typo} "
            "A country the source does not list gives None."
        )
    return share


def _share(table: pd.DataFrame, who: str) -> float | None:
    hit = _match(table, who)
    return float(hit["share_pct"].iloc[0]) if not hit.empty else None


def _lists(name: str) -> dict[str, str | None]:
    """The strategic lists (EU, Korea) that name the mineral (see policy.strategic_list)."""
    lists = {}
    for jurisdiction in ("European Union", "Korea"):
        table = policy.strategic_list(jurisdiction)
        rows = table[table["mineral"] == name]
        lists[jurisdiction] = str(rows["list"].iloc[0]) if not rows.empty else None
    return lists


@dataclass(frozen=True)
class Profile(Result):
    """The numbers of a brief for one topic (see :func:`profile`); fields can also be
    read by name, ``p["hhi"]``. Shares are in %; one the source does not list is None.

    Parameters
    ----------
    topic : str
        The topic, as :func:`topics` spells it.
    kind : str
        'mineral' or 'chip stage'.
    year : int
        The data year.
    measure : str
        What the shares measure (:func:`measure`).
    top_supplier : str
        The largest named supplier.
    top1_pct, top3_pct : float
        The top-1 and top-3 shares.
    hhi : float
        The HHI of the named suppliers' shares.
    hhi_band : str
        Its band (:func:`koit_lessons.metrics.hhi_band`).
    korea_pct : float or None
        Korea's share.
    """

    topic: str
    kind: str
    year: int
    measure: str
    top_supplier: str
    top1_pct: float
    top3_pct: float
    hhi: float
    hhi_band: str
    korea_pct: float | None


@dataclass(frozen=True)
class MineralProfile(Profile):
    """A mineral's :class:`Profile`, with Italy's share and the strategic lists (EU CRMA,
    Korea 2023) that name it (None where a list does not).

    Parameters
    ----------
    topic, kind, year, measure, top_supplier, top1_pct, top3_pct, hhi, hhi_band, korea_pct
        As for :class:`Profile`.
    italy_pct : float or None
        Italy's share.
    eu_list, korea_list : str or None
        The EU and Korean list that names the mineral.
    """

    italy_pct: float | None
    eu_list: str | None
    korea_list: str | None


@dataclass(frozen=True)
class StageProfile(Profile):
    """A chip stage's :class:`Profile`, with Europe's share (CSET does not give Italy's).

    Parameters
    ----------
    topic, kind, year, measure, top_supplier, top1_pct, top3_pct, hhi, hhi_band, korea_pct
        As for :class:`Profile`.
    europe_pct : float or None
        Europe's share.
    """

    europe_pct: float | None


def profile(topic: str) -> MineralProfile | StageProfile:
    """The numbers of a brief for one topic: the top supplier, the top-1 and top-3
    shares (%), the HHI and its band, Korea's and Italy's (for chip stages:
    Europe's) share, and, for minerals, whether the EU and Korea list it as
    strategic. A share the source does not list is ``None``.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.

    Returns
    -------
    MineralProfile or StageProfile

    Raises
    ------
    KoitError
        If ``topic`` is not a topic.

    Examples
    --------
    >>> p = profile("fabrication")
    >>> p.top_supplier, p.top3_pct, p.hhi
    ('Mainland China', 59.0, 1642.0)
    """
    name = pick_topic(topic)
    table = suppliers(name)
    named = table[table["kind"] != "other"]
    shares = named["share_pct"]
    hhi = metrics.hhi(shares)
    common: dict[str, Any] = {
        "topic": name,
        "kind": MINERAL if table.attrs["dataset"] == minerals.DATASET else STAGE,
        "year": int(table["year"].iloc[0]),
        "measure": measure(name),
        "top_supplier": str(named["supplier"].iloc[0]),
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, min(3, len(shares))),
        "hhi": hhi,
        "hhi_band": metrics.hhi_band(hhi),
        "korea_pct": _share(table, "Korea"),
    }
    if common["kind"] == MINERAL:
        lists = _lists(name)
        return MineralProfile(
            **common,
            italy_pct=_share(table, "Italy"),
            eu_list=lists["European Union"],
            korea_list=lists["Korea"],
        )
    return StageProfile(**common, europe_pct=_share(table, "Europe"))


def _supplier_row(name: str, table: pd.DataFrame, supplier: object) -> pd.Series:
    """The row of ``supplier`` (the largest if None) among the named suppliers of a
    topic, or a friendly error listing them."""
    named = table[table["kind"] != "other"]
    if supplier is None:
        return named.iloc[0]
    hit = _match(named, supplier) if isinstance(supplier, str) else named.iloc[0:0]
    if hit.empty:
        raise unknown_name(f"supplier of {name}", supplier, named["supplier"].tolist())
    return hit.iloc[0]


@dataclass(frozen=True, repr=False)
class Scenario(Result):
    """The outcome of :func:`scenario`; read a value as ``result.supply_lost_pct`` or
    ``result["supply_lost_pct"]``. Shares and changes are in %; the numbers keep their full
    precision, the printout rounds them to one decimal.

    Parameters
    ----------
    topic : str
        The topic.
    supplier : str
        The supplier that cuts its output.
    supplier_share_pct : float
        Its share of the topic's supply.
    cut_pct : float
        The cut in its output.
    supply_lost_pct : float
        The share of world supply lost: share × cut / 100.
    stockpile_months : float
        The months of stocks assumed (used only with an elasticity, for a mineral).
    net_loss_pct : float or None
        The average share of supply still missing over 12 months once the stocks are used
        (None unless a mineral has an elasticity).
    elasticity : float or None
        The assumed size of the price elasticity of demand (None if not given or a chip
        stage).
    price_change_pct : float or None
        The teaching model's average price rise over 12 months (None unless a mineral has
        an elasticity).
    note : str or None
        What the model left out, e.g. why a chip stage has no price.
    """

    topic: str
    supplier: str
    supplier_share_pct: float
    cut_pct: float
    supply_lost_pct: float
    stockpile_months: float
    net_loss_pct: float | None
    elasticity: float | None
    price_change_pct: float | None
    note: str | None

    def __repr__(self) -> str:
        def num(value: float) -> str:
            return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 == 0 else f"{value:,.1f}"

        def row(label: str, value: str) -> str:
            # pad by terminal columns: a Korean character takes two, so that the values
            # of a Korean scenario line up as the English ones do (English unchanged)
            shown = tr(label)
            wide = sum(unicodedata.east_asian_width(c) in "WF" for c in shown)
            return f"  {shown:<{20 - wide}}{value}"

        lines = [
            tr(
                "Scenario for {topic} (teaching model, not a forecast)",
                topic=_topic_name(
                    self.topic, kind(self.topic), int(suppliers(self.topic)["year"].iloc[0])
                ),
            ),
            row(
                marked("supplier"),
                tr(
                    "{supplier} ({share} % of supply)",
                    # a CSET region as lesson 02's figures name it (a mineral's supplier
                    # is already in the edition's words)
                    supplier=_shown(self.supplier),
                    share=num(self.supplier_share_pct),
                ),
            ),
            row(marked("cut"), tr("{cut} % of its output", cut=num(self.cut_pct))),
            row(
                marked("supply lost"),
                tr("{lost} % of world supply", lost=num(self.supply_lost_pct)),
            )
            + "  [supply_lost_pct]",
        ]
        if self.price_change_pct is not None and self.elasticity is not None:
            over_a_year = marked("{value} % on average over 12 months")
            lines += [
                row(marked("stocks"), tr("{months} months", months=num(self.stockpile_months))),
                row(marked("net loss"), tr(over_a_year, value=num(self.net_loss_pct or 0.0)))
                + "  [net_loss_pct]",
                row(marked("elasticity"), tr("{e} (your assumption)", e=num(self.elasticity))),
                row(marked("price rise"), tr(over_a_year, value=num(self.price_change_pct)))
                + "  [price_change_pct]",
            ]
        if self.note:
            lines.append("  " + tr("note: {note}", note=self.note))
        lines.append(tr('To use a number, take it out by its name: result["supply_lost_pct"].'))
        return "\n".join(lines)


def scenario(
    topic: str,
    cut_pct: float,
    supplier: str | None = None,
    *,
    elasticity: float | None = None,
    stockpile_months: float = 0,
) -> Scenario:
    """A supply shock: ``supplier`` (the top one by default) cuts its output by
    ``cut_pct`` %. Returns the share of world supply lost (share × cut / 100).

    For a mineral, give an ``elasticity`` (your assumption, as in lesson 05) to get the
    teaching model's average price change over 12 months, with ``stockpile_months`` of
    stocks. For a chip stage the price is not modelled (``None``, with a ``note``):
    its shares are not shares of one good with one world price.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.
    cut_pct : float
        The cut in the supplier's output, in % (0 to 100).
    supplier : str, optional
        A named supplier of the topic (name, ISO3 code or alias); None (the default) for
        the largest.
    elasticity : float, optional
        For a mineral: the size of the price elasticity of demand (more than 0); None (the
        default) leaves the price out.
    stockpile_months : float, optional
        Months of the lost supply held in stock, 0 or more (default 0); used with
        ``elasticity``.

    Returns
    -------
    Scenario
        Its fields can be read by name, ``result["supply_lost_pct"]``, as from a dict;
        printed, it rounds to one decimal.

    Raises
    ------
    KoitError
        If the topic or supplier is unknown, or a number is out of its range.

    Examples
    --------
    >>> r = scenario("gallium", 50, elasticity=0.5)
    >>> round(r["supply_lost_pct"], 1), round(r.price_change_pct, 1)
    (49.5, 98.9)
    """
    name = pick_topic(topic)
    cut = shocks.check_cut(cut_pct)
    months = shocks.check_months(stockpile_months)
    table = suppliers(name)
    row = _supplier_row(name, table, supplier)
    share = float(row["share_pct"])
    who = str(row["supplier"])
    lost = shocks.supply_lost_pct(share, cut)
    is_mineral = table.attrs["dataset"] == minerals.DATASET
    net = price = used = None
    note = None
    if is_mineral and elasticity is not None:
        result = shocks.simulate(
            name, who, cut, elasticity=elasticity, stockpile_months=months, year=MINERAL_YEAR
        )
        net, price, used = result.net_loss_pct, result.price_change_pct, result.elasticity
    elif is_mineral and months:
        note = tr("Stocks change only the price: give an elasticity= to see their effect.")
    elif not is_mineral:
        note = tr(
            "No price for a chip stage: its shares are not shares of one traded good "
            "with one world price, so elasticity= and stockpile_months= are not used."
        )
    if 0 < cut < 1:  # 0.5 for 50 %: the answer would look like a fraction, not the cut
        fraction = tr(
            "A cut of {cut} % — did you mean {percent} %? The cut is in percent.",
            cut=f"{cut:g}",
            percent=f"{cut * 100:g}",
        )
        note = fraction if note is None else f"{fraction} {note}"
    return Scenario(
        topic=name,
        supplier=who,
        supplier_share_pct=share,
        cut_pct=cut,
        supply_lost_pct=lost,
        stockpile_months=float(months),
        net_loss_pct=net,
        elasticity=used,
        price_change_pct=price,
        note=note,
    )


def scenario_table(topic: str, top: int = 3, step: int = 10) -> pd.DataFrame:
    """The share of world supply lost (%) when each of the ``top`` largest suppliers
    (and any supplier tied with the last of them) cuts its output by 0, ``step``, ... 100 %:
    one row per supplier and cut, for a line figure
    (``plots.line(table, "cut_pct", "supply_lost_pct", "supplier")``).

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.
    top : int, optional
        How many of the largest named suppliers (1 or more; default 3).
    step : int, optional
        The step between cuts, in % (1 to 100; default 10).

    Returns
    -------
    pandas.DataFrame
        Columns ``supplier``, ``iso3``, ``cut_pct`` and ``supply_lost_pct``; ``attrs`` as
        for :func:`suppliers`, with a ``source`` line that names the teaching model.

    Raises
    ------
    KoitError
        If the topic is unknown, or ``top`` or ``step`` is not a whole number in range.

    Examples
    --------
    >>> scenario_table("fabrication", top=1, step=50)["supply_lost_pct"].tolist()
    [0.0, 12.0, 24.0]
    """
    name = pick_topic(topic)
    top = require_whole(
        top, minimum=1, message=f"top must be a whole number of 1 or more, not {said(top)}."
    )
    step = require_whole(
        step,
        minimum=1,
        maximum=100,
        message=f"step must be a whole number of percent from 1 to 100, not {said(step)}.",
    )
    table = suppliers(name)
    named = table[table["kind"] != "other"]
    if len(named) > top:  # a supplier tied with the last one kept is kept too
        named = named[named["share_pct"] >= named["share_pct"].iloc[top - 1]]
    cuts = list(range(0, 101, step))
    rows = [
        {
            "supplier": r.supplier,
            "iso3": r.iso3,
            "cut_pct": cut,
            "supply_lost_pct": shocks.supply_lost_pct(float(r.share_pct), cut),
        }
        for r in named.itertuples()
        for cut in cuts
    ]
    out = pd.DataFrame(rows)
    out.attrs = dict(table.attrs)
    out.attrs["source"] = tr(
        "Model: koit_lessons.shocks (teaching model; cuts are hypothetical); shares: {source}",
        # the table's source line begins "Source: " in the edition's language ("Fonte: ")
        source=str(table.attrs["source"])
        .removeprefix("Source: ")
        .removeprefix(tr("Source: {text}", text="")),
    )
    return out


def exposure(topic: str, supplier: str | None = None, cut_pct: float = 50) -> pd.DataFrame:
    """Which importers (Korea, the EU) get how much of a mineral from ``supplier`` (the
    top producer by default) and how much of their imports a cut of ``cut_pct`` %
    puts at risk, from the sourced import shares (see ``shocks.exposure``).

    The table is empty for a chip stage or a mineral without sourced import data:
    say so in the brief rather than guess.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.
    supplier : str, optional
        A named supplier of the topic (name, ISO3 code or alias); None (the default) for
        the largest.
    cut_pct : float, optional
        The fall in the supplier's exports, in % (0 to 100; default 50).

    Returns
    -------
    pandas.DataFrame
        Columns ``importer``, ``material``, ``year``, ``share_from_country_pct`` and
        ``imports_at_risk_pct``.

    Raises
    ------
    KoitError
        If the topic or supplier is unknown, or ``cut_pct`` is out of range.

    Examples
    --------
    >>> exposure("lithium", "China", 50)["importer"].tolist()[:1]
    ['Korea']
    """
    name = pick_topic(topic)
    cut_pct = shocks.check_cut(cut_pct)
    who = str(_supplier_row(name, suppliers(name), supplier)["supplier"])
    columns = ["importer", "material", "year", "share_from_country_pct", "imports_at_risk_pct"]
    if kind(name) != MINERAL or name not in shocks.import_minerals():
        empty = pd.DataFrame(columns=columns)
        empty.attrs = {"dataset": shocks.IMPORTS, "topic": name}
        return empty
    table = shocks.exposure(name, who, cut_pct)
    out = table[columns].copy()
    out.attrs = dict(table.attrs, topic=name)
    return out


class FactSheet(pd.DataFrame):
    """The table of :func:`fact_sheet`: a DataFrame that shows its text in full (pandas
    would cut any text longer than 50 characters with "...")."""

    @property
    def _constructor(self) -> type[FactSheet]:
        return FactSheet

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 200):
            return super().__repr__()

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None):
            return super()._repr_html_()


def _pct(value: float | None) -> str:
    if value is None or math.isnan(value):
        return tr("not listed in the source")
    return f"{value:.1f}%"


def fact_sheet(topic: str) -> pd.DataFrame:
    """One topic's facts as a small table (fact, value), to quote in a brief; the
    last row names every data set the sheet used, to cite.

    Parameters
    ----------
    topic : str
        A topic, as :func:`pick_topic` reads it.

    Returns
    -------
    FactSheet
        A pandas DataFrame with columns ``fact`` and ``value``, both text, shown without
        cutting long labels.

    Raises
    ------
    KoitError
        If ``topic`` is not a topic.

    Examples
    --------
    >>> fact_sheet("gallium").iloc[0].tolist()
    ['topic', 'gallium (mineral, 2024)']
    """
    p = profile(topic)
    rows = [
        (tr("topic"), _label(p.topic, p.kind, p.year)),
        (tr("measure"), p.measure),
        (tr("top supplier"), f"{_shown(p.top_supplier)} ({p.top1_pct:.1f}%)"),
        (tr("top-3 share"), f"{p.top3_pct:.1f}%"),
        ("HHI", f"{p.hhi:,.0f} ({tr(p.hhi_band)})"),
        (tr("Korea's share"), _pct(p.korea_pct)),
    ]
    if p.kind == MINERAL:
        no = tr("no")
        rows += [
            (tr("Italy's share"), _pct(p.italy_pct)),
            (tr("on the EU's CRMA lists"), _shown(p.eu_list) if p.eu_list else no),
            (
                tr("among Korea's 10 strategic critical minerals (2023)"),
                _shown(p.korea_list) if p.korea_list else no,
            ),
        ]
        # every sourced import share of the mineral (latest year of each importer and
        # material), not only the top producer's: the data name the main partners
        has_imports = p.topic in shocks.import_minerals()
        mine = shocks.import_sources(p.topic) if has_imports else shocks.import_sources()[:0]
        latest = mine[
            mine["year"] == mine.groupby(["importer", "material"])["year"].transform("max")
        ]
        for r in latest.itertuples():
            other = r.importer + "'s {material} imports from {partner} ({year})"
            words = _IMPORTS.get(r.importer, other)
            fact = tr(
                words,
                material=_shown(r.material),
                partner=glossary.name(r.partner_iso3, default=r.partner),
                year=r.year,
            )
            rows.append((fact, _pct(r.share_pct)))
    else:
        rows.append((tr("Europe's share (Italy not shown separately)"), _pct(p.europe_pct)))
    # every data set the sheet used: a student cites KITA's import shares, not USGS, for them
    used = [minerals.DATASET, policy.STRATEGIC_LISTS] if p.kind == MINERAL else [chips.VALUE_CHAIN]
    if p.kind == MINERAL and not latest.empty:
        used.append(shocks.IMPORTS)
    rows.append((tr("cite"), ", ".join(f"data.cite({name!r})" for name in used)))
    return FactSheet(rows, columns=["fact", "value"])


def overview() -> pd.DataFrame:
    """Every topic's top supplier, top-1 and top-3 shares and HHI, most concentrated
    first, with a ``label`` such as 'gallium (mineral, 2024)' for figures.

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``topic``, ``kind``, ``year``, ``top_supplier``, ``top1_pct``,
        ``top3_pct`` and ``hhi``, sorted by ``hhi`` from high to low.

    Examples
    --------
    >>> overview()["label"].iloc[0]
    'gallium (mineral, 2024)'
    """
    rows = []
    for name in _all_topics():
        p = profile(name)
        rows.append(
            {
                "label": _label(name, p.kind, p.year),
                **{k: p[k] for k in ("topic", "kind", "year", "top_supplier")},
                **{k: p[k] for k in ("top1_pct", "top3_pct", "hhi")},
            }
        )
    out = pd.DataFrame(rows).sort_values("hhi", ascending=False).reset_index(drop=True)
    out.attrs = {
        "source": "Sources: "
        + tr(
            "USGS, Mineral Commodity Summaries 2026 (world production, 2024); "
            "CSET, chip value chain shares (2019, 2022). See data.cite()."
        ),
    }
    return out
