"""The class report: what the class got right, wrong and why, from a graded batch.

:func:`item_analysis` reads a gradebook and its answers file (``<gradebook>_answers.csv``,
written by ``koit-lessons grade``) and computes, per checked question:

- **difficulty**: the share of all students who answered it right (0 to 1; an
  unanswered question counts as not right);
- **discrimination**: the *corrected point-biserial* correlation, the Pearson
  correlation between a question's points (0 or 1) and each student's total over the
  *other* questions (so a question does not correlate with itself). Near 1: the
  students who did well overall got it right; near 0 or negative: it does not
  separate stronger from weaker students. Undefined (empty) when everyone or nobody
  got it right, or all other totals are equal;
- **unanswered**: the share who gave no answer (left the ``...``, deleted or never
  defined the variable, its cell failed, or the notebook could not be graded);
- **flags** (:data:`THRESHOLDS`): "too easy" above 0.90 right, "too hard" below 0.30
  right, "separates badly" when the discrimination is below 0.20 (Ebel's guide: 0.40
  and above very good, 0.30-0.39 good, 0.20-0.29 marginal, below 0.20 poor);
- the **most common wrong answers**, grouped by value (numbers to three significant
  digits) and diagnosis (:data:`koit_lessons.checks.DIAGNOSES` and each question's
  typical mistakes), with how many students gave them.

:func:`class_report` writes all of it as one HTML page with figures in the house
style (:mod:`koit_lessons.plots`, each with a text description) and the same tables
as CSV files.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from koit_lessons import checks
from koit_lessons.errors import KoitError
from koit_lessons.grading.report import ANSWERS_HEADER, _header, _uncell, answers_path

__all__ = [
    "THRESHOLDS",
    "ClassAnalysis",
    "read_gradebook",
    "item_analysis",
    "class_report",
    "diagnosis_label",
]

#: the flags' thresholds: share right above ``too_easy`` or below ``too_hard``,
#: discrimination (corrected point-biserial) below ``separates_badly``
THRESHOLDS = {"too_easy": 0.90, "too_hard": 0.30, "separates_badly": 0.20}
#: the statuses that mean "no answer given" (see score.Answer)
NO_ANSWER = ("unanswered", "missing", "failed", "not-read")
TOP_WRONG = 5  # wrong answers listed per question


@dataclass
class ClassAnalysis:
    """The item analysis of one graded batch (all tables are pandas DataFrames).

    ``items``: a row per question (question, prompt, students, right, difficulty,
    discrimination, unanswered, flags); ``wrong``: the most common wrong answers per
    question (question, answer, diagnosis, meaning, students, of, sentence);
    ``diagnoses``: how many wrong answers each diagnosis explains per question;
    ``totals``: how many students have each total; ``students``: the number of
    students; ``max_points``: points possible.
    """

    items: pd.DataFrame
    wrong: pd.DataFrame
    diagnoses: pd.DataFrame
    totals: pd.DataFrame
    students: int
    max_points: int
    gradebook: Path


def _refuse(path: Path, what: str) -> KoitError:
    return KoitError(f"{path} is not a gradebook of koit-lessons grade: {what}.")


def read_gradebook(
    path: Path, answers: bool = True
) -> tuple[pd.DataFrame, list[str], pd.DataFrame | None]:
    """The points (a row per submission), the question ids and the answers (a row per
    submission and question; None without ``answers``) of a gradebook written by
    ``koit-lessons grade``.

    Raises a ``KoitError`` with one plain sentence when the file is missing or not a
    gradebook, or its answers file is missing (a gradebook of an older version).
    """
    path = Path(path)
    if not path.is_file():
        raise KoitError(f"There is no gradebook {path}. Give the CSV that grade wrote (--out).")
    try:
        with path.open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f), [])
    except (UnicodeDecodeError, csv.Error) as exc:
        raise _refuse(path, f"it cannot be read as CSV ({exc})") from None
    if (
        len(header) < 7
        or header[:2] != ["student", "file"]
        or header[-4:-1]
        != [
            "total",
            "max",
            "problems",
        ]
    ):
        raise _refuse(path, "its first row is not student, file, the questions, total, max, ...")
    ids = header[2:-4]
    if header != _header(ids):
        raise _refuse(path, "its columns are not those grade writes")
    try:
        book = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise _refuse(path, f"it cannot be read as CSV ({exc})") from None
    for q in ids:
        book[q] = pd.to_numeric(book[q], errors="coerce").fillna(0)
    for c in ("student", "file"):
        book[c] = book[c].map(_uncell)
    if not answers:
        return book, ids, None
    apath = answers_path(path)
    if not apath.is_file():
        raise KoitError(
            f"{apath} is missing: koit-lessons grade writes it next to the gradebook; "
            "grade the batch again with --overwrite to get it."
        )
    try:
        table = pd.read_csv(apath, dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise _refuse(apath, f"it cannot be read as CSV ({exc})") from None
    if list(table.columns) != ANSWERS_HEADER:
        raise _refuse(apath, "its columns are not those of an answers file")
    for c in ("student", "file", "answer", "message"):
        table[c] = table[c].map(_uncell)
    return book, ids, table


def _group_value(text: str) -> str:
    """Answers as they are grouped and shown: numbers to three significant digits."""
    try:
        x = float(text)
    except ValueError:
        return text
    return f"{x:,.3g}" if math.isfinite(x) else text


def diagnosis_label(qid: str, code: str) -> str:
    """What a diagnosis means for a question: the question's own words for its typical
    mistake, else the general meaning (:data:`koit_lessons.checks.DIAGNOSES`).

    Examples
    --------
    >>> diagnosis_label("00-cobalt-top3", "top1-not-top3")
    'the top producer only, not the top three'
    >>> diagnosis_label("00-cobalt-top3", "fraction-not-percent")
    'a fraction where the question asks for percent (0.37, not 37)'
    """
    from koit_lessons.language import tr

    q = checks._get(qid)
    for m in q.mistakes if q is not None else ():
        if m.code == code:
            return tr(m.label, context=f"{qid}:mistake")
    return tr(checks.DIAGNOSES[code]) if code in checks.DIAGNOSES else code


def _discrimination(item: pd.Series, rest: pd.Series) -> float:
    if item.nunique() < 2 or rest.nunique() < 2:
        return math.nan
    return float(item.corr(rest))


def _flags(difficulty: float, discrimination: float) -> str:
    flags = []
    if difficulty > THRESHOLDS["too_easy"]:
        flags.append("too easy")
    if difficulty < THRESHOLDS["too_hard"]:
        flags.append("too hard")
    if not math.isnan(discrimination) and discrimination < THRESHOLDS["separates_badly"]:
        flags.append("separates badly")
    return "; ".join(flags)


def item_analysis(gradebook: Path) -> ClassAnalysis:
    """The item analysis of a graded batch (see the module docstring for each measure)."""
    book, ids, answers = read_gradebook(gradebook)
    n = len(book)
    if n == 0:
        raise KoitError(f"{gradebook} has no graded submissions yet.")
    points = book[ids].astype(float)
    total = points.sum(axis=1)
    answers = answers[answers["question"].isin(ids)]
    status = answers.groupby("question")["status"]
    rows = []
    for q in ids:
        item = points[q]
        difficulty = float(item.mean())
        disc = _discrimination(item, total - item)
        given = status.get_group(q) if q in status.groups else pd.Series(dtype=str)
        unanswered = float(given.isin(NO_ANSWER).sum()) / n
        question = checks._get(q)
        rows.append(
            {
                "question": q,
                "prompt": question.prompt if question else "",
                "students": n,
                "right": int(item.sum()),
                "difficulty": round(difficulty, 4),
                "discrimination": round(disc, 4) if not math.isnan(disc) else math.nan,
                "unanswered": round(unanswered, 4),
                "flags": _flags(difficulty, disc),
            }
        )
    items = pd.DataFrame(rows)
    wrong = answers[answers["status"].isin(("incorrect", "invalid"))].copy()
    wrong["shown"] = wrong["answer"].map(_group_value)
    counted = (
        wrong.groupby(["question", "shown", "diagnosis"], sort=False)
        .size()
        .reset_index(name="students")
    )
    counted["order"] = counted["question"].map({q: i for i, q in enumerate(ids)})
    counted = counted.sort_values(["order", "students", "shown"], ascending=[True, False, True])
    counted = counted.groupby("question", sort=False).head(TOP_WRONG)
    counted["meaning"] = [
        diagnosis_label(q, d) if d else ""
        for q, d in zip(counted["question"], counted["diagnosis"], strict=True)
    ]
    counted["of"] = n
    counted["sentence"] = [
        f"{k} of {n} gave {v}" + (f": {m}" if m else "")
        for k, v, m in zip(counted["students"], counted["shown"], counted["meaning"], strict=True)
    ]
    wrong_table = counted.rename(columns={"shown": "answer"})[
        ["question", "answer", "diagnosis", "meaning", "students", "of", "sentence"]
    ].reset_index(drop=True)
    diag = (
        wrong[wrong["diagnosis"] != ""]
        .groupby(["question", "diagnosis"], sort=False)
        .size()
        .reset_index(name="students")
    )
    diag["meaning"] = [
        diagnosis_label(q, d) for q, d in zip(diag["question"], diag["diagnosis"], strict=True)
    ]
    diag["share"] = (diag["students"] / n).round(4)
    diag = (
        diag.assign(order=diag["question"].map({q: i for i, q in enumerate(ids)}))
        .sort_values(["order", "students"], ascending=[True, False])
        .drop(columns="order")
        .reset_index(drop=True)
    )
    totals = (
        total.value_counts()
        .reindex(range(0, len(ids) + 1), fill_value=0)
        .rename_axis("total")
        .reset_index(name="students")
    )
    return ClassAnalysis(items, wrong_table, diag, totals, n, len(ids), Path(gradebook))


# --- the HTML page -----------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{color:#B00020;font-weight:600}figure{margin:1rem 0}img{max-width:100%}
figcaption{font-size:.9rem;color:#444}.note{font-size:.9rem;color:#444}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}}
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _png(ax) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png", dpi=100)  # one drawing: the layout is constrained
    plt.close(ax.figure)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _figures(a: ClassAnalysis) -> list[tuple[str, str, str]]:
    """(title, base64 PNG, text description) of each figure."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from koit_lessons import plots

    source = f"Source: koit-lessons grade, {a.gradebook.name} ({a.students} students)."
    figs = []
    with matplotlib.rc_context():
        plots.use_style()
        items = a.items.assign(right_pct=a.items["difficulty"] * 100)
        ax = plots.barh(
            items,
            "right_pct",
            "question",
            iso3=None,
            title="Share of students answering each question right",
            xlabel="students right (%)",
            source=source,
            fmt="{:.0f}%",
            lines={
                THRESHOLDS["too_hard"] * 100: f"too hard: below {THRESHOLDS['too_hard']:.0%}",
                THRESHOLDS["too_easy"] * 100: f"too easy: above {THRESHOLDS['too_easy']:.0%}",
            },
            order="given",
        )
        easiest = items.loc[items["difficulty"].idxmax()]
        hardest = items.loc[items["difficulty"].idxmin()]
        figs.append(
            (
                "Difficulty",
                _png(ax),
                f"Bars, one per question in the lesson's order: the share of the {a.students} "
                f"students who answered it right. The easiest is {easiest['question']} "
                f"({easiest['right_pct']:.0f}% right), the hardest {hardest['question']} "
                f"({hardest['right_pct']:.0f}% right). Lines mark the flags' thresholds "
                f"({THRESHOLDS['too_hard']:.0%} and {THRESHOLDS['too_easy']:.0%}).",
            )
        )
        disc = a.items.dropna(subset=["discrimination"])
        if len(disc):
            ax = plots.barh(
                disc,
                "discrimination",
                "question",
                iso3=None,
                title="How well each question separates stronger from weaker students",
                xlabel="corrected point-biserial correlation",
                source=source,
                fmt="{:.2f}",
                lines={
                    THRESHOLDS["separates_badly"]: (
                        f"separates badly: below {THRESHOLDS['separates_badly']:.2f}"
                    )
                },
                order="given",
            )
            bad = disc[disc["discrimination"] < THRESHOLDS["separates_badly"]]["question"]
            figs.append(
                (
                    "Discrimination",
                    _png(ax),
                    "Bars, one per question: the correlation between its points and each "
                    "student's total over the other questions. "
                    + (
                        f"Below {THRESHOLDS['separates_badly']:.2f} (separates badly): "
                        + ", ".join(bad)
                        + "."
                        if len(bad)
                        else f"Every question is at or above {THRESHOLDS['separates_badly']:.2f}."
                    ),
                )
            )
        totals = a.totals.assign(label=[f"{t} of {a.max_points}" for t in a.totals["total"]])
        ax = plots.barh(
            totals,
            "students",
            "label",
            iso3=None,
            title="Distribution of total scores",
            xlabel="students",
            source=source,
            fmt="{:.0f}",
            order="given",
        )
        mode = a.totals.loc[a.totals["students"].idxmax()]
        mean = float((a.totals["total"] * a.totals["students"]).sum() / a.students)
        figs.append(
            (
                "Totals",
                _png(ax),
                f"Bars, one per possible total from 0 to {a.max_points} points: how many of "
                f"the {a.students} students have it. The most common total is "
                f"{mode['total']} ({mode['students']} students); the mean is {mean:.1f}.",
            )
        )
    return figs


