"""Write the sentences that say which lessons are offered in Korean and Italian: in the
Korean and Italian teacher's guides and in the README, from `lessons.offered`.
tests/test_guide_summaries.py checks that they are in step; run this after a lesson's
translation is second-read (or withdrawn).

    python scripts/offered_sentences.py          # print the sentences
    python scripts/offered_sentences.py --write  # replace them in the files
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from koit_lessons import lessons

ROOT = Path(__file__).resolve().parents[1]


def _numbers(lang: str) -> list[str]:
    return [item.number for item in lessons.offered(lang)]


def _and(numbers: list[str], word: str) -> str:
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} {word} {numbers[-1]}"


def sentences() -> dict[str, tuple[Path, re.Pattern[str], str]]:
    """file key -> (file, pattern of the sentence there, the sentence as it should be)."""
    ko, it = _numbers("ko"), _numbers("it")
    both = [n for n in ko if n in it]
    korean = f"지금 한국어로 제공되는 수업은 {', '.join(ko)}이고"
    if both:
        korean += f"(그중 이탈리아어로도 제공되는 수업은 {', '.join(both)})"
    korean += ", 나머지 수업은 번역과 검수가 끝나는 대로 추가됩니다."
    italian = (
        f"Oggi {'la lezione' if len(it) == 1 else 'le lezioni'} {_and(it, 'e')} "
        f"{'è disponibile' if len(it) == 1 else 'sono disponibili'} in italiano (oltre che in inglese);"
    )
    english = (
        f"Today lessons {_and(ko, 'and')} are offered in Korean, and {_and(it, 'and')} in Italian."
    )
    return {
        "ko": (ROOT / "docs" / "teacher-guide.ko.md",
               re.compile(r"지금 한국어로 제공되는 수업은.*?추가됩니다\.", re.S), korean),
        "it": (ROOT / "docs" / "teacher-guide.it.md",
               re.compile(r"Oggi (?:la lezione|le lezioni) .*?\(oltre che\s+in inglese\);", re.S),
               italian),
        "README": (ROOT / "README.md",
                   re.compile(r"Today lessons .*? in Italian\.", re.S), english),
    }


def main(argv: list[str]) -> int:
    write = "--write" in argv
    for key, (path, pattern, sentence) in sentences().items():
        print(f"{key}: {sentence}")
        if write:
            text = path.read_text(encoding="utf-8")
            new, count = pattern.subn(lambda _m: sentence, text)
            if count != 1:
                print(f"{path.name}: the sentence was not found once (found {count})", file=sys.stderr)
                return 1
            path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
