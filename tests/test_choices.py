"""Multiple-choice items that test understanding, not test-taking: the options a student
reads are the ones the check knows, and the right letter cannot be guessed from where or
how long it is (lesson 05's second reader scored 5 of 6 by always answering "b")."""

import re
from collections import Counter

import pytest

from koit_lessons import checks, lessons, notebook

LESSONS = [x.number for x in lessons.lessons()]


def _norm(text: str) -> str:
    return re.sub(r"\s+%", "%", " ".join(text.split())).lower()


def _choice_items(number: str) -> list[tuple[checks.Question, str]]:
    """Each choice question of the lesson, with the markdown shown right above its cell."""
    cells = lessons.lesson(number).read()["cells"]
    found = []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        for qid in re.findall(r"check\(\s*\"(\d\d-[\w.-]+)\"", notebook.cell_text(cell)):
            q = checks._get(qid)
            if q.kind != "choice":
                continue
            j, shown = i - 1, []
            while j >= 0 and cells[j]["cell_type"] == "markdown":
                shown.insert(0, notebook.cell_text(cells[j]))
                j -= 1
            found.append((q, "\n".join(shown)))
    return found


@pytest.mark.parametrize("number", LESSONS)
def test_the_options_shown_are_the_options_checked(number):
    wrong = [
        f"{q.id} option {c.letter}: {c.text[:60]!r}"
        for q, shown in _choice_items(number)
        for c in q.choices
        if _norm(f"**{c.letter}** {c.text}") not in _norm(shown)
    ]
    assert not wrong, wrong


def _fixed(number: str) -> list[checks.Question]:
    """The lesson's choice items whose key does not depend on the student's own choice
    (the capstone's items follow the topic each student picks)."""
    return [q for q, _ in _choice_items(number) if not q.context]


def _keys(number: str) -> list[str]:
    return [checks.expected(q.id) for q in _fixed(number)]


@pytest.mark.parametrize("number", LESSONS)
def test_no_letter_is_the_key_of_most_of_a_lesson_s_items(number):
    keys = _keys(number)
    if len(keys) < 3:
        pytest.skip("fewer than three choice items")
    letter, n = Counter(keys).most_common(1)[0]
    assert 2 * n <= len(keys) + 1, f"'{letter}' is the answer to {n} of {len(keys)}: {keys}"


def test_across_the_course_every_letter_is_a_key_and_none_dominates():
    keys = Counter(k for n in LESSONS for k in _keys(n))
    total = sum(keys.values())
    for letter in "abc":
        assert 0.2 <= keys[letter] / total <= 0.45, dict(keys)


def test_the_longest_option_is_usually_not_the_key():
    longest_is_key = total = 0
    for number in LESSONS:
        for q in _fixed(number):
            lengths = sorted((len(c.text), c.letter) for c in q.choices)
            total += 1
            if lengths[-1][1] == checks.expected(q.id) and lengths[-1][0] > lengths[-2][0]:
                longest_is_key += 1
    assert longest_is_key <= total / 2, f"the key is the longest option in {longest_is_key}/{total}"
