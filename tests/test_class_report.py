"""The class report, the feedback files and the course gradebook, on a synthetic class of
60 students with known mistakes in known proportions (tests/fixtures/synthetic_class.py).
"""

from __future__ import annotations

import csv
import html
import sys
from pathlib import Path

import pytest

from koit_lessons import checks, cli, lessons
from koit_lessons import notebook as nbf
from koit_lessons.grading import analysis, feedback

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from synthetic_class import EXPECTED_60, make_class  # noqa: E402

N = 60


def _top1() -> float:
    """Cobalt's top-1 share: the synthetic class's most common wrong answer."""
    return checks.fixed("00-cobalt-top3").mistakes[0].value()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    return make_class(folder, N)


@pytest.fixture(scope="module")
def report(batch):
    return analysis.item_analysis(batch)


# --- the report recovers the design exactly -----------------------------------------


def test_difficulty_unanswered_and_flags_are_recovered_exactly(report):
    items = report.items.set_index("question")
    assert report.students == N
    for q, share in EXPECTED_60["difficulty"].items():
        assert items.loc[q, "difficulty"] == pytest.approx(share, abs=1e-4), q
        assert items.loc[q, "unanswered"] == pytest.approx(
            EXPECTED_60["unanswered"].get(q, 0), abs=1e-4
        )
        assert items.loc[q, "flags"] == EXPECTED_60["flags"][q], q


def test_discrimination_is_the_corrected_point_biserial(report, batch):
    import numpy as np

    book, ids, _ = analysis.read_gradebook(batch)
    points = book[ids].to_numpy(float)
    for j, q in enumerate(ids):
        rest = points.sum(axis=1) - points[:, j]
        want = np.corrcoef(points[:, j], rest)[0, 1]
        got = report.items.set_index("question").loc[q, "discrimination"]
        # a question the whole class gets right has no discrimination (NaN) either way
        assert got == pytest.approx(want, abs=1e-4, nan_ok=True), q
    assert report.items.set_index("question").loc["00-graphite-hhi", "discrimination"] < 0


def test_diagnoses_are_counted_exactly(report):
    found = {
        (q, d): k
        for q, d, k in zip(
            report.diagnoses["question"],
            report.diagnoses["diagnosis"],
            report.diagnoses["students"],
            strict=True,
        )
    }
    assert found == EXPECTED_60["diagnoses"]


def test_the_most_common_wrong_answer_reads_as_a_sentence(report):
    cobalt = report.wrong[report.wrong["question"] == "00-cobalt-top3"]
    assert cobalt["sentence"].iloc[0] == (
        f"18 of 60 gave {_top1():.1f}: the top producer only, not the top three"
    )
    assert report.totals["students"].sum() == N


