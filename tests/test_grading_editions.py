"""grade grades a submission of any edition of a lesson: a Korean and an Italian
submission with every exercise answered are graded in full, next to an English one."""

import json

import pytest

from koit_lessons import grading, notebook
from koit_lessons.lessons import lesson

LESSON = lesson("00")


def _answered(lang: str) -> dict:
    """The student version of the edition, every exercise answered as the model solution
    does, and every written question answered."""
    teacher = LESSON.edition(lang)
    student = notebook.student_version(teacher)
    solved = {c["id"]: c for c in teacher["cells"]}
    for cell in student["cells"]:
        src = notebook.cell_text(solved[cell["id"]]) if cell["id"] in solved else ""
        if cell["cell_type"] == "code" and notebook.BEGIN in src:
            lines = [
                line
                for line in src.splitlines()
                if line.strip() not in (notebook.BEGIN, notebook.END) and "= ..." not in line
            ]
            cell["source"] = "\n".join(lines)
    for k, box in enumerate(
        c for c in student["cells"] if notebook.cell_text(c) == notebook.ANSWER_BOX
    ):
        box["source"] = f"Answer {k + 1} in the {lang} edition."
    return student


@pytest.mark.slow
def test_submissions_of_every_edition_are_graded_in_full(tmp_path):
    folder = tmp_path / "subs"
    for lang in LESSON.languages():
        (folder / lang).mkdir(parents=True)
        text = json.dumps(_answered(lang), ensure_ascii=False)
        (folder / lang / LESSON.filename).write_text(text, encoding="utf-8")
    results = grading.grade(
        LESSON.number, folder, tmp_path / "book.csv", timeout=120, cell_timeout=30, jobs=1
    )
    assert len(results) == 3
    ids = [e.qid for e in notebook.exercises(LESSON.read())]
    for r in results:
        assert r.points == {q: 1 for q in ids}, (r.student, r.problems)
        assert not r.problems, r.problems
        lang = r.student  # one folder per edition
        assert sorted(r.written.values()) == [
            f"Answer {k} in the {lang} edition." for k in (1, 2)
        ], r.written


@pytest.mark.parametrize(
    "lang, damaged, other",
    [
        (None, "invalid JSON (line 1", "this is another lesson ('Who mines"),
        ("ko", "잘못된 JSON(1행", "수업 00의 노트북이 아니라 다른 수업('Who mines"),
        ("it", "JSON non valido (riga 1", "è un'altra lezione ('Who mines"),
    ],
)
def test_grade_writes_problems_in_the_teacher_s_language(tmp_path, lang, damaged, other):
    """grade --lang: the gradebook's problems lines in Korean or Italian (issue 16)."""
    import csv

    from koit_lessons import language
    from koit_lessons.cli import main

    subs = tmp_path / "subs"
    for student in ("alice", "bob"):
        (subs / student).mkdir(parents=True)
    (subs / "alice" / LESSON.filename).write_text("{", encoding="utf-8")
    wrong = lesson("04").read()
    (subs / "bob" / LESSON.filename).write_text(json.dumps(wrong), encoding="utf-8")
    out = tmp_path / "book.csv"
    try:
        code = main(["grade", "00", str(subs), "--out", str(out), *(["--lang", lang] * bool(lang))])
    finally:
        language._chosen = None
    assert code == 0
    rows = {r["student"]: r["problems"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["alice"].startswith(damaged), rows["alice"]
    assert rows["bob"].startswith(other), rows["bob"]


def test_grade_refuses_an_unknown_language_in_one_sentence(tmp_path, capsys):
    from koit_lessons.cli import main

    (tmp_path / "subs").mkdir()
    assert main(["grade", "00", str(tmp_path / "subs"), "--lang", "fr"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "fr" in err
    assert not (tmp_path / "gradebook.csv").exists()
