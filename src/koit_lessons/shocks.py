"""The supply-shock simulator's model: a few explicit rules as pure functions.

The model is a **teaching model, not a forecast**. It has four steps:

1. **Supply lost.** A producing country with a share ``s`` (%) of world mine
   production cuts its output by ``c`` (%). The world loses
   ``s × c / 100`` percent of its supply.
2. **Stockpile.** Buyers hold stocks worth ``m`` months of the lost supply and
   release them at the rate of the loss. For ``m`` months nothing is missing; after
   that the full loss bites. Over a horizon of ``H`` months (12 by default) the
   average loss is ``loss × (H − min(m, H)) / H``.
3. **Price response.** A first-order elasticity rule: the price rises until demand
   falls by as much as supply did, ``%Δprice = net loss % / |elasticity|``. The
   elasticity is an **assumption the student chooses**, not a measured fact. The
   rule is a straight-line approximation, reasonable for small losses; for large
   losses a demand curve with constant elasticity gives a much larger rise,
   ``(1 − loss)^(−1/elasticity) − 1`` (see :func:`price_change_pct`).
4. **Exposure.** An importer that buys a share ``p`` (%) of its imports of a
   material from the cutting country has ``p × c / 100`` percent of those imports
   at risk if the cutting country's exports of that material fall by ``c`` %.
   This is a separate assumption from step 1: the import data are for refined
   chemicals and magnets, not ore. The import shares come from the sourced
   ``import_sources`` data set.

>>> from koit_lessons import shocks
>>> shocks.supply_lost_pct(60.0, 50.0)
30.0
>>> shocks.net_loss_pct(30.0, stockpile_months=3)
22.5
>>> shocks.price_change_pct(22.5, elasticity=0.5)
45.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from koit_lessons import data, minerals
from koit_lessons._results import Result
from koit_lessons.errors import (
    KoitError,
    pick_name,
    require_number,
    require_percentage,
    said,
)

__all__ = [
    "HORIZON_MONTHS",
    "IMPORTS",
    "ShockResult",
    "check_cut",
    "check_months",
    "supply_lost_pct",
    "net_loss_pct",
    "price_change_pct",
    "stockpile_needed",
    "producer_share",
    "producing_countries",
    "simulate",
    "import_sources",
    "import_minerals",
    "exposure",
]

#: The horizon (months) over which a stockpile's effect is averaged.
HORIZON_MONTHS = 12
#: The data set of import shares by partner country.
IMPORTS = "import_sources"


def check_cut(cut_pct: object) -> float:
    """Return ``cut_pct`` as a float if it is a percentage from 0 to 100.

    Parameters
    ----------
    cut_pct : object
        The cut in percent: a finite number from 0 (no cut) to 100 (all output stops).

    Returns
    -------
    float

    Raises
    ------
    KoitError
        If ``cut_pct`` is not a finite number from 0 to 100.

    Examples
    --------
    >>> check_cut(50)
    50.0
    """
    return require_percentage(
        cut_pct,
        "cut",
        example="50 for a 50% cut",
        finite=True,
        message=f"The cut must be a percentage between 0 and 100 (0 = no cut, 100 = the "
        f"country stops all output), not {said(cut_pct)}.",
    )


def _check_share(share_pct: object) -> float:
    return _percent_of_supply(
        share_pct,
        "producer's share",
        "60 for 60% of world supply",
        "producer's share of world supply",
    )


def _check_loss(loss_pct: object) -> float:
    return _percent_of_supply(loss_pct, "supply loss", "10 for 10% of world supply")


def _percent_of_supply(value: object, what: str, example: str, long_what: str = "") -> float:
    message = f"The {long_what or what} must be between 0 and 100 %, not {said(value)}."
    return require_percentage(value, what, example=example, finite=True, message=message)


def _check_horizon(horizon_months: object) -> float:
    horizon = require_number(horizon_months, "horizon in months", example="12", finite=True)
    if horizon <= 0:
        raise KoitError(
            f"The horizon must be a positive number of months, not {said(horizon_months)}."
        )
    return horizon


def check_months(months: object, what: str = "stockpile cover") -> float:
    """Return ``months`` as a float if it is a finite number of months, 0 or more.

    Parameters
    ----------
    months : object
        The value to check: a finite number, 0 or more (0 means no stockpile).
    what : str, optional
        What the months measure, for the message (default "stockpile cover").

    Returns
    -------
    float

    Raises
    ------
    KoitError
        If ``months`` is not a finite number, or is negative.
    """
    value = require_number(months, f"{what} in months", example="3 for three months", finite=True)
    if value < 0:
        raise KoitError(
            f"The {what} in months cannot be negative: use 0 for no stockpile, not {said(months)}."
        )
    return value


def _check_elasticity(elasticity: object) -> float:
    value = require_number(elasticity, "elasticity", example="0.5", finite=True)
    if value <= 0:
        raise KoitError(
            f"The elasticity must be a positive number, the size of the demand response "
            f"(e.g. 0.5 means a 1% higher price cuts demand by 0.5%), not {said(elasticity)}."
        )
    return value


def supply_lost_pct(share_pct: float, cut_pct: float) -> float:
    """Share of world supply lost (%) when a producer with ``share_pct`` (%) of world
    production cuts its output by ``cut_pct`` (%): ``share × cut / 100``.

    Parameters
    ----------
    share_pct : float
        The producer's share of world production, in % (0 to 100).
    cut_pct : float
        The cut in the producer's output, in % (0 to 100).

    Returns
    -------
    float
        The share of world supply lost, in %.

    Raises
    ------
    KoitError
        If either value is not a finite number from 0 to 100.

    Examples
    --------
    >>> supply_lost_pct(40.0, 25.0)
    10.0
    """
    return _check_share(share_pct) * check_cut(cut_pct) / 100


def net_loss_pct(
    loss_pct: float, stockpile_months: float = 0, horizon_months: float = HORIZON_MONTHS
) -> float:
    """Average share of world supply missing over ``horizon_months`` when stocks worth
    ``stockpile_months`` months of the lost supply are released at the rate of the loss:
    ``loss × (horizon − min(months, horizon)) / horizon``.

    Parameters
    ----------
    loss_pct : float
        The share of world supply lost, in % (0 to 100).
    stockpile_months : float, optional
        Months of the lost supply held in stock, 0 or more (default 0).
    horizon_months : float, optional
        The months to average over, more than 0 (default ``HORIZON_MONTHS``, 12).

    Returns
    -------
    float
        The average share of world supply missing, in %.

    Raises
    ------
    KoitError
        If a value is not a finite number in its range.

    Examples
    --------
    >>> net_loss_pct(12.0, stockpile_months=6)
    6.0
    >>> net_loss_pct(12.0, stockpile_months=18)
    0.0
    """
    loss = _check_loss(loss_pct)
    months = check_months(stockpile_months)
    horizon = _check_horizon(horizon_months)
    return loss * (horizon - min(months, horizon)) / horizon


def price_change_pct(net_loss_pct: float, elasticity: float) -> float:
    """Price rise (%) from the first-order elasticity rule ``net loss % / |elasticity|``.

    ``elasticity`` is the size of the price elasticity of demand, a positive number
    that **you choose** (an assumption, not a sourced value). This is a teaching
    model, not a forecast. The rule is a straight-line approximation: it is
    reasonable for small losses, but for large ones a demand curve with constant
    elasticity would give a much larger rise, ``(1 − loss/100)^(−1/elasticity) − 1``.

    Parameters
    ----------
    net_loss_pct : float
        The share of world supply missing, in % (0 or more).
    elasticity : float
        The size of the price elasticity of demand (more than 0).

    Returns
    -------
    float
        The price rise in %, ``net_loss_pct / elasticity``.

    Raises
    ------
    KoitError
        If the loss is not a finite number of 0 or more, or the elasticity is not above 0.

    Examples
    --------
    >>> price_change_pct(10.0, elasticity=0.25)
    40.0
    """
    loss = require_number(
        net_loss_pct, "supply loss", example="10 for 10% of world supply", finite=True
    )
    if loss < 0:
        raise KoitError(f"The supply loss cannot be negative, not {said(net_loss_pct)}.")
    return loss / _check_elasticity(elasticity)


def stockpile_needed(
    loss_pct: float, target_net_loss_pct: float, horizon_months: float = HORIZON_MONTHS
) -> float:
    """Months of stocks needed to bring the average loss over ``horizon_months`` down to
    ``target_net_loss_pct``: the inverse of :func:`net_loss_pct`,
    ``horizon × (1 − target / loss)``, and 0 if the loss is already at or below target.

    Parameters
    ----------
    loss_pct : float
        The share of world supply lost, in % (0 to 100).
    target_net_loss_pct : float
        The average loss to aim for, in % (0 or more).
    horizon_months : float, optional
        The months to average over, more than 0 (default ``HORIZON_MONTHS``, 12).

    Returns
    -------
    float
        Months of stocks; 0.0 if ``loss_pct`` is at or below the target.

    Raises
    ------
    KoitError
        If a value is not a finite number in its range.

    Examples
    --------
    >>> stockpile_needed(20.0, 10.0)
    6.0
    """
    loss = _check_loss(loss_pct)
    target = require_number(
        target_net_loss_pct, "target loss", example="5 for 5% of world supply", finite=True
    )
    if target < 0:
        raise KoitError(f"The target loss cannot be negative, not {said(target_net_loss_pct)}.")
    horizon = _check_horizon(horizon_months)
    if loss <= target:
        return 0.0
    return horizon * (1 - target / loss)


def producing_countries(mineral: str, year: int | None = None) -> list[str]:
    """The countries with reported mine production of ``mineral`` in ``year``
    (latest by default), largest first.

    Parameters
    ----------
    mineral : str
        A mineral from :func:`koit_lessons.minerals.mineral_names`.
    year : int, optional
        A data year; None (the default) means the latest.

    Returns
    -------
    list of str
        Country names, as in :func:`koit_lessons.minerals.producers`.

    Raises
    ------
    KoitError
        If the mineral or year is not in the data.

    Examples
    --------
    >>> producing_countries("cobalt", 2024)[0]
    'Congo (Kinshasa)'
    """
    return minerals.producers(mineral, year)["country"].tolist()


def _producer_row(mineral: str, country: object, year: int | None) -> pd.Series:
    from koit_lessons import glossary

    table = minerals.producers(mineral, year)  # validates mineral and year
    pairs = list(zip(table["country"], table["iso3"], strict=True))
    codes = {str(code): str(name) for name, code in pairs if isinstance(code, str)}
    # a country's name in any of the three languages (a Korean edition shows 중국, and its
    # checks and students may still write "China")
    for name, code in pairs:
        if isinstance(code, str):
            codes.update({other: str(name) for other in glossary.names_of(code)})
    name = pick_name(
        f"producing country of {_mineral(mineral)}",
        country,
        table["country"].astype(str).tolist(),
        aliases=codes,
    )
    return table[table["country"] == name].iloc[0]


def _mineral(mineral: object) -> str:
    """The mineral's name as in the data (case and extra spaces ignored)."""
    return pick_name("mineral", mineral, minerals.mineral_names())


