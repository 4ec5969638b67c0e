"""Feedback for every student: one printable HTML file per graded submission.

:func:`write_feedback` reads a graded batch (the gradebook, its answers file and the
written answers' journal, all written by ``koit-lessons grade``) and writes, for each
submission, a page with:

- for each checked question: the prompt, whether it was right, the student's value,
  the check's message and the problem line in plain words, and the hint; the expected
  answer only with ``show_answers`` (the teacher's choice; a capstone question whose
  answer depends on the student's topic says so instead);
- for each written question: the student's answer, the rubric (the model answer only
  with ``show_answers``) and the teacher's comment from a comments CSV, or an empty
  box to write in after printing.

Everything a student wrote or gave (names, file names, answers, values) is escaped:
the page runs no script and links nothing. Existing files are replaced only with
``overwrite``.
"""

from __future__ import annotations

import csv
import functools
import html
import json
import re
from pathlib import Path

from koit_lessons import checks, language, lessons
from koit_lessons import notebook as nbf
from koit_lessons.errors import KoitError
from koit_lessons.grading.analysis import diagnosis_label, read_gradebook
from koit_lessons.grading.report import JOURNAL
from koit_lessons.language import marked, tr

__all__ = ["write_feedback", "read_comments", "COMMENTS_HEADER"]

