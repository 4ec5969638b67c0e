"""A hint points to the idea or the function, never the finished line: no hint of any
checked exercise contains its solution's code (issue 14: lesson 00's cobalt hint gave the
exact call)."""

from __future__ import annotations

import ast
import importlib
import re

import pytest

from koit_lessons import checks, lessons, notebook

_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
_CALL = re.compile(r"([A-Za-z_][\w.]*)\(([^()]*)\)")
_SYMBOLS = {"×": "*", "÷": "/", "−": "-", "'": '"', " ": ""}


def _norm(text: str) -> str:
    for a, b in _SYMBOLS.items():
        text = text.replace(a, b)
    return text


def _exercises():
    for item in lessons.lessons():
        importlib.import_module(f"koit_lessons.exercises.lesson{item.number}")
        for ex in notebook.exercises(item.read()):
            found = _SOLUTION.search(ex.source)
            yield pytest.param(ex.qid, found.group(1) if found else "", id=ex.qid)


def _solution_parts(solution: str) -> tuple[set[str], set[str]]:
    """The right-hand sides of the solution's lines, and the names of the functions and
    methods it calls."""
    tree = ast.parse(solution)
    sides = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            value = node.value
            if isinstance(value, ast.Call) and not (value.args or value.keywords):
                continue  # naming a function, e.g. memory.leaders(), is what hints do
            side = _norm(ast.get_source_segment(solution, value) or "")
            if len(side) >= 6:
                sides.add(side)
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            called.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return sides, called


def hint_problems(hint: str, solution: str) -> list[str]:
    """What in ``hint`` gives away ``solution``'s code (empty: nothing)."""
    sides, called = _solution_parts(solution)
    flat = _norm(hint)
    problems = [f"the solution's {side!r}" for side in sides if side in flat]
    for name, args in _CALL.findall(hint):
        short = name.rsplit(".", 1)[-1]
        if args.strip() not in ("", "...") and short in called:
            problems.append(f"the call {name}({args}), which the solution makes")
    return problems


def test_the_rule_catches_a_finished_line_and_a_filled_in_call():
    solution = 'cobalt_top3 = metrics.top_k_share(cobalt["share_pct"], 3)\n'
    assert hint_problems("Use metrics.top_k_share(cobalt['share_pct'], 3).", solution)
    assert hint_problems("Try metrics.top_k_share(shares, 3).", solution)
    assert hint_problems("Multiply 6 × 405e9 × 15.6e12.", "flop = 6 * 405e9 * 15.6e12\n")
    assert not hint_problems("Add the three largest shares: see metrics.top_k_share().", solution)


@pytest.mark.parametrize("qid, solution", list(_exercises()))
def test_no_hint_contains_the_solution(qid, solution):
    hint = checks._REGISTRY[qid].hint
    assert hint, f"{qid} has no hint"
    assert solution, f"{qid} has no solution in its notebook"
    given = hint_problems(hint, solution)
    assert not given, f"{qid}'s hint gives away {given}"


def test_a_hint_of_several_lines_is_staged(monkeypatch):
    """The first wrong answer shows the nudge only; the next one the pointer; the last
    stage stays. A one-line hint is shown whole each time."""
    q = checks.Question(
        id="99-staged",
        prompt="?",
        expected=lambda: 7,
        hint="Think about the share.\nUse metrics.top_k_share on the table.",
    )
    monkeypatch.setitem(checks._REGISTRY, q.id, q)
    monkeypatch.setattr(checks, "_WRONG", {})
    first = checks.check("99-staged", 1).message
    assert "Hint 1 of 2: Think about the share." in first and "top_k_share" not in first
    second = checks.check("99-staged", 2).message
    assert "Hint 2 of 2: Use metrics.top_k_share" in second and "Think about" not in second
    assert "Hint 2 of 2" in checks.check("99-staged", 3).message
    assert "Hint" not in checks.check("99-staged", 7).message
    one = checks.Question(id="99-one", prompt="?", expected=lambda: 7, hint="A nudge.")
    monkeypatch.setitem(checks._REGISTRY, one.id, one)
    assert checks.check("99-one", 1).message.endswith("Hint: A nudge.")
    assert checks.check("99-one", 2).message.endswith("Hint: A nudge.")


@pytest.mark.parametrize("named", [False, True])
def test_a_table_question_with_named_mistakes_starts_at_the_first_hint(monkeypatch, named):
    """Regression (lesson 02's group-by): comparing a wrong table with each typical
    mistake moved the hint on, so the first wrong answer already showed 'Hint 2 of 2'."""
    import pandas as pd

    right = pd.DataFrame({"country": ["A", "B"], "total": [3.0, 5.0]})
    counted = pd.DataFrame({"country": ["A", "B"], "total": [1.0, 2.0]})
    averaged = pd.DataFrame({"country": ["A", "B"], "total": [1.5, 2.5]})
    q = checks.Question(
        id="99-table",
        prompt="?",
        kind="frame",
        expected=lambda: right,
        hint="Group, then add.\nLesson 02 section 2 shows a group-by.",
        mistakes=(
            checks.Mistake("count-not-sum", "a count", lambda: counted, "counted"),
            checks.Mistake("mean-not-sum", "a mean", lambda: averaged, "averaged"),
        ),
    )
    monkeypatch.setitem(checks._REGISTRY, q.id, q)
    monkeypatch.setattr(checks, "_WRONG", {})
    wrong = averaged if named else right.assign(total=[9.0, 9.0])
    first = checks.check("99-table", wrong).message
    assert "Hint 1 of 2: Group, then add." in first, first
    assert ("a mean" in first) == named
    assert "Hint 2 of 2" in checks.check("99-table", wrong).message


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_a_translated_hint_has_as_many_stages_as_the_english(lang):
    from koit_lessons import language

    table = language.catalogue(lang)
    wrong = [
        k[0]
        for k, v in table.items()
        if k[0] and k[0].endswith(":hint") and v.count("\n") != k[1].count("\n")
    ]
    assert not wrong, wrong
