"""The course as a static website (`python -m newslab site`, `make site`).

- `outputs`: turns stored notebook outputs into what a page without a kernel can show
  (Altair charts drawn by the Vega libraries served from the site, a note instead of a widget)
  and folds the worked answers of "Your turn" tasks;
- `pages`: the page source folder: lessons with launch links and navigation, exercises,
  README as the home page, INSTRUCTORS.md, a glossary if there is one (never `solutions/`);
- `build`: the command, which runs Sphinx (MyST-NB, sphinx-book-theme) on that folder.

The tools were chosen by trying them on this course: docs/AUTHORING.md, "The website".
"""
