"""Formulas on the site as MathML, converted while building (latex2mathml).

Sphinx's default, MathJax, is a script loaded from a CDN when a page opens; the site
loads nothing from elsewhere. Browsers show MathML themselves (Chromium since 109,
Firefox, Safari) and screen readers read it.
"""

from __future__ import annotations

from docutils import nodes

__all__ = ["setup"]


def _convert(latex: str, display: str) -> str:
    from latex2mathml.converter import convert

    return convert(latex.strip(), display=display)


def _inline(self, node: nodes.Element) -> None:
    self.body.append(_convert(node.astext(), "inline"))
    raise nodes.SkipNode


def _block(self, node: nodes.Element) -> None:
    self.body.append(f'<div class="math">{_convert(node.astext(), "block")}</div>')
    raise nodes.SkipNode


def setup(app) -> dict[str, bool]:
    """Register the ``mathml`` math renderer (``html_math_renderer = "mathml"``)."""
    app.add_html_math_renderer("mathml", (_inline, None), (_block, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