def _table(df: pd.DataFrame, columns: list[str], numeric: set[str], flag: str = "") -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = []
    for _, row in df.iterrows():
        cells = []
        for c in columns:
            v = row[c]
            if isinstance(v, float):
                v = "" if math.isnan(v) else f"{v:.2f}"
            cls = ' class="num"' if c in numeric else (' class="flag"' if c == flag and v else "")
            cells.append(f"<td{cls}>{_esc(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _page(a: ClassAnalysis, figs: list[tuple[str, str, str]]) -> str:
    flagged = a.items[a.items["flags"] != ""]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Class report: {_esc(a.gradebook.name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Class report: {_esc(a.gradebook.name)}</h1>",
        f"<p>{a.students} students, {a.max_points} checked questions (1 point each). "
        f"{len(flagged)} question(s) flagged.</p>",
        "<h2>Questions</h2>",
        "<p class=note>Difficulty: the share of all students right. Discrimination: the "
        "corrected point-biserial correlation (a question's points against the total of "
        "the other questions). Flags: too easy above "
        f"{THRESHOLDS['too_easy']:.2f}, too hard below {THRESHOLDS['too_hard']:.2f}, "
        f"separates badly below {THRESHOLDS['separates_badly']:.2f}. Unanswered: the share "
        "who gave no answer.</p>",
        _table(
            a.items,
            ["question", "right", "difficulty", "discrimination", "unanswered", "flags"],
            {"right", "difficulty", "discrimination", "unanswered"},
            flag="flags",
        ),
    ]
    for title, png, text in figs:
        parts.append(
            f'<figure><img src="data:image/png;base64,{png}" alt="{_esc(text)}">'
            f"<figcaption><b>{_esc(title)}.</b> {_esc(text)}</figcaption></figure>"
        )
    parts.append("<h2>What the class got wrong, and why</h2>")
    for q in a.items["question"]:
        rows = a.wrong[a.wrong["question"] == q]
        prompt = a.items.loc[a.items["question"] == q, "prompt"].iloc[0]
        parts.append(f"<h3>{_esc(q)}</h3><p>{_esc(prompt)}</p>")
        if rows.empty:
            parts.append("<p class=note>No wrong answers.</p>")
            continue
        parts.append("<ul>" + "".join(f"<li>{_esc(s)}</li>" for s in rows["sentence"]) + "</ul>")
    if len(a.diagnoses):
        parts += [
            "<h2>Diagnoses</h2>",
            "<p class=note>How many students' wrong answers each diagnosis explains.</p>",
            _table(a.diagnoses, ["question", "diagnosis", "meaning", "students"], {"students"}),
        ]
    parts += [
        "<p class=note>The same tables as CSV: items.csv, wrong_answers.csv, diagnoses.csv, "
        "totals.csv.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def class_report(gradebook: Path, out: Path | None = None, overwrite: bool = False) -> list[Path]:
    """Write the class report of a graded batch into the folder ``out`` (default:
    ``<gradebook stem>_report`` next to it): ``report.html`` and the tables
    ``items.csv``, ``wrong_answers.csv``, ``diagnoses.csv`` and ``totals.csv``.
    Existing files are replaced only with ``overwrite``. Returns the files written."""
    gradebook = Path(gradebook)
    a = item_analysis(gradebook)
    out = Path(out) if out else gradebook.with_name(gradebook.stem + "_report")
    if out.exists() and not out.is_dir():
        raise KoitError(f"{out} is a file, not a folder. Give a folder for the report.")
    names = ["report.html", "items.csv", "wrong_answers.csv", "diagnoses.csv", "totals.csv"]
    there = [n for n in names if (out / n).exists()]
    if there and not overwrite:
        raise KoitError(
            f"{out / there[0]} exists already. Pass --overwrite to replace it, or another --out."
        )
    out.mkdir(parents=True, exist_ok=True)
    from koit_lessons.grading.report import spreadsheet_text

    def csv_out(df: pd.DataFrame, name: str) -> None:
        safe = df.copy()
        for c in safe.columns:
            if safe[c].dtype == object:
                safe[c] = safe[c].map(lambda v: spreadsheet_text(str(v)))
        safe.to_csv(out / name, index=False)

    csv_out(a.items, "items.csv")
    csv_out(a.wrong, "wrong_answers.csv")
    csv_out(a.diagnoses, "diagnoses.csv")
    csv_out(a.totals, "totals.csv")
    (out / "report.html").write_text(_page(a, _figures(a)), encoding="utf-8")
    return [out / n for n in names]