def test_the_report_page_and_its_tables(batch, tmp_path):
    written = analysis.class_report(batch, tmp_path / "report")
    page = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert page.count("<figure>") == 3 and page.count("<figcaption>") == 3
    assert f"18 of 60 gave {_top1():.1f}: the top producer only, not the top three" in page
    assert "<script" not in page
    with (tmp_path / "report" / "items.csv").open(encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    assert [r["question"] for r in items] == analysis.read_gradebook(batch)[1]
    assert {r["question"]: r["flags"] for r in items} == EXPECTED_60["flags"]
    assert all(p.exists() for p in written)
    with pytest.raises(cli.KoitError, match="exists already"):
        analysis.class_report(batch, tmp_path / "report")


# --- feedback files ----------------------------------------------------------------


def _solutions() -> list[str]:
    """Every way a solution could show: the expected values and the model answers."""
    out = []
    for q in checks.questions("00"):
        want = checks.expected(q)
        if isinstance(want, float):
            out += [repr(want), f"{want:.4g}", f"{want:,.4g}", f"{want:.2f}"]
        elif isinstance(want, list):
            out.append(repr(want))
    lesson = lessons.lesson("00")
    for w in nbf.written_questions(lesson.read(), "00"):
        out += [line.strip() for line in w.model_answer.splitlines() if len(line.strip()) > 30]
    return out


def test_feedback_holds_no_solution_without_show_answers(batch, tmp_path):
    pages = feedback.write_feedback(batch, tmp_path / "fb")
    assert len(pages) == N
    solutions = _solutions()
    book, ids, answers = analysis.read_gradebook(batch)
    right = {
        (f, q)
        for f, q, s in zip(answers["file"], answers["question"], answers["status"], strict=True)
        if s == "correct"
    }
    for page, file in zip(pages, book["file"], strict=True):
        text = page.read_text(encoding="utf-8")
        assert "Expected" not in text and "Model answer" not in text
        if not any((file, q) in right for q in ids):
            for s in solutions:
                assert s not in text, (page.name, s)
    # the weakest student got several wrong: their page shows none of those answers
    weakest = pages[-1].read_text(encoding="utf-8")
    for q in ("00-lithium-share", "00-cobalt-top3", "00-korea-minerals"):
        want = checks.expected(q)
        assert (f"{want:,.4g}" if isinstance(want, float) else repr(want)) not in weakest


def test_feedback_with_show_answers_and_comments(batch, tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text(
        "file,student,question,comment\n"
        "student003_00_start_here.ipynb,student003,00-think-1,<b>Good</b> point\n",
        encoding="utf-8",
    )
    pages = feedback.write_feedback(batch, tmp_path / "fb", show_answers=True, comments=comments)
    third = pages[2].read_text(encoding="utf-8")
    assert "Expected" in third and "Model answer" in third
    assert "&lt;b&gt;Good&lt;/b&gt; point" in third
    assert (tmp_path / "fb" / "comments-template.csv").exists()


def test_comments_written_into_the_template_survive_overwrite(batch, tmp_path):
    """Regression (second reader of lesson 09): a teacher writes comments into the
    template, runs feedback again with --comments TEMPLATE --overwrite, and the new
    template came back empty: their comments were lost."""
    import csv

    feedback.write_feedback(batch, tmp_path / "fb")
    template = tmp_path / "fb" / "comments-template.csv"
    with template.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["comment"] = "Clear, with two numbers: 3/3"
    with template.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    pages = feedback.write_feedback(batch, tmp_path / "fb", comments=template, overwrite=True)
    assert any("Clear, with two numbers" in p.read_text(encoding="utf-8") for p in pages)
    with template.open(encoding="utf-8", newline="") as f:
        again = list(csv.DictReader(f))
    assert again[0]["comment"] == "Clear, with two numbers: 3/3"
    assert len(again) == len(rows) and not any(r["comment"] for r in again[1:])


@pytest.mark.parametrize(
    "lang, words", [("ko", ["확인 문제", "서술형 문제", "힌트"]), ("it", ["Domande verificate"])]
)
def test_feedback_pages_in_the_edition_s_language(batch, tmp_path, lang, words):
    """A Korean or Italian class gets its feedback pages in its language: headings,
    prompts, hints, what went wrong and the written questions of its edition."""
    from koit_lessons import language

    pages = feedback.write_feedback(batch, tmp_path / "fb", lang=lang)
    assert language.current() == "en"  # the language is put back
    weakest = pages[-1].read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in weakest
    for word in words:
        assert word in weakest, word
    language.set_language(lang)
    try:
        prompt = checks.text_of(checks._get("00-cobalt-top3"), "prompt")
        label = analysis.diagnosis_label("00-cobalt-top3", "top1-not-top3")
    finally:
        language.set_language("en")
    assert html.escape(prompt, quote=True) in weakest or prompt in weakest
    assert label != "the top producer only, not the top three"
    assert "Checked questions" not in weakest and "Your answer" not in weakest
    assert cli.main(["feedback", str(batch), "--out", str(tmp_path / "f2"), "--lang", lang]) == 0


def test_feedback_escapes_hostile_text_and_never_overwrites(batch, tmp_path):
    pages = feedback.write_feedback(batch, tmp_path / "fb")
    first, second = (p.read_text(encoding="utf-8") for p in pages[:2])
    for text in (first, second):
        assert "<script" not in text and "alert(&quot;x&quot;)" in text
    with pytest.raises(cli.KoitError, match="exists already"):
        feedback.write_feedback(batch, tmp_path / "fb")
    feedback.write_feedback(batch, tmp_path / "fb", overwrite=True)


def test_a_wrong_answer_page_names_the_mistake_the_hint_and_the_value(batch, tmp_path):
    pages = feedback.write_feedback(batch, tmp_path / "fb")
    # students 34-51 gave the top producer only for cobalt
    page = pages[40].read_text(encoding="utf-8")
    section = page[page.index("<h3>00-cobalt-top3</h3>") :].split("</section>")[0]
    assert "Not right" in section
    assert "the top producer only, not the top three" in section
    assert f"{_top1():.2f}" in section  # their own value
    assert checks._get("00-cobalt-top3").hint.split(" (")[0] in section.replace("&#x27;", "'")


# --- bad input: one plain sentence --------------------------------------------------


@pytest.mark.parametrize("command", ["report", "feedback"])
def test_bad_gradebooks_get_one_sentence(command, tmp_path, capsys):
    missing = tmp_path / "nope.csv"
    not_a_book = tmp_path / "notes.csv"
    not_a_book.write_text("a,b\n1,2\n", encoding="utf-8")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    for path in (missing, not_a_book, binary):
        extra = ["--out", str(tmp_path / "out")] if command == "feedback" else []
        assert cli.main([command, str(path), *extra]) == 2
        err = capsys.readouterr().err
        assert err.startswith("koit-lessons: ") and "Traceback" not in err
        assert err.count("\n") == 1
