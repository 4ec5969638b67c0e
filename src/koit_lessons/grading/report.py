"""The report stage: the gradebook CSV, written a row at a time, and the written answers.

Each row is appended (one write, flushed to disk) as its submission finishes, so a batch
that is stopped loses nothing graded so far, and ``--resume`` grades only what is
missing. Next to the gradebook, ``<gradebook>_answers.csv`` keeps, a row per submission
and checked question, what the student gave (:func:`score.shown`: bounded, printable,
never a formula), the status, the diagnosis and the check's message, for the class
report and the feedback files. The written answers are kept, as they come, in
``answers.jsonl`` in the written answers folder; one Markdown and one CSV file per
question are made from it at the end.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from koit_lessons import notebook as nbf
from koit_lessons.errors import KoitError
from koit_lessons.grading.score import Result

__all__ = [
    "Gradebook",
    "write_gradebook",
    "write_answers",
    "write_written_answers",
    "spreadsheet_text",
    "answers_path",
    "ANSWERS_HEADER",
]

JOURNAL = "answers.jsonl"
ANSWERS_HEADER = [
    "student",
    "file",
    "question",
    "points",
    "status",
    "answer",
    "diagnosis",
    "message",
]
NOT_READ = "not-read"  # the notebook was not run, or its answers could not be read


def answers_path(gradebook: Path) -> Path:
    """Where the answers file of a gradebook is: ``<stem>_answers.csv`` next to it.

    Examples
    --------
    >>> answers_path(Path("out/gradebook-00.csv")).as_posix()
    'out/gradebook-00_answers.csv'
    """
    gradebook = Path(gradebook)
    return gradebook.with_name(gradebook.stem + "_answers.csv")


def _answer_rows(r: Result, ids: list[str]) -> list[list[str]]:
    rows = []
    for q in ids:
        a = r.answers.get(q)
        status, value, diagnosis, message = (
            (a.status, a.value, a.diagnosis, a.message) if a else (NOT_READ, "", "", "")
        )
        rows.append(
            [
                spreadsheet_text(r.student),
                spreadsheet_text(r.file),
                q,
                f"{r.points.get(q, 0):g}",
                status,
                spreadsheet_text(value),
                diagnosis,
                spreadsheet_text(message),
            ]
        )
    return rows


def spreadsheet_text(text: str) -> str:
    """Text as a spreadsheet cell: never read as a formula (file names and error
    messages come from students)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _header(ids: list[str]) -> list[str]:
    return ["student", "file", *ids, "total", "max", "problems", "protection"]


def _row(r: Result, ids: list[str], protection: str) -> list[str]:
    return [
        spreadsheet_text(r.student),
        spreadsheet_text(r.file),
        *(f"{r.points.get(q, 0):g}" for q in ids),
        f"{r.total:g}",
        str(len(ids)),
        spreadsheet_text("; ".join(r.problems)),
        protection,
    ]