def producer_share(mineral: str, country: str, year: int | None = None) -> float:
    """The share (%) of world mine production of ``mineral`` held by ``country`` (a
    name as in the data, or an ISO alpha-3 code) in ``year`` (latest by default).

    Parameters
    ----------
    mineral : str
        A mineral from :func:`koit_lessons.minerals.mineral_names`.
    country : str
        A producing country's name or ISO alpha-3 code (case and surrounding spaces are
        ignored).
    year : int, optional
        A data year; None (the default) means the latest.

    Returns
    -------
    float
        The share in %.

    Raises
    ------
    KoitError
        If the mineral, year or country is not in the data.

    Examples
    --------
    >>> round(producer_share("cobalt", "COD", 2024), 1)
    74.8
    """
    return float(_producer_row(mineral, country, year)["share_pct"])


@dataclass(frozen=True)
class ShockResult(Result):
    """The outcome of one simulated supply cut (all shares and changes in %).

    Parameters
    ----------
    mineral : str
        The mineral, in lower case.
    country, iso3 : str
        The cutting country's name and ISO alpha-3 code, as in the data.
    year : int
        The data year used.
    producer_share_pct : float
        The country's share of world mine production.
    cut_pct : float
        The cut in its output.
    supply_lost_pct : float
        The share of world supply lost (:func:`supply_lost_pct`).
    stockpile_months, horizon_months : float
        The stockpile cover and the horizon, in months.
    net_loss_pct : float
        The average share missing over the horizon (:func:`net_loss_pct`).
    elasticity : float
        The assumed size of the price elasticity of demand.
    price_change_pct : float
        The price rise (:func:`price_change_pct`).
    """

    mineral: str
    country: str
    iso3: str
    year: int
    producer_share_pct: float
    cut_pct: float
    supply_lost_pct: float
    stockpile_months: float
    horizon_months: float
    net_loss_pct: float
    elasticity: float
    price_change_pct: float


