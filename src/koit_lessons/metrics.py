"""Pure functions for shares, concentration and growth, used across the lessons.

Every function takes plain numbers (a list, a dict, a NumPy array or a pandas
Series), checks them, and returns numbers. Nothing here reads data or draws.
A value that makes no sense (text, NaN, infinity, a table, a result too large for a
float) gets one sentence (a :class:`~koit_lessons.errors.KoitError`), never NaN.

>>> from koit_lessons import metrics
>>> metrics.shares({"A": 30, "B": 10})
A    75.0
B    25.0
dtype: float64
>>> metrics.hhi([50, 30, 20])
3800.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from numbers import Real

import numpy as np
import pandas as pd

from koit_lessons.errors import KoitError, plain, require_number, require_whole, said

__all__ = ["shares", "top_k_share", "hhi", "hhi_band", "growth_rate", "cagr", "doubling_time"]

Values = pd.Series | Sequence[float] | Mapping[str, float] | np.ndarray


def _series(values: Values, what: str = "values") -> pd.Series:
    """Turn ``values`` into a float Series, or raise a friendly KoitError.

    Accepted: a list, tuple, range, dict, NumPy array (1-D), pandas Series or array, or a
    generator of numbers. Refused with one sentence: text, a set (it drops repeated
    values), a table or 2-D array, an empty input, anything that is not a real number,
    missing values, infinity and negative numbers.
    """
    if isinstance(values, pd.DataFrame) or getattr(values, "ndim", 1) > 1:
        if isinstance(values, pd.DataFrame):  # name a column of numbers, not a text one
            numeric = [
                c
                for c in values.columns
                if pd.api.types.is_numeric_dtype(values[c])
                and not pd.api.types.is_bool_dtype(values[c])
            ]
            not_year = [c for c in numeric if "year" not in str(c).lower()]
            named = [c for c in not_year if "share" in str(c)] or not_year or numeric
            column = f"df['{named[0]}']" if named else "df['share_pct']"
        else:
            column = "a[:, 0]"
        raise KoitError(
            f"The {what} should be one column of numbers (a Series or a list), "
            f"not a whole table. Pick a column, e.g. {column}."
        )
    if isinstance(values, (set, frozenset)):
        raise KoitError(
            f"The {what} should be a list, dict or Series of numbers, not a set: a set "
            "keeps each value once, so equal values would be lost."
        )
    if (
        isinstance(values, (str, bytes))
        or not isinstance(values, Iterable)
        or (getattr(values, "ndim", 1) == 0)
    ):
        raise KoitError(
            f"The {what} should be a list, dict or Series of numbers, "
            f"not {type(values).__name__} {said(values)}."
        )
    if isinstance(values, pd.Series):
        s = values
    elif isinstance(values, Mapping):
        s = pd.Series(dict(values), dtype=object)
    else:
        s = pd.Series(list(values), dtype=None if isinstance(values, np.ndarray) else object)
    if len(s) == 0:
        raise KoitError(f"The {what} are empty: there is nothing to compute from.")
    if isinstance(s.dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_numeric_dtype(s):
        s = s.astype(object)  # a nullable Int64 or Float64 column: <NA> counts as missing
    if s.dtype == object:
        s = s.map(plain)  # np.float64 and 0-d arrays as plain numbers
        s = s.map(lambda v: None if v is pd.NA else v)
        nested = [v for v in s.tolist() if isinstance(v, (list, tuple, dict, set, np.ndarray))]
        if nested:
            raise KoitError(
                f"The {what} should be one column of numbers, not a list of lists "
                f"(got {said(nested[0])}). Pick one column."
            )
    if (
        s.dtype == bool
        or pd.api.types.is_complex_dtype(s)
        or not (pd.api.types.is_numeric_dtype(s) or s.map(_is_number).all())
    ):
        bad = [v for v in s.tolist() if not _is_number(v)][:3]
        raise KoitError(f"The {what} must all be numbers, but got {said(bad)}.")
    s = s.astype("float64")
    if s.isna().any():
        missing = list(s[s.isna()].index[:3])
        raise KoitError(
            f"The {what} contain missing values (at {said(missing)}). "
            "Drop them first, e.g. with .dropna(), and say so in your answer."
        )
    if np.isinf(s).any():
        where = list(s[np.isinf(s)].index[:3])
        raise KoitError(
            f"The {what} must be finite numbers, but some are infinite (at {said(where)}): "
            "check for a division by zero."
        )
    if (s < 0).any():
        raise KoitError(f"The {what} must not be negative, but got {s[s < 0].tolist()[:3]}.")
    return s


def _is_number(v: object) -> bool:
    """A real number that is not a bool (missing values count: they are refused later)."""
    return (
        v is None
        or v is pd.NA
        or (isinstance(v, (Real, Decimal)) and not isinstance(v, (bool, np.bool_)))
    )


def _big(x: float, decimals: int = 1) -> str:
    """A sum for a message: 120.0, or 1.23e+40 when it is huge."""
    return f"{x:,.{decimals}f}" if abs(x) < 1e9 else f"{x:.3g}"


def _number(x: object, what: str) -> float:
    """A finite number: NaN is "not a number", infinity "not finite" (as in compute)."""
    require_number(x, what)
    return require_number(x, what, finite=True)


def _finite(result: float, what: str) -> float:
    """``result`` if finite, else one sentence: the inputs were too large or too small."""
    if not math.isfinite(result):
        raise KoitError(
            f"The {what} is too large to compute as a number ({result}): "
            "check the size and units of the values."
        )
    return result


def shares(values: Values, total: float | None = None) -> pd.Series:
    """Each value as a percentage of ``total`` (by default, of the sum of the values).

    Use ``total`` when the values do not cover everything, for example country
    production against the world total. Published totals are often rounded, so
    shares of a rounded total may add up to a little more than 100; values that add
    up to more than 105 % of ``total`` are refused as a mistake.

    Parameters
    ----------
    values : list, dict, numpy.ndarray or pandas.Series of float
        Non-negative numbers with no missing values.
    total : float, optional
        The whole to divide by; None (the default) uses the sum of ``values``.

    Returns
    -------
    pandas.Series
        The shares in percent (float), with the index of ``values``.

    Raises
    ------
    KoitError
        If the values are not one column of real numbers (text, a set, a table or a 2-D array
        is refused), are empty, missing, infinite or negative, or the total is not a finite
        number above 0.

    Examples
    --------
    >>> shares([1, 3]).tolist()
    [25.0, 75.0]
    >>> shares({"Chile": 49_000}, total=240_000).round(1).tolist()
    [20.4]
    """
    s = _series(values)
    with np.errstate(over="ignore"):
        added = _finite(float(s.sum()), "sum of the values")
    denominator = added if total is None else _number(total, "total")
    if denominator <= 0:
        raise KoitError("The total must be greater than zero to compute shares.")
    if total is not None and added > denominator * 1.05:
        raise KoitError(
            f"The values add up to {_big(added, 0)}, more than the total {_big(denominator, 0)}: "
            "check that the total covers all of them."
        )
    with np.errstate(over="ignore"):
        out = s / denominator * 100
    _finite(float(out.max()), "largest share")
    return out


def top_k_share(shares_pct: Values, k: int = 1) -> float:
    """The combined share (in %) of the ``k`` largest shares.

    Parameters
    ----------
    shares_pct : list, dict, numpy.ndarray or pandas.Series of float
        Percentage shares: non-negative, no missing values.
    k : int, optional
        How many of the largest shares to add up (a whole number of 1 or more; default 1).

    Returns
    -------
    float
        The sum of the ``k`` largest shares, in %; all of them if there are fewer than ``k``.

    Raises
    ------
    KoitError
        If ``k`` is not a whole number of 1 or more, or the shares are not valid numbers
        (see :func:`shares`), are all 0 or add up to more than 105.

    Examples
    --------
    >>> top_k_share([50, 30, 20], k=2)
    80.0
    """
    k = require_whole(
        k, minimum=1, message=f"k must be a whole number of 1 or more, not {said(k)}."
    )
    s = _series(shares_pct, "shares")
    _not_all_zero(s)
    _at_most_100(s)
    return float(s.nlargest(k).sum())


def _at_most_100(s: pd.Series) -> float:
    """The sum of percentage shares, refused if it is more than 105 (rounding allowed)."""
    with np.errstate(over="ignore"):
        added = float(s.sum())
    if added > 105:
        raise KoitError(
            f"The shares add up to {_big(added)} %, more than 100 %. "
            "Pass percentage shares of one total, e.g. from metrics.shares()."
        )
    return added


def _not_all_zero(s: pd.Series) -> None:
    if not (s > 0).any():
        raise KoitError("The shares are all 0: there is no supply to measure. Check your filter.")


def hhi(shares_pct: Values) -> float:
    """The Herfindahl–Hirschman index: the sum of squared percentage shares.

    It runs from near 0 (many small suppliers) to 10,000 (one supplier has it all).
    Shares must be in percent (0–100), not fractions.

    Parameters
    ----------
    shares_pct : list, dict, numpy.ndarray or pandas.Series of float
        Percentage shares of one total: non-negative, no missing values, at most 105 in all.

    Returns
    -------
    float
        The index, from 0 to 10,000.

    Raises
    ------
    KoitError
        If the shares are not valid numbers (see :func:`shares`), are all 0, add up to more
        than 105, or look like fractions.

    Examples
    --------
    >>> hhi([100])
    10000.0
    >>> hhi([25, 25, 25, 25])
    2500.0
    """
    s = _series(shares_pct, "shares")
    _not_all_zero(s)
    added = _at_most_100(s)
    if 0 < added <= 1.0001 and len(s) > 1:
        raise KoitError(
            "The shares look like fractions (they add up to 1 or less). "
            "Multiply by 100 first: the HHI uses percentages."
        )
    return float((s**2).sum())


#: the largest HHI :func:`hhi_band` accepts: 10,000 plus what rounding can add (shares
#: adding up to 101 %, as USGS's rounded gallium figures for 2025 do, give 10,201 at most)
HHI_ROUNDING_MAX = 10_201


def hhi_band(index: float) -> str:
    """Name the concentration band of an HHI value, using the thresholds of the
    U.S. merger guidelines: above 1,800 is 'highly concentrated' (Department of
    Justice and FTC, Merger Guidelines, 2023); the 1992 Horizontal Merger Guidelines
    called 1,000–1,800 'moderately concentrated' and below 1,000
    'unconcentrated'.

    Parameters
    ----------
    index : float
        An HHI value from 0 to 10,000.

    Returns
    -------
    str
        'highly concentrated' (above 1,800), 'moderately concentrated' (1,000 to 1,800)
        or 'unconcentrated' (below 1,000).

    Raises
    ------
    KoitError
        If ``index`` is not a number from 0 to 10,000.

    Examples
    --------
    >>> hhi_band(2500)
    'highly concentrated'
    """
    value = require_number(index, "HHI", example="2500")
    # shares of a rounded world total can add up to a little over 100 % (USGS gallium
    # 2025: China's estimate equals the rounded world total), which puts the HHI of the
    # rounded figures a little over 10,000: still one producer with (almost) everything
    if not 0 <= value <= HHI_ROUNDING_MAX:
        raise KoitError(f"An HHI lies between 0 and 10,000, not {value:,.0f}.")
    if value > 1800:
        return "highly concentrated"
    if value >= 1000:
        return "moderately concentrated"
    return "unconcentrated"


def growth_rate(start: float, end: float) -> float:
    """The change from ``start`` to ``end`` in percent.

    Parameters
    ----------
    start : float
        The value at the start; must not be 0.
    end : float
        The value at the end.

    Returns
    -------
    float
        ``(end - start) / abs(start) * 100``.

    Raises
    ------
    KoitError
        If either value is not a number, or ``start`` is 0.

    Examples
    --------
    >>> growth_rate(200, 250)
    25.0
    """
    a, b = _number(start, "start value"), _number(end, "end value")
    if a == 0:
        raise KoitError("The start value is 0, so a growth rate in percent is undefined.")
    try:
        return _finite((b - a) / abs(a) * 100, "growth rate")
    except (OverflowError, ZeroDivisionError):
        return _finite(math.inf, "growth rate")


def cagr(start: float, end: float, years: float) -> float:
    """The compound annual growth rate in percent per year.

    Parameters
    ----------
    start, end : float
        The values at the start and the end; both must be positive.
    years : float
        The number of years between them; must be more than 0.

    Returns
    -------
    float
        ``((end / start) ** (1 / years) - 1) * 100``.

    Raises
    ------
    KoitError
        If a value is not a number, ``years`` is not above 0 or a value is not positive.

    Examples
    --------
    >>> round(cagr(100, 121, 2), 6)
    10.0
    """
    a, b = _number(start, "start value"), _number(end, "end value")
    n = _number(years, "number of years")
    if n <= 0:
        raise KoitError(f"The number of years must be more than 0, not {n:g}.")
    if a <= 0 or b <= 0:
        raise KoitError("Start and end values must be positive to compute a CAGR.")
    try:
        return _finite(((b / a) ** (1 / n) - 1) * 100, "growth rate")
    except (OverflowError, ZeroDivisionError):
        return _finite(math.inf, "growth rate")


def doubling_time(rate_pct: float) -> float:
    """How long something growing at ``rate_pct`` % per period takes to double.

    Parameters
    ----------
    rate_pct : float
        The growth rate in percent per period; must be above 0.

    Returns
    -------
    float
        The number of periods to double, ``log(2) / log(1 + rate_pct / 100)``.

    Raises
    ------
    KoitError
        If ``rate_pct`` is not a number above 0.

    Examples
    --------
    >>> round(doubling_time(100), 6)
    1.0
    >>> round(doubling_time(7), 2)
    10.24
    """
    r = _number(rate_pct, "growth rate")
    if r <= 0:
        raise KoitError(f"Only something that grows doubles: the rate must be above 0, not {r:g}.")
    try:
        return _finite(math.log(2) / math.log1p(r / 100), "doubling time")
    except (OverflowError, ZeroDivisionError):
        return _finite(math.inf, "doubling time")