COMMENTS_HEADER = ["file", "student", "question", "comment"]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:48rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
section{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0;
break-inside:avoid}
.right{color:#1B5E20;font-weight:700}.wrong{color:#B00020;font-weight:700}
.none{color:#6D4C00;font-weight:700}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;
overflow-wrap:anywhere}
.box{border:1px solid #888;min-height:6rem;padding:.4rem;white-space:pre-wrap}
.answer{background:#f7f7f7;padding:.4rem;white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none}}
"""

_STATUS = {
    "correct": ("right", marked("Right")),
    "incorrect": ("wrong", marked("Not right")),
    "invalid": ("wrong", marked("Not the kind of answer asked for")),
    "unanswered": ("none", marked("Not answered")),
    "missing": ("none", marked("No answer found")),
    "failed": ("none", marked("No answer: its cell failed")),
    "not-read": ("none", marked("Not graded")),
}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _safe_name(text: str, taken: set[str]) -> str:
    """A file name from a submission's name: letters, digits, ``._-`` only, unique."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(text).stem).strip("._") or "submission"
    stem = stem[:80]
    name, k = f"{stem}.html", 2
    while name in taken:
        name, k = f"{stem}-{k}.html", k + 1
    taken.add(name)
    return name


def read_comments(path: Path) -> dict[tuple[str, str], str]:
    """The teacher's comments, ``(file, question) -> comment``, from a CSV with the
    columns of :data:`COMMENTS_HEADER` (``student`` is for the teacher's eyes only)."""
    path = Path(path)
    if not path.is_file():
        raise KoitError(f"There is no comments file {path}.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise KoitError(f"{path} cannot be read as a CSV file ({exc}).") from None
    if rows and not {"file", "question", "comment"} <= set(rows[0]):
        raise KoitError(
            f"{path} needs the columns file, question and comment "
            "(the comments template that feedback writes has them)."
        )
    from koit_lessons.grading.report import _uncell

    return {
        (_uncell(r["file"] or ""), r["question"] or ""): r["comment"] or ""
        for r in rows
        if (r.get("comment") or "").strip()
    }


def _journal(folder: Path) -> dict[str, dict[str, str]]:
    written: dict[str, dict[str, str]] = {}
    path = folder / JOURNAL
    if not path.is_file():
        return written
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("written"), dict):
            written[str(entry.get("file"))] = {str(k): str(v) for k, v in entry["written"].items()}
    return written


def _expected_text(qid: str) -> str:
    q = checks._get(qid)
    if q is None:
        return ""
    if q.context:
        return tr("depends on your {name}", name=q.context)
    value = checks.expected(qid)
    if q.kind == "frame":
        return tr("a table of {n} rows (see the teacher set)", n=len(value))
    if q.kind == "figure":
        return tr("a chart of {n} rows (see the teacher set)", n=len(value))
    if isinstance(value, float):
        return checks._fmt(value, q.unit)
    return repr(value) if not isinstance(value, str) else value


# the pages' words (marked for the catalogues; translated where shown)
_YOUR_ANSWER = marked("Your answer")
_EXPECTED = marked("Expected")
_WHAT_WENT_WRONG = marked("What went wrong")
_PROBLEM = marked("Problem")
_HINT_WORD = marked("Hint")
_NO_ANSWER = marked("(no answer)")
_RUBRIC = marked("Rubric")
_MODEL_ANSWER = marked("Model answer")
_TEACHERS_COMMENT = marked("Teacher’s comment")
_ABOUT = marked("About the notebook")
_CHECKED = marked("Checked questions")
_WRITTEN = marked("Written questions")
_FEEDBACK_FOR = marked("Feedback: {student}")
_LESSON_TITLE = marked("Lesson {number}: {title}")


#: where a check's message turns into its hint, in any edition ("Hint 1 of 2: ...")
@functools.cache
def _hint_start() -> re.Pattern[str]:
    """Where a check's message turns into its hint, in any edition: the start of check's
    own "Hint: ..." and "Hint 1 of 2: ..." in each language's catalogue."""
    heads = []
    for lang in language.LANGUAGES:
        for message in ("Hint: {hint}", "Hint {k} of {n}: {hint}"):
            shown = tr(message, lang=lang, hint="\0", k="\1", n="\1")
            heads.append(re.escape(shown.split("\0")[0]).replace("\x01", r"\d+"))
    return re.compile(" (?:" + "|".join(heads) + ")")


def _question_section(qid, row, problems, show_answers, expected) -> str:
    q = checks._get(qid)
    css, word = _STATUS.get(row["status"], ("none", row["status"]))
    parts = [f"<section><h3>{_esc(qid)}</h3>"]
    if q is not None:
        parts.append(f"<p>{_esc(checks.text_of(q, 'prompt'))}</p>")
    parts.append(f'<p class="{css}">{_esc(tr(word))}</p><dl>')
    if row["answer"]:
        parts.append(f"<dt>{tr(_YOUR_ANSWER)}</dt><dd><code>{_esc(row['answer'])}</code></dd>")
    if show_answers and expected.get(qid):
        parts.append(f"<dt>{tr(_EXPECTED)}</dt><dd><code>{_esc(expected[qid])}</code></dd>")
    if row["status"] != "correct":
        if row["diagnosis"]:
            label = _esc(diagnosis_label(qid, row["diagnosis"]))
            parts.append(f"<dt>{tr(_WHAT_WENT_WRONG)}</dt><dd>{label}</dd>")
        lines = [p.split(": ", 1)[1] for p in problems if p.startswith(qid + ": ")]
        if lines:
            parts.append(f"<dt>{tr(_PROBLEM)}</dt><dd>{_esc('; '.join(lines))}</dd>")
        elif row["message"]:  # the check's message; its hint is shown below
            message = _hint_start().split(row["message"])[0]
            parts.append(f"<dt>{tr(_PROBLEM)}</dt><dd>{_esc(message)}</dd>")
        if q is not None and q.hint:
            parts.append(f"<dt>{tr(_HINT_WORD)}</dt><dd>{_esc(checks.text_of(q, 'hint'))}</dd>")
    parts.append("</dl></section>")
    return "".join(parts)


def _written_section(w: nbf.WrittenQuestion, answer: str | None, comment, show_answers) -> str:
    parts = [f"<section><h3>{_esc(w.qid)}: {_esc(w.title)}</h3>"]
    parts.append(f'<div class="answer">{_esc(w.prompt.strip())}</div>')
    parts.append(f"<dl><dt>{tr(_YOUR_ANSWER)}</dt>")
    parts.append(
        f'<dd><div class="answer">{_esc(answer)}</div></dd>'
        if answer
        else f"<dd>{tr(_NO_ANSWER)}</dd>"
    )
    if w.rubric.strip():
        parts.append(
            f'<dt>{tr(_RUBRIC)}</dt><dd><div class="answer">{_esc(w.rubric.strip())}</div></dd>'
        )
    if show_answers and w.model_answer.strip():
        parts.append(
            f'<dt>{tr(_MODEL_ANSWER)}</dt><dd><div class="answer">'
            f"{_esc(w.model_answer.strip())}</div></dd>"
        )
    parts.append(
        f'<dt>{tr(_TEACHERS_COMMENT)}</dt><dd><div class="box">{_esc(comment or "")}</div></dd>'
    )
    parts.append("</dl></section>")
    return "".join(parts)


def write_feedback(
    gradebook: Path,
    out: Path,
    *,
    show_answers: bool = False,
    comments: Path | None = None,
    written_dir: Path | None = None,
    overwrite: bool = False,
    lang: str = "en",
) -> list[Path]:
    """Write one feedback page per graded submission of ``gradebook`` into the folder
    ``out`` (see the module docstring), and ``comments-template.csv`` for the teacher's
    comments on written answers. Returns the pages written.

    ``written_dir`` is where grade put the written answers (default:
    ``<gradebook stem>_written``); ``comments`` a CSV with the columns ``file``,
    ``question``, ``comment`` (the template's). ``lang`` ("en", "ko" or "it") is the
    language of the pages: headings, prompts, hints, diagnoses and the written questions
    of the lesson's edition in that language (a lesson not offered in it is refused).
    """
    lang = language.validate(lang)
    before = language.current()
    language.set_language(lang)
    try:
        return _write_feedback(gradebook, out, show_answers, comments, written_dir, overwrite, lang)
    finally:
        language.set_language(before)


def _write_feedback(gradebook, out, show_answers, comments, written_dir, overwrite, lang):
    """:func:`write_feedback` in the language already set."""
    gradebook = Path(gradebook)
    book, ids, answers = read_gradebook(gradebook)
    numbers = sorted({q.split("-", 1)[0] for q in ids})
    if len(numbers) != 1:
        raise KoitError(f"{gradebook} mixes questions of lessons {', '.join(numbers)}.")
    lesson = lessons.lesson(numbers[0])
    if lang not in lesson.languages():
        raise KoitError(
            f"Lesson {lesson.number} is not offered in {language.LANGUAGES[lang]} yet: "
            "write its feedback in English (--lang en)."
        )
    edition = lesson.edition(lang)
    title = edition["metadata"].get("koit", {}).get("title", lesson.title)
    questions = nbf.written_questions(edition, lesson.number)
    written = _journal(
        Path(written_dir) if written_dir else gradebook.with_name(gradebook.stem + "_written")
    )
    notes = read_comments(Path(comments)) if comments else {}
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise KoitError(f"{out} is a file, not a folder. Give a folder for the feedback files.")
    taken: set[str] = set()
    plan = [
        (_safe_name(f, taken), f, s) for f, s in zip(book["file"], book["student"], strict=True)
    ]
    there = [n for n, _, _ in plan if (out / n).exists()]
    if there and not overwrite:
        raise KoitError(
            f"{out / there[0]} exists already. Pass --overwrite to replace the feedback "
            "files, or another folder."
        )
    expected = {q: _expected_text(q) for q in ids} if show_answers else {}
    by_file = {f: g for f, g in answers.groupby("file", sort=False)}
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for (name, file, student), (_, row) in zip(plan, book.iterrows(), strict=True):
        mine = by_file.get(file)
        rows = {} if mine is None else {r["question"]: dict(r) for _, r in mine.iterrows()}
        problems = _uncell_problems(row["problems"])
        general = [p for p in problems if not any(p.startswith(q + ": ") for q in ids)]
        general = [p for p in general if not p.startswith(f"{lesson.number}-think-")]
        body = [
            "<!DOCTYPE html>",
            f'<html lang="{lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'\">",
            f"<title>{_esc(tr(_FEEDBACK_FOR, student=student))}</title>"
            f"<style>{_CSS}</style></head><body>",
            f"<h1>{_esc(tr(_LESSON_TITLE, number=lesson.number, title=title))}</h1>",
            f"<p><b><bdi>{_esc(student)}</bdi></b> (<bdi>{_esc(file)}</bdi>): "
            + _esc(
                tr(
                    "{total} of {max} checked questions right.",
                    total=row["total"],
                    max=row["max"],
                )
            )
            + "</p>",
        ]
        if general:
            body.append(
                f"<h2>{tr(_ABOUT)}</h2><ul>"
                + "".join(f"<li>{_esc(p)}</li>" for p in general)
                + "</ul>"
            )
        body.append(f"<h2>{tr(_CHECKED)}</h2>")
        for q in ids:
            r = rows.get(q) or {
                "status": "not-read",
                "answer": "",
                "diagnosis": "",
                "message": "",
            }
            body.append(_question_section(q, r, problems, show_answers, expected))
        if questions:
            body.append(f"<h2>{tr(_WRITTEN)}</h2>")
            theirs = written.get(file, {})
            for w in questions:
                body.append(
                    _written_section(w, theirs.get(w.qid), notes.get((file, w.qid)), show_answers)
                )
        body.append("</body></html>")
        path = out / name
        path.write_text("\n".join(body), encoding="utf-8")
        pages.append(path)
    template = out / "comments-template.csv"
    if questions and (overwrite or not template.exists()):
        from koit_lessons.grading.report import spreadsheet_text

        # the teacher may have written their comments into the template itself: a new
        # template keeps them (and adds those of --comments), so --overwrite loses none
        kept: dict[tuple[str, str], str] = {}
        if template.is_file():
            try:
                kept = read_comments(template)
            except KoitError:
                kept = {}
        kept.update(notes)
        with template.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(COMMENTS_HEADER)
            for file, student in zip(book["file"], book["student"], strict=True):
                for q in questions:
                    comment = kept.get((file, q.qid), "")
                    w.writerow([spreadsheet_text(file), spreadsheet_text(student), q.qid, comment])
    return pages


def _uncell_problems(text: str) -> list[str]:
    from koit_lessons.grading.report import _uncell

    text = _uncell(text or "")
    return [p for p in text.split("; ") if p] if text else []
