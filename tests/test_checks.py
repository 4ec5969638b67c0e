import numpy as np
import pandas as pd
import pytest

from koit_lessons import capstone, checks, minerals
from koit_lessons.checks import check


def _contexts(qid):
    """The context values to try a question with: none, or every capstone topic."""
    if checks._get(qid).context == "topic":
        return [{"topic": t} for names in capstone.topics().values() for t in names]
    assert not checks._get(qid).context, qid
    return [{}]


def test_placeholder_is_not_answered_yet_and_never_raises():
    for qid in checks.questions():
        for context in _contexts(qid):
            fb = check(qid, ..., **context)
            assert fb.status == "unanswered", qid
            assert "Not answered yet" in repr(fb)


def test_expected_answers_come_from_the_data():
    assert checks.expected("00-lithium-top") == minerals.producers("lithium", 2024)["country"][0]
    assert checks.expected("00-lithium-share") == pytest.approx(82_700 / 222_000 * 100)
    assert checks.expected("00-korea-minerals") == ["graphite"]  # MCS 2026: no Korean gallium


def test_every_question_accepts_its_own_expected_answer():
    for qid in checks.questions():
        for context in _contexts(qid):
            assert check(qid, checks.expected(qid, **context), **context).correct, (qid, context)


def test_number_tolerance_and_equivalent_forms():
    want = checks.expected("00-lithium-share")
    assert check("00-lithium-share", round(want, 1)).correct
    assert check("00-lithium-share", np.float64(want)).correct
    assert check("00-lithium-share", pd.Series([want])).correct
    assert not check("00-lithium-share", want + 2).correct


def test_wrong_value_gets_a_hint_and_direction():
    fb = check("00-lithium-share", 20)
    assert fb.status == "incorrect"
    assert "too low" in fb.message and "Hint:" in fb.message


def test_fraction_instead_of_percent_is_spotted():
    fb = check("00-lithium-share", checks.expected("00-lithium-share") / 100)
    assert "multiply by 100" in fb.message


@pytest.mark.parametrize(
    "qid, answer, words",
    [
        ("00-lithium-share", "36.7", "without quotes"),
        ("00-lithium-share", [1, 2], "one number"),
        ("00-lithium-share", pd.Series([1.0, 2.0]), "2 values"),
        ("00-lithium-top", 3, "name in quotes"),
        ("00-lithium-top", ["Australia"], "single name"),
        ("00-korea-minerals", "graphite", "list of names"),
    ],
)
def test_wrong_type_or_shape_gets_a_sentence(qid, answer, words):
    fb = check(qid, answer)
    assert fb.status == "invalid"
    assert words in fb.message


def test_text_answers_accept_case_spaces_and_iso_codes():
    assert check("00-lithium-top", "  australia ").correct
    assert check("00-lithium-top", "AUS").correct
    assert not check("00-lithium-top", "Chile").correct


def test_names_in_any_order_but_right_count():
    # MCS 2026: Korea mined graphite only (no gallium row; copper mining printed as zero)
    assert check("00-korea-minerals", ["Graphite"]).correct
    fb = check("00-korea-minerals", ["graphite", "gallium"])
    assert "has 1 name, you gave 2" in fb.message
    fb = check("00-korea-minerals", ["lithium"])
    assert "0 of 1 name is right" in fb.message


def test_unknown_question_suggests_the_right_id():
    fb = check("00-lithum-top", "x")
    assert fb.status == "invalid"
    assert "Did you mean '00-lithium-top'" in fb.message
    assert check(42, "x").status == "invalid"


def test_all_names_right_in_the_wrong_order_says_so():
    # the message said "... are right in the right order" for exactly the opposite case
    # (second readers of the Korean and Italian editions)
    from koit_lessons.checks import Question, check, question

    question(
        Question(
            id="99-order",
            prompt="Largest first?",
            expected=lambda: ["Chile", "Peru", "China"],
            kind="names",
            ordered=True,
        )
    )
    wrong = check("99-order", ["China", "Peru", "Chile"])
    assert wrong.status == "incorrect"
    assert "3 of 3 names are right, but not in the right order" in str(wrong)
    assert check("99-order", ["Chile", "Peru", "China"]).status == "correct"
