"""Sphinx configuration of the course website, copied into the page folder by `make site`.

Values that change per build (repository, branch) come from `newslab.site.build` through
`-D` options; everything here is the same for every build. Nothing is fetched from the
internet: no notebook is executed, no widget library and no chart library comes from a CDN.
"""

project = "Reading the News as Data"
author = "Reading the News as Data contributors"
copyright = "Reading the News as Data contributors; teaching text CC BY 4.0, code MIT"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "_static", "_templates", "**.ipynb_checkpoints"]
root_doc = "index"

# MyST-NB never executes: the stored outputs are shown (`--execute` runs lessons before this).
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_merge_streams = True
# Worked answers of "Your turn" tasks (tagged hide-cell by newslab.site.outputs) stay folded.
nb_code_prompt_show = "Show the worked answer"
nb_code_prompt_hide = "Hide the worked answer"
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
templates_path = ["_templates"]  # one theme component made accessible (see its comment)
html_css_files = ["newslab-site.css"]
html_favicon = "_static/favicon.svg"  # without one, browsers ask for /favicon.ico (a 404)
html_js_files = ["vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js",
                 "newslab-charts.js"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
# The theme's colour mode: a fixed default (an empty one logs a console error in the theme).
html_context = {"default_mode": "light"}
html_theme_options = {
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
