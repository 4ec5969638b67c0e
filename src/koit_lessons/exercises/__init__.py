"""Checked exercises, one module per lesson (``lessonNN.py``), registered with
:func:`koit_lessons.checks.question`. Expected answers are functions of the shipped
data, evaluated only when a student checks an answer.

New lesson modules are found automatically: add ``lessonNN.py`` and nothing else.
"""

import pkgutil

LESSON_MODULES = sorted(
    m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("lesson")
)
