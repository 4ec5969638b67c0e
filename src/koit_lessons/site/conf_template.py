# Sphinx configuration of the koit-lessons site, written by `koit-lessons site`.
# Offline: myst-nb reads the notebooks' stored outputs (no execution), no widget
# scripts from a CDN (widgets are pictures on the site), and the theme uses its own
# fonts and scripts.

# this sub-site's language, title and every language's pages (for the switcher); the
# line is written by koit_lessons.site.write_source
KOIT_SITE = {"lang": "en", "title": "", "pages": {}}  # @SITE@

project = KOIT_SITE["title"]
author = "koit-lessons contributors"
copyright = "koit-lessons contributors; data: see each data set"
version = release = "@VERSION@"
language = KOIT_SITE["lang"]

extensions = ["myst_nb"]
exclude_patterns = ["_build", "_downloads_src", "**.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_render_plugin = "koit"
nb_merge_streams = True

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["koit.css"]
html_title = KOIT_SITE["title"]
templates_path = ["_templates"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "navigation_with_keys": False,
    # the language switcher (koit_lessons.site.languages), before the theme's buttons
    "article_header_end": ["koit-languages.html", "article-header-buttons.html"],
}

# formulas as MathML, converted while building (no MathJax from a CDN)
html_math_renderer = "mathml"


def setup(app):
    from koit_lessons.site import languages, mathml

    languages.setup(app, KOIT_SITE)
    return mathml.setup(app)
