"""Named diagnoses of wrong answers (checks.DIAGNOSES, each question's typical mistakes),
and the values the grader keeps: bounded, printable, never a spreadsheet formula."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import numpy as np
import pytest

from koit_lessons import checks, minerals
from koit_lessons.grading.score import Answer, Result, shown

# --- diagnoses in the checks -------------------------------------------------------


def test_every_diagnosis_code_has_words_and_every_mistake_is_recognised():
    for qid in checks.questions():
        q = checks._get(qid)
        for m in q.mistakes:
            assert m.code in checks.DIAGNOSES and m.label
            if q.context:
                continue
            fixed = checks.fixed(qid)
            mistake = next(x for x in fixed.mistakes if x.code == m.code)
            fb = checks.judge(fixed, mistake.value())
            assert (fb.status, fb.diagnosis) == ("incorrect", m.code), qid
            # the message names the mistake and never gives the answer away
            assert m.label in fb.message
            assert f"{fixed.expected()}" not in fb.message


@pytest.mark.parametrize(
    "qid, answer, code",
    [
        ("00-lithium-share", "FRACTION", "fraction-not-percent"),
        ("00-lithium-share", "36.7", "text-not-number"),
        ("00-lithium-share", np.array([36.7, 1.0]), "several-values"),
        ("00-lithium-share", math.nan, "not-a-number"),
        ("00-lithium-share", math.inf, "infinite"),
        ("00-lithium-share", 99.0, "too-high"),
        ("00-lithium-share", 1.0, "too-low"),
        ("00-lithium-top", "Zimbabwe", "wrong-name"),  # "Chile" is the named runner-up
        ("00-lithium-top", 3, "wrong-kind"),
        ("00-korea-minerals", "ONE-TOO-MANY", "wrong-count"),
        ("00-lithium-share", ..., "unanswered"),
        ("00-lithium-share", None, "none"),
    ],
)
def test_general_diagnoses(qid, answer, code):
    # answers that depend on the data are computed here, not typed in
    if isinstance(answer, str) and answer == "FRACTION":
        answer = checks.expected(qid) / 100
    elif isinstance(answer, str) and answer == "ONE-TOO-MANY":
        listed = checks.expected(qid)
        answer = [*listed, next(m for m in minerals.mineral_names() if m not in listed)]
    fb = checks.check(qid, answer)
    assert fb.diagnosis == code and code in checks.DIAGNOSES
    assert not fb.correct


def test_a_right_answer_has_no_diagnosis():
    assert checks.check("00-lithium-top", "Australia").diagnosis == ""


def test_the_guide_links_each_lesson_s_misconceptions_to_diagnoses():
    guide = (Path(__file__).parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    codes = {m.code for q in checks.questions() for m in checks._get(q).mistakes}
    codes.add("fraction-not-percent")
    for code in codes:
        assert f"`{code}`" in guide, code
    for found in re.findall(r"diagnosis `([a-z0-9-]+)`", guide):
        assert found in checks.DIAGNOSES, found


# --- the grader keeps values safely ---------------------------------------------------


@pytest.mark.parametrize(
    "value, limit",
    [
        ("x" * 10_000, 80),
        ([[[[[1] * 500] * 500]]], 80),
        ("\x00\x1b[31m\u202e\u200b\r\n=cmd|' /C calc'!A0", 80),
        (10**62, 40),
        (float("nan"), 80),
    ],
)
def test_shown_values_are_bounded_and_printable(value, limit):
    text = shown(value, limit)
    assert len(text) <= limit and text.isprintable()


def test_a_formula_never_reaches_the_answers_file(tmp_path):
    from koit_lessons.grading.report import answers_path, write_answers

    r = Result("=HYPERLINK(1)", "-x.ipynb", {"00-lithium-top": 0})
    r.answers["00-lithium-top"] = Answer("incorrect", "=1+1", "wrong-name", "+bad")
    path = answers_path(tmp_path / "g.csv")
    write_answers([r], ["00-lithium-top"], path)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    for cell in rows[1]:
        assert cell[:1] not in ("=", "+", "-", "@"), cell