def simulate(
    mineral: str,
    country: str,
    cut_pct: float,
    *,
    elasticity: float,
    stockpile_months: float = 0,
    year: int | None = None,
    horizon_months: float = HORIZON_MONTHS,
) -> ShockResult:
    """Simulate a cut of ``cut_pct`` % in ``country``'s mine production of ``mineral``.

    ``elasticity`` (required) is your assumption for the size of the price elasticity
    of demand; there is no default so that no value looks like a fact.

    Parameters
    ----------
    mineral : str
        A mineral from :func:`koit_lessons.minerals.mineral_names`.
    country : str
        A producing country's name or ISO alpha-3 code (see :func:`producer_share`).
    cut_pct : float
        The cut in the country's output, in % (0 to 100).
    elasticity : float
        The size of the price elasticity of demand (more than 0).
    stockpile_months : float, optional
        Months of the lost supply held in stock, 0 or more (default 0).
    year : int, optional
        A data year; None (the default) means the latest.
    horizon_months : float, optional
        The months to average over, more than 0 (default ``HORIZON_MONTHS``, 12).

    Returns
    -------
    ShockResult
        The inputs and the results of the four steps.

    Raises
    ------
    KoitError
        If the mineral, year or country is not in the data, or a number is out of range.

    Examples
    --------
    >>> r = simulate("cobalt", "Congo (Kinshasa)", 50, elasticity=0.5, year=2024)
    >>> round(r.supply_lost_pct, 1), round(r.price_change_pct, 1)
    (37.4, 74.8)
    """
    row = _producer_row(mineral, country, year)
    used_year = year if year is not None else max(minerals.years())
    share = float(row["share_pct"])
    cut = check_cut(cut_pct)
    months = check_months(stockpile_months)
    e = _check_elasticity(elasticity)
    lost = supply_lost_pct(share, cut)
    net = net_loss_pct(lost, months, horizon_months)
    return ShockResult(
        mineral=_mineral(mineral),
        country=str(row["country"]),
        iso3=str(row["iso3"]),
        year=int(used_year),
        producer_share_pct=share,
        cut_pct=cut,
        supply_lost_pct=lost,
        stockpile_months=months,
        horizon_months=float(horizon_months),
        net_loss_pct=net,
        elasticity=e,
        price_change_pct=price_change_pct(net, e),
    )


