"""Each figure's description in words, made from the data it draws: what kind of chart,
what it measures, and its main values ("Horizontal bar chart of share of world mine
production, 2024 (%): Australia 37.4%, Chile 20.1%, ..."). A screen reader reads it in
place of the picture; the site uses it as the image's ``alt`` text.

A figure function passes its description to ``_finish``, which keeps it with the
figure (:func:`describe` reads it). In IPython, :func:`koit_lessons.plots.use_style`
makes every described figure's output carry it: as its ``text/plain`` (in place of
Matplotlib's "<Figure size 800x450 with 1 Axes>") and as
``metadata["image/png"]["alt"]``, the key nbconvert's classic HTML template reads for an
image's alt text (the site reads it too). JupyterLab 4 sets no alt text on output
images, so once the cell has run the descriptions also follow the figures as a closed
"details" element (:func:`details_output`) that a reader opens and a screen reader reads.
"""

from __future__ import annotations

import html
import math
import weakref
from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from koit_lessons.language import current, marked, tr

__all__ = ["describe", "number", "listing", "sentence", "in_sentence"]

#: at most this many values are named; the rest are counted
MAX_ITEMS = 8

_DESCRIPTIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def number(value: object) -> str:
    """A value as a description says it: thousands separated, three significant digits
    for small numbers, whole numbers without decimals.

    Examples
    --------
    >>> number(12345.6), number(37.43), number(2.0), number(0.000123), number(4.64e26)
    ('12,346', '37.4', '2', '0.000123', '4.6 × 10^26')
    """
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(v):
        return tr("no figure")
    if abs(v) >= 1e9:
        exponent = math.floor(math.log10(abs(v)))
        text = f"{v / 10**exponent:.2g} × 10^{exponent}"
    elif v.is_integer() or abs(v) >= 1000:
        text = f"{v:,.0f}"
    else:
        text = f"{v:.3g}"
    # Italian writes 12.346 and 37,4
    return text.translate(str.maketrans(",.", ".,")) if current() == "it" else text


def listing(items: Iterable[str], what: str = "more") -> str:
    """Items joined by commas, at most :data:`MAX_ITEMS`, the rest counted.

    Examples
    --------
    >>> listing(["a", "b"])
    'a, b'
    >>> listing([str(i) for i in range(10)], "more countries")
    '0, 1, 2, 3, 4, 5, 6, 7 and 2 more countries'
    """
    items = list(items)
    if len(items) <= MAX_ITEMS:
        return ", ".join(items)
    shown, rest = ", ".join(items[:MAX_ITEMS]), len(items) - MAX_ITEMS
    if what in _MORE:
        return tr(_MORE[what], items=shown, n=rest)
    return f"{shown} and {rest} {what}"


#: "a, b and 2 more ...", by what is counted (marked for the catalogues)
_MORE = {
    "more": marked("{items} and {n} more"),
    "more lines": marked("{items} and {n} more lines"),
    "more countries": marked("{items} and {n} more countries"),
    "more events": marked("{items} and {n} more events"),
}


def _plain(text: str | None) -> str:
    return " ".join(str(text or "").split())


def in_sentence(measure: str | None) -> str:
    """A measure (an axis label) as it reads inside a sentence: "Share of world ..." reads
    "... of share of world ...", "Miliardi di euro" reads "... in miliardi di euro" (but
    "GDP" and "USD billion" stay). Korean has no capitals.

    Examples
    --------
    >>> in_sentence("Share of world production, %"), in_sentence("USD billion")
    ('share of world production, %', 'USD billion')
    """
    measure = _plain(measure)
    first = measure.split(" ")[0].rstrip(":,;")
    cased = current() in ("en", "it")
    if cased and first[:1].isupper() and first[1:].isalpha() and first[1:].islower():
        measure = measure[0].lower() + measure[1:]
    return measure


