"""myst-nb's image rendering, with the figure's description as the image's ``alt``.

myst-nb (1.4) takes an image's ``alt`` only from cell or page configuration, and of an
output's metadata only ``width`` and ``height``. The figures of
:mod:`koit_lessons.plots` carry their description in the output's metadata as
``metadata["image/png"]["alt"]`` (the key nbconvert's classic HTML template reads), so
this renderer passes it on. It is registered as the myst-nb renderer ``koit`` (an entry
point of the package) and chosen by the site's ``conf.py`` (``nb_render_plugin``).
"""

from __future__ import annotations

from myst_nb.core.render import MimeData, NbElementRenderer

from koit_lessons.site.lesson_pages import figure_description


class DescribedImages(NbElementRenderer):
    """myst-nb's renderer, with each image's description as its ``alt`` text."""

    def render_image(self, data: MimeData):  # noqa: D102 - as in myst-nb
        nodes = super().render_image(data)
        alt = figure_description({"metadata": data.output_metadata})
        if alt:
            for node in nodes:
                node["alt"] = alt
        return nodes
