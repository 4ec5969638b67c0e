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
    pointer = checks._REGISTRY[qid].pointer
    given = hint_problems(pointer, solution)
    assert not given, f"{qid}'s pointer gives away {given}"


def test_hints_escalate_from_a_nudge_to_a_pointer():
    """Issue 20: the first wrong answer shows the nudge, later ones the pointer."""
    q = checks.Question(
        id="99-staged", prompt="?", expected=lambda: 1.0, hint="A nudge.", pointer="A pointer."
    )
    checks._REGISTRY[q.id] = q
    try:
        first, second = checks.check(q.id, 5.0), checks.check(q.id, 5.0)
        assert "A nudge." in first.message and "A pointer." not in first.message
        assert "A pointer." in second.message and "A nudge." not in second.message
        assert checks.check(q.id, 1.0).correct
    finally:
        del checks._REGISTRY[q.id]
        checks._WRONG_TRIES.pop(q.id, None)