def sentence(kind: str, measure: str | None, title: str | None, body: str, extra: str = "") -> str:
    """``"<kind> of <measure>, titled '<title>': <body>. <extra>"``, parts left out when
    empty.

    Examples
    --------
    >>> sentence("Line chart", "price (USD)", "Prices", "A from 1 in 2020 to 2 in 2024")
    "Line chart of price (USD), titled 'Prices': A from 1 in 2020 to 2 in 2024."
    """
    text = kind.removesuffix(" of")
    measure = in_sentence(measure)
    if measure:
        text = tr("{kind} of {measure}", kind=text, measure=measure)
    if _plain(title):
        text = tr("{text}, titled '{title}'", text=text, title=_plain(title))
    text += f": {body}." if body else "."
    if extra:
        text += " " + extra[0].upper() + extra[1:].rstrip(".") + "."
    return text


def remember(ax: Axes, text: str) -> None:
    """Keep ``text`` as the description of ``ax``'s figure (after any it already has:
    a figure can hold several charts)."""
    fig = ax.figure
    before = _DESCRIPTIONS.get(fig)
    _DESCRIPTIONS[fig] = f"{before} {text}" if before else text


def describe(figure: Figure | Axes) -> str:
    """The description of a figure drawn by a :mod:`koit_lessons.plots` function.

    Parameters
    ----------
    figure : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure, or the Axes a figure function returned.

    Returns
    -------
    str
        "" for a figure no figure function drew.

    Examples
    --------
    >>> import pandas as pd
    >>> from koit_lessons import plots
    >>> shares = pd.DataFrame({"country": ["Australia", "Chile", "China"],
    ...                        "share_pct": [37.2, 21.9, 18.6]})
    >>> ax = plots.barh(shares, "share_pct", "country", fmt="{:.0f} %",
    ...                 xlabel="Share of world mine production, 2024 (%)", source="Example.")
    >>> plots.describe(ax)  # doctest: +NORMALIZE_WHITESPACE
    'Horizontal bar chart of share of world mine production, 2024 (%):
     Australia 37 %, Chile 22 %, China 19 %.'
    """
    fig = figure.figure if isinstance(figure, Axes) else figure
    return _DESCRIPTIONS.get(fig, "")


def mimebundle(fig: Figure):
    """IPython's mimebundle formatter for figures: the description as ``text/plain`` and
    as the PNG's ``alt`` metadata (None for a figure without one: IPython's own
    formatters then run as usual). The description is also kept for
    :func:`show_pending`, which shows it under the figure once the cell has run."""
    text = _DESCRIPTIONS.get(fig)
    if not text:
        return None
    _PENDING.append(text)
    return {"text/plain": text}, {"image/png": {"alt": text}}


#: descriptions of the figures shown by the cell that is running (see show_pending)
_PENDING: list[str] = []
#: the words a reader opens to hear or read a figure's description
SUMMARY = marked("The figure in words")


def details_output(texts: Iterable[str]) -> dict:
    """A display_data output that shows figure descriptions as a closed "details"
    element a reader opens (and a screen reader reaches as text): JupyterLab sets no
    alt text on output images, so this is how a description reaches its reader there.

    Examples
    --------
    >>> out = details_output(["Bar chart of a: 1 < 2."])
    >>> print(out["data"]["text/html"].replace("><", ">\\n<"))
    <details class="koit-figure-description">
    <summary>The figure in words</summary>
    <p>Bar chart of a: 1 &lt; 2.</p>
    </details>
    >>> out["data"]["text/plain"]
    'The figure in words: Bar chart of a: 1 < 2.'
    """
    texts = [t for t in dict.fromkeys(texts) if t]
    summary = tr(SUMMARY)
    paragraphs = "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in texts)
    return {
        "output_type": "display_data",
        "data": {
            "text/html": f'<details class="koit-figure-description"><summary>{summary}'
            f"</summary>{paragraphs}</details>",
            "text/plain": f"{summary}: " + " ".join(texts),
        },
        "metadata": {},
    }


def take_pending(text: str) -> None:
    """Forget one kept description (a widget shows its figure's description itself)."""
    if text in _PENDING:
        _PENDING.remove(text)


def show_pending(*_result) -> None:
    """After a cell has run (IPython's post_run_cell event): show the descriptions of
    the figures the cell showed, under them, as one :func:`details_output`."""
    if not _PENDING:
        return
    texts = list(_PENDING)
    _PENDING.clear()
    from IPython.display import publish_display_data

    out = details_output(texts)
    publish_display_data(out["data"], out["metadata"])
