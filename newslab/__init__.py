"""newslab: the plumbing behind the course "Reading the News as Data".

The notebooks do the teaching; this package only loads data, runs checks,
builds exercise notebooks from solutions and grades submissions.
"""

from newslab.attribution import find_attribution
from newslab.data import (
    load_article_text,
    load_claims,
    load_figures,
    load_metadata,
    load_other_estimates,
    load_sentences_table,
)
from newslab.figures import find_figures
from newslab.handouts import save_handout
from newslab.paths import course_file
from newslab.sentences import split_sentences

__all__ = [
    "course_file",
    "find_attribution",
    "find_figures",
    "load_article_text",
    "load_claims",
    "load_figures",
    "load_metadata",
    "load_other_estimates",
    "load_sentences_table",
    "save_handout",
    "split_sentences",
]

__version__ = "0.1.0"