def import_minerals() -> list[str]:
    """The minerals with sourced import shares in ``import_sources``, alphabetically.

    Returns
    -------
    list of str
        The mineral names, in lower case.

    Examples
    --------
    >>> import_minerals()
    ['cobalt', 'graphite', 'lithium', 'rare earths']
    """
    return sorted(data.table(IMPORTS)["mineral"].unique())


def import_sources(mineral: str | None = None) -> pd.DataFrame:
    """The sourced import shares by partner country (``import_sources``), for one
    mineral or all. Each row: one partner's share of an importer's imports of a material.

    Parameters
    ----------
    mineral : str, optional
        A mineral from :func:`import_minerals` (case and surrounding spaces are ignored);
        None (the default) for all.

    Returns
    -------
    pandas.DataFrame
        A copy of the rows of ``import_sources``; ``attrs`` holds the data set name and
        its source line.

    Raises
    ------
    KoitError
        If ``mineral`` is not one of :func:`import_minerals`.

    Examples
    --------
    >>> sorted(import_sources("lithium")["partner"].unique())
    ['Chile', 'China']
    """
    df = data.table(IMPORTS).copy()
    if mineral is not None:
        mineral = pick_name("mineral with import data", mineral, import_minerals())
        df = df[df["mineral"] == mineral].reset_index(drop=True)
    df.attrs = {"dataset": IMPORTS, "source": data.source_line(IMPORTS)}
    return df


