"""koit-lessons: AI chips, critical minerals and alliance politics, taught from real data.

The package is split into small layers that a lesson imports as it needs them::

    from koit_lessons import data, metrics, plots, checks

Importing ``koit_lessons`` itself is cheap: pandas and matplotlib are only loaded
when a module that needs them is imported.
"""

from koit_lessons.errors import KoitError, install_short_tracebacks

__version__ = "0.1.0"
__all__ = ["KoitError", "__version__"]

install_short_tracebacks()  # in a kernel: a KoitError shows the student's lines only
