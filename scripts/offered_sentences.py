"""Write the sentences that say which lessons are offered in Korean and Italian: in the
teacher's guide, its Korean and Italian summaries and the README, from `lessons.offered`.
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
    """file key -> (file, pattern of the sentences there, the sentences as they should be)."""
    every = [item.number for item in lessons.lessons()]
    ko, it = _numbers("ko"), _numbers("it")
    both = [n for n in ko if n in it]
    span = f"{every[0]}부터 {every[-1]}까지"
    if ko == every:
        korean = f"지금 한국어로 제공되는 수업은 {span} 모든 수업이며"
        korean += ", 모두 이탈리아어로도 제공됩니다. " if it == every else ". "
        korean += "`handout --lang ko`와 `start --lang ko`는 모든 수업을 한국어판으로 만들어 줍니다."
    else:
        korean = f"지금 한국어로 제공되는 수업은 {', '.join(ko)}이고"
        if both:
            korean += f"(그중 이탈리아어로도 제공되는 수업은 {', '.join(both)})"
        korean += (
            ", 나머지 수업은 번역과 검수가 끝나는 대로 추가됩니다. `handout --lang ko`와 "
            "`start --lang ko`는 한국어로 제공되는 수업은 한국어판으로, 나머지 수업은 영어판으로 "
            "만들어 줍니다."
        )
    if it == every:
        italian = (
            f"Oggi tutte le lezioni, dalla {every[0]} alla {every[-1]}, sono disponibili in "
            "italiano (oltre che in inglese), e `handout --lang it` e `start --lang it` le danno "
            "tutte in italiano."
        )
    else:
        italian = (
            f"Oggi {'la lezione' if len(it) == 1 else 'le lezioni'} {_and(it, 'e')} "
            f"{'è disponibile' if len(it) == 1 else 'sono disponibili'} in italiano (oltre che "
            "in inglese); le altre si aggiungeranno man mano che le traduzioni saranno "
            "completate e riviste. `handout --lang it` e `start --lang it` danno in italiano le "
            "lezioni disponibili in italiano e in inglese tutte le altre."
        )
    if ko == it == every:
        english = f"Today every lesson, {every[0]} to {every[-1]}, is offered in Korean and in Italian."
        guide = (
            f"language; today every lesson, {every[0]} to {every[-1]}, is offered in Korean, "
            "Italian and English."
        )
    else:
        english = (
            f"Today lessons {_and(ko, 'and')} are offered in Korean, and {_and(it, 'and')} in Italian."
        )
        guide = (
            f"language; today lessons {_and(ko, 'and')} are offered in Korean and "
            f"{_and(it, 'and')} in Italian (every lesson in English), and the other lessons "
            "follow as their translations are finished and second-read."
        )
    return {
        "ko": (ROOT / "docs" / "teacher-guide.ko.md",
               re.compile(r"지금 한국어로 제공되는 수업은.*?만들어 줍니다\.", re.S), korean),
        "it": (ROOT / "docs" / "teacher-guide.it.md",
               re.compile(r"Oggi (?:la lezione|le lezioni|tutte le lezioni)[ ,].*?"
                          r"(?:tutte le altre|tutte in italiano)\.", re.S),
               italian),
        "guide": (ROOT / "docs" / "teacher-guide.md",
                  re.compile(r"language; today (?:lessons|every lesson)[ ,].*?"
                             r"(?:second-read|Italian and English)\.", re.S), guide),
        "README": (ROOT / "README.md",
                   re.compile(r"Today (?:lessons|every lesson)[ ,].*? in Italian\.", re.S), english),
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