def exposure(mineral: str, country: str, cut_pct: float, year: int | None = None) -> pd.DataFrame:
    """Which importers are exposed to a cut in ``country``'s supply of ``mineral``.

    For each importer and traded material of that mineral in ``import_sources``
    (latest data year of each), the share of its imports that come from ``country``
    (``share_from_country_pct``) and the share at risk if the country's exports of
    that material fall by ``cut_pct`` % (``imports_at_risk_pct`` = share × cut / 100),
    a separate assumption from the mine cut of :func:`simulate`. Where the source does
    not list ``country`` as a partner, both are missing (NaN), not zero. Most exposed
    first. An empty table means there are no sourced import data for the mineral.

    Parameters
    ----------
    mineral : str
        A mineral from :func:`koit_lessons.minerals.mineral_names`.
    country : str
        A producing country's name or ISO alpha-3 code (see :func:`producer_share`).
    cut_pct : float
        The fall in the country's exports, in % (0 to 100).
    year : int, optional
        The year of mine production used to check ``country``; None (the default) means
        the latest.

    Returns
    -------
    pandas.DataFrame
        Columns ``importer``, ``importer_code``, ``material``, ``year``, ``basis``,
        ``share_from_country_pct``, ``imports_at_risk_pct`` and ``label``.

    Raises
    ------
    KoitError
        If the mineral, year or country is not in the production data, or the cut is out
        of range.

    Examples
    --------
    >>> table = exposure("lithium", "China", 50, 2024)
    >>> table.loc[0, "importer"], float(table.loc[0, "imports_at_risk_pct"])
    ('Korea', 39.8)
    """
    row = _producer_row(mineral, country, year)  # validates mineral, country, year
    cut = check_cut(cut_pct)
    df = data.table(IMPORTS)
    rows = df[df["mineral"] == _mineral(mineral)]
    columns = [
        "importer",
        "importer_code",
        "material",
        "year",
        "basis",
        "share_from_country_pct",
        "imports_at_risk_pct",
        "label",
    ]
    out = []
    for (importer, material), part in rows.groupby(["importer", "material"], sort=True):
        latest = part[part["year"] == part["year"].max()]
        hit = latest[latest["partner_iso3"] == row["iso3"]]
        share = float(hit["share_pct"].iloc[0]) if not hit.empty else math.nan
        first = latest.iloc[0]
        out.append(
            {
                "importer": importer,
                "importer_code": first["importer_code"],
                "material": material,
                "year": int(first["year"]),
                "basis": first["basis"],
                "share_from_country_pct": share,
                "imports_at_risk_pct": share * cut / 100,
                "label": f"{importer}: {material} ({int(first['year'])})",
            }
        )
    table = pd.DataFrame(out, columns=columns)
    table = table.sort_values("imports_at_risk_pct", ascending=False, na_position="last")
    table = table.reset_index(drop=True)
    table.attrs = {
        "dataset": IMPORTS,
        "source": "Source: KITA trade statistics as reported by BusinessKorea and Thailandaily; "
        "Eurostat (import_sources; see data.cite('import_sources')).",
    }
    return table
