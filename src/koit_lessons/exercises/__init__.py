"""Checked exercises, one module per lesson (``lessonNN``), registered with
:func:`koit_lessons.checks.question`. Expected answers are functions of the shipped
data, evaluated only when a student checks an answer."""

LESSON_MODULES = ["lesson00"]
