"""Policy answers (lesson 06): test supply portfolios against stated targets.

The EU Critical Raw Materials Act (Regulation (EU) 2024/1252) says that by 2030 no
more than **65 %** of the EU's annual consumption of each strategic raw material, at
any relevant stage of processing, should come from a single third country. Korea's
2023 strategy aims to cut its dependence on imports from "a select few" (or "specific")
countries across its strategic minerals from about 80 % to **50 %** by 2030. The EU's
is a cap on the largest single supplier; Korea's is reported less precisely, and
applying 50 % to one supplier of one product is an illustration only. The same small
check serves both: who is the largest supplier, is its share above the threshold, and
by how many percentage points?

The targets themselves are in the sourced data set ``policy_targets``.

>>> from koit_lessons import policy
>>> result = policy.single_country_check({"A": 70, "B": 20}, cap_pct=65)
>>> result.passes, result.excess_pp
(False, 5.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from koit_lessons import data, glossary, language, minerals
from koit_lessons._results import Result
from koit_lessons.errors import (
    KoitError,
    name_key,
    pick_name,
    require_number,
    require_percentage,
    require_year,
    said,
)

__all__ = [
    "EU_CAP_PCT",
    "ROUNDING_PP",
    "USGS_ROUNDING_PP",
    "CapCheck",
    "targets",
    "target_value",
    "single_country_check",
    "production_portfolio",
    "import_portfolio",
    "cap_table",
    "strategic_list",
    "msp_members",
]

#: The CRMA's single-third-country cap (%), as written in the Regulation.
#: the data set of strategic mineral lists (EU CRMA Annex I, Korea 2023)
STRATEGIC_LISTS = "strategic_minerals"
EU_CAP_PCT = 65.0
#: How far (percentage points) a portfolio may add up above 100 because of rounding.
ROUNDING_PP = 0.5
#: USGS rounds the country figures and the world total separately, so the
#: country shares of one mineral can add up to a little more than 100 (rare earths
#: 2024: 100.8 %). The data tests allow 5 %; so do checks of USGS portfolios.
USGS_ROUNDING_PP = 5.0


@dataclass(frozen=True)
class CapCheck(Result):
    """The result of testing a supply portfolio against a single-country cap.

    Parameters
    ----------
    top_country : str
        The largest supplier in the portfolio.
    top_share_pct : float
        Its share, in %.
    cap_pct : float
        The cap tested against, in %.
    passes : bool
        True if ``top_share_pct`` is at most ``cap_pct``.
    excess_pp : float
        Percentage points above the cap (0.0 if it passes).
    """

    top_country: str
    top_share_pct: float
    cap_pct: float
    passes: bool
    excess_pp: float  # how many percentage points the top share is above the cap (0 if it passes)


#: other names a student may give a jurisdiction (compared without case or extra spaces)
JURISDICTION_ALIASES = {
    "EU": "European Union",
    "E.U.": "European Union",
    "South Korea": "Korea",
    "Republic of Korea": "Korea",
    "ROK": "Korea",
    "KOR": "Korea",
}


def _jurisdiction(jurisdiction: object, table: pd.DataFrame) -> str:
    allowed = sorted(table["jurisdiction"].unique())
    return pick_name("jurisdiction", jurisdiction, allowed, aliases=JURISDICTION_ALIASES)


def _share(value: object, name: str) -> float:
    return require_percentage(value, f"share of {name!r}", kind="a number of percent from 0 to 100")


def _cap(cap_pct: object) -> float:
    return require_percentage(
        cap_pct,
        "cap",
        example="65",
        kind="a number of percent",
        above_zero=True,
        message=f"The cap must be a percentage above 0 and at most 100, not {said(cap_pct)}.",
    )


def single_country_check(
    shares_by_country: Mapping[str, float] | pd.Series,
    cap_pct: float = EU_CAP_PCT,
    *,
    rounding_pp: float = ROUNDING_PP,
) -> CapCheck:
    """Test a supply portfolio (country → share in %) against a single-country cap.

    The portfolio passes if no single country supplies more than ``cap_pct`` percent.
    ``excess_pp`` says by how many percentage points the largest supplier is above the
    cap (0.0 if it passes). Shares need not add up to 100 (sources often name only the
    main suppliers), but they may not add up to more than 100 plus ``rounding_pp``.

    Parameters
    ----------
    shares_by_country : dict or pandas.Series
        Country name (non-empty text) → share in % (0 to 100); not empty.
    cap_pct : float, optional
        The cap in %, above 0 and at most 100 (default ``EU_CAP_PCT``, 65).
    rounding_pp : float, optional
        How far the shares may add up above 100 (default ``ROUNDING_PP``, 0.5).

    Returns
    -------
    CapCheck
        The largest supplier (the first one named on a tie), its share, the cap, whether it
        passes and the excess (rounded to 6 decimals).

    Raises
    ------
    KoitError
        If the portfolio is not a non-empty mapping of names to shares, a share or the cap is
        out of range, or the shares add up to too much.

    Examples
    --------
    >>> single_country_check({"China": 79.6, "Chile": 17.5}, cap_pct=50).excess_pp
    29.6
    >>> single_country_check({"Chile": 40, "Australia": 35}).passes
    True
    """
    if isinstance(shares_by_country, pd.Series):
        repeated = shares_by_country.index[shares_by_country.index.duplicated()]
        if len(repeated):  # to_dict() would keep only the last of them
            raise KoitError(
                f"The portfolio names {said(repeated[0])} more than once: give each country "
                "once, e.g. add its rows up first with .groupby(...).sum()."
            )
        shares_by_country = shares_by_country.to_dict()
    if not isinstance(shares_by_country, Mapping):
        raise KoitError(
            "The portfolio must be a dict of country → share in %, e.g. "
            f"{{'China': 70, 'Chile': 20}}, not {type(shares_by_country).__name__}."
        )
    if not shares_by_country:
        raise KoitError("The portfolio is empty: give at least one country and its share in %.")
    cap = _cap(cap_pct)
    require_number(rounding_pp, "rounding_pp=", example="0.5")  # NaN: "not a number"
    rounding_pp = require_number(
        rounding_pp, "rounding_pp=", example="0.5", finite=True, at_least=0
    )
    shares: dict[str, float] = {}
    seen: dict[str, str] = {}
    for name, value in shares_by_country.items():
        if not isinstance(name, str) or not name.strip():
            raise KoitError(f"Country names must be text, e.g. 'China', not {said(name)}.")
        if name_key(name) in seen:
            raise KoitError(
                f"The portfolio names {seen[name_key(name)]!r} and {name!r}, the same country "
                "twice: give each country once."
            )
        seen[name_key(name)] = name
        shares[name] = _share(value, name)
    total = sum(shares.values())
    if total > 100 + rounding_pp:
        raise KoitError(
            f"The shares add up to {total:.1f}%, more than 100%: "
            "a country's shares of one total cannot add up to more than 100."
        )
    top = max(shares, key=shares.__getitem__)
    top_share = shares[top]
    excess = round(max(0.0, top_share - cap), 6)
    return CapCheck(top, top_share, cap, top_share <= cap, excess)


def targets(jurisdiction: str | None = None) -> pd.DataFrame:
    """The sourced policy targets (``policy_targets``), optionally for one jurisdiction.

    Parameters
    ----------
    jurisdiction : str, optional
        A jurisdiction as written in the data, e.g. "European Union" or "EU" (case and
        extra spaces are ignored); None (the default) for all.

    Returns
    -------
    pandas.DataFrame
        A new frame with the rows of ``policy_targets``.

    Raises
    ------
    KoitError
        If ``jurisdiction`` is not in the data.

    Examples
    --------
    >>> targets("European Union")["target_id"].tolist()[:2]
    ['eu-extraction', 'eu-processing']
    """
    df = data.table("policy_targets")
    if jurisdiction is None:
        return df.copy()
    jurisdiction = _jurisdiction(jurisdiction, df)
    return df[df["jurisdiction"] == jurisdiction].reset_index(drop=True)


def target_value(target_id: str) -> float:
    """The value of one target, e.g. ``target_value("eu-single-country")`` → 65.0.

    Parameters
    ----------
    target_id : str
        A ``target_id`` of ``policy_targets`` (case and extra spaces are ignored).

    Returns
    -------
    float
        The target's ``value``.

    Raises
    ------
    KoitError
        If there is no target with that id.

    Examples
    --------
    >>> target_value("eu-single-country")
    65.0
    """
    df = data.table("policy_targets").set_index("target_id")
    target_id = pick_name("target", target_id, df.index)
    return float(df.loc[target_id, "value"])


def production_portfolio(mineral: str, year: int | None = None) -> pd.Series:
    """Countries' shares (%) of world production of ``mineral`` (USGS data).

    Mine production, except gallium, for which USGS reports primary (refinery)
    production of low-purity gallium.

    Parameters
    ----------
    mineral : str
        A mineral from :func:`koit_lessons.minerals.mineral_names`.
    year : int, optional
        A data year; None (the default) means the latest.

    Returns
    -------
    pandas.Series
        Shares in % (float) indexed by country, largest first, as in
        :func:`koit_lessons.minerals.producers`.

    Raises
    ------
    KoitError
        If the mineral or year is not in the data.

    Examples
    --------
    >>> production_portfolio("cobalt", 2024).index[0]
    'Congo (Kinshasa)'
    """
    producers = minerals.producers(mineral, year)
    return producers.set_index("country")["share_pct"].astype(float)


def import_portfolio(importer: str, material: str, year: int) -> pd.Series:
    """Partners' shares (%) of an importer's imports of a material (``import_sources``).

    Only the partners the source names are listed, so the shares may add up to less
    than 100.

    Parameters
    ----------
    importer : str
        An importer as written in ``import_sources``, e.g. "Korea" (case and extra spaces
        are ignored).
    material : str
        A material that importer buys, e.g. "lithium hydroxide" (case and extra spaces are
        ignored).
    year : int
        A year with data for that importer and material.

    Returns
    -------
    pandas.Series
        Shares in % (float) indexed by partner.

    Raises
    ------
    KoitError
        If the importer, material or year is not in the data.

    Examples
    --------
    >>> import_portfolio("Korea", "lithium hydroxide", 2023).round(1).to_dict()
    {'China': 79.6, 'Chile': 17.5}
    """
    df = data.table("import_sources")
    importers = sorted(df["importer"].unique())
    importer = pick_name("importer", importer, importers, aliases=JURISDICTION_ALIASES)
    df = df[df["importer"] == importer]
    materials = sorted(df["material"].unique())
    material = pick_name(f"material imported by {importer}", material, materials)
    df = df[df["material"] == material]
    year = require_year(
        year, df["year"].unique(), f"There are no {importer} import shares for {material} in"
    )
    df = df[df["year"] == year]
    shares = df.set_index("partner")["share_pct"].astype(float)
    if language.current() != "en":
        # a Korean or Italian lesson names the partners in its language, as cap_table does
        shares.index = pd.Index(
            [
                glossary.name(code, default=partner) if isinstance(code, str) else partner
                for code, partner in zip(df["partner_iso3"], df["partner"], strict=True)
            ],
            name="partner",
        )
    return shares


def cap_table(year: int | None = None, cap_pct: float = EU_CAP_PCT) -> pd.DataFrame:
    """Test every mineral's world production against a single-country threshold.

    World production is mine production, except gallium (primary refinery production
    of low-purity gallium). One row per mineral: its top producer and share, whether it
    passes and by how many percentage points it is above the threshold, most
    concentrated first. This is an illustration, not a test of the CRMA, which counts
    the EU's own consumption at each processing stage.

    Parameters
    ----------
    year : int, optional
        A data year; None (the default) means the latest.
    cap_pct : float, optional
        The threshold in %, above 0 and at most 100 (default ``EU_CAP_PCT``, 65).

    Returns
    -------
    pandas.DataFrame
        Columns ``mineral`` and the fields of :class:`CapCheck`, sorted by ``top_share_pct``
        from high to low.

    Raises
    ------
    KoitError
        If ``year`` is not in the data or ``cap_pct`` is out of range.

    Examples
    --------
    >>> cap_table(2024)["mineral"].iloc[0]
    'gallium'
    """
    rows = []
    for mineral in minerals.mineral_names():
        portfolio = production_portfolio(mineral, year)
        result = single_country_check(portfolio, cap_pct, rounding_pp=USGS_ROUNDING_PP)
        rows.append({"mineral": mineral, **result.as_dict()})
    table = pd.DataFrame(rows).sort_values("top_share_pct", ascending=False)
    return table.reset_index(drop=True)


def strategic_list(jurisdiction: str) -> pd.DataFrame:
    """The strategic list of the EU (CRMA Annex I) or of Korea (2023 strategy).

    Parameters
    ----------
    jurisdiction : str
        A jurisdiction as written in ``strategic_minerals``, e.g. "Korea", or "EU" for the
        European Union (case and extra spaces are ignored).

    Returns
    -------
    pandas.DataFrame
        A new frame with that jurisdiction's rows.

    Raises
    ------
    KoitError
        If ``jurisdiction`` is not in the data.

    Examples
    --------
    >>> len(strategic_list("Korea"))
    10
    """
    df = data.table(STRATEGIC_LISTS)
    jurisdiction = _jurisdiction(jurisdiction, df)
    return df[df["jurisdiction"] == jurisdiction].reset_index(drop=True)


def msp_members() -> pd.DataFrame:
    """The members of the Minerals Security Partnership (June 2024).

    Returns
    -------
    pandas.DataFrame
        A copy of the ``msp_members`` table.

    Examples
    --------
    >>> len(msp_members())
    15
    """
    return data.table("msp_members").copy()