def _line(values: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerow(values)
    return buf.getvalue().encode("utf-8")


class Gradebook:
    """The gradebook of one batch: opened once, a row appended per submission."""

    def __init__(
        self,
        path: Path,
        ids: list[str],
        protection: str,
        written_dir: Path | None,
        overwrite: bool = False,
        resume: bool = False,
    ) -> None:
        self.path, self.ids, self.protection = Path(path), ids, protection
        self.written_dir = written_dir
        self.done: set[str] = set()
        self.previous: list[dict] = []
        if self.path.exists() and not self.path.is_file():
            raise KoitError(
                f"{self.path} is a folder, not a file. Give a file name for the gradebook."
            )
        if self.path.exists() and not (overwrite or resume):
            raise KoitError(
                f"{self.path} exists already. Pass --resume to finish that batch, "
                "--overwrite to replace it, or another --out."
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.path.exists():
            self._read_done()
            mode = "ab"
        else:
            mode = "wb"
        self._fd = open(self.path, mode)  # noqa: SIM115 - kept open for the batch
        self.answers = answers_path(self.path)
        fresh = mode == "wb" or not self.answers.exists()
        if not fresh:
            raw = self.answers.read_bytes()
            if raw and not raw.endswith(b"\n"):  # a row cut off by a kill: drop it
                self.answers.write_bytes(raw[: raw.rfind(b"\n") + 1])
        self._answers_fd = open(self.answers, "wb" if fresh else "ab")  # noqa: SIM115
        if fresh:
            self._write(_line(ANSWERS_HEADER), self._answers_fd)
        if mode == "wb":
            self._write(_line(_header(ids)))
            if written_dir is not None and (written_dir / JOURNAL).exists():
                (written_dir / JOURNAL).unlink()

    def _read_done(self) -> None:
        raw = self.path.read_bytes()
        if raw and not raw.endswith(b"\n"):  # a row cut off by a kill: drop it
            raw = raw[: raw.rfind(b"\n") + 1]
            self.path.write_bytes(raw)
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
        if rows and list(rows[0]) != _header(self.ids):
            raise KoitError(f"{self.path} is not a gradebook of this lesson; cannot resume it.")
        if not raw:
            self.path.write_bytes(_line(_header(self.ids)))
        self.done = {_uncell(r["file"]) for r in rows}
        if self.written_dir is not None and (self.written_dir / JOURNAL).exists():
            for line in (self.written_dir / JOURNAL).read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut off by a kill
                if entry.get("file") in self.done:
                    self.previous.append(entry)

    def _write(self, data: bytes, fd=None) -> None:
        fd = fd or self._fd
        os.write(fd.fileno(), data)
        os.fsync(fd.fileno())

    def add(self, r: Result) -> None:
        """Append the row of one submission, its answers, and its written answers to the
        journal."""
        # the answers first: a row in the gradebook means its answers are there too
        self._write(b"".join(_line(row) for row in _answer_rows(r, self.ids)), self._answers_fd)
        self._write(_line(_row(r, self.ids, self.protection)))
        if self.written_dir is not None and r.written:
            self.written_dir.mkdir(parents=True, exist_ok=True)
            entry = {"student": r.student, "file": r.file, "written": r.written}
            with open(self.written_dir / JOURNAL, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())

    def close(self) -> None:
        self._fd.close()
        self._answers_fd.close()

    def written(self, results: list[Result]) -> list[Result]:
        """Results of this run and of earlier runs of a resumed batch, for the answers files."""
        earlier = [Result(e["student"], e["file"], written=e["written"]) for e in self.previous]
        return sorted(earlier + results, key=lambda r: (r.student, r.file))


def _uncell(text: str) -> str:
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def write_gradebook(
    results: list[Result], ids: list[str], path: Path, protection: str = ""
) -> None:
    """Write a whole gradebook at once (student, file, a column per question, total, max,
    problems, protection)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(_header(ids))
        for r in results:
            w.writerow(_row(r, ids, protection))


def write_answers(results: list[Result], ids: list[str], path: Path) -> None:
    """Write a whole answers file at once (the columns of :data:`ANSWERS_HEADER`, a row
    per submission and checked question)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(ANSWERS_HEADER)
        for r in results:
            w.writerows(_answer_rows(r, ids))


def write_written_answers(
    results: list[Result], questions: list[nbf.WrittenQuestion], folder: Path
) -> list[Path]:
    """One Markdown and one CSV file per written question, all students side by side."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for q in questions:
        md = [
            f"# {q.qid}: {q.title}",
            "",
            "## Prompt",
            "",
            q.prompt.strip(),
            "",
            "## Model answer and rubric (teacher only)",
            "",
            q.model_answer.strip(),
            "",
        ]
        if q.rubric:
            md += [q.rubric.strip(), ""]
        md += ["## Answers", ""]
        for r in results:
            if q.qid in r.written:
                md += [f"### {r.student}", "", r.written[q.qid], ""]
        path = folder / f"{q.qid}.md"
        path.write_text("\n".join(md), encoding="utf-8")
        with (folder / f"{q.qid}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["student", "answer"])
            for r in results:
                if q.qid in r.written:
                    w.writerow([spreadsheet_text(r.student), spreadsheet_text(r.written[q.qid])])
        written += [path, folder / f"{q.qid}.csv"]
    return written
