"""Exercise 07, the final assignment: checks of consistency with the student's own text.

Every answer here is about a short INVENTED article (Norhaven and its people are fictional).
Each wrong answer asserts the exact points and the words of its diagnosis.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import nbformat
import pandas as pd
import pytest

from newslab.checks import checker, get_exercise, grade_answer
from newslab.checks.core import Result
from newslab.checks.ex07_final_assignment import EXERCISE_ID, NO_TEXT, loader_message
from newslab.grading.capture import MISSING
from newslab.grading.score import PASTE_NOTE, grade_question, outside_file_notes
from newslab.paths import SOLUTIONS
from newslab.plain import to_plain
from newslab.textfile import TextInputError, check_text, decode_text

TEXT = ("PRACTICE TEXT: invented for the tests. Norhaven and everyone named here are fictional.\n"
        "\n"
        "Updated 09:00, May 2\n"
        "\n"
        "About 1,200 people marched through Norhaven on Saturday, police said.\n"
        "\n"
        "Organisers put the crowd at more than 5,000.\n"
        "\n"
        "The march reportedly cost the town nearly £30,000 in overtime.\n"
        "\n"
        "Send tips to desk@norhaven.example.")
FURNITURE = {1: "practice_notice", 2: "timestamp", 6: "contact"}
PROVENANCE = {"outlet": "The Norhaven Post (fictional)", "author": None, "date": None,
              "url": None, "missing": "No author, no year in the date, no URL."}
NAMESPACE = {"article_text": TEXT, "furniture": FURNITURE, "provenance": PROVENANCE}
HTML = ("<!DOCTYPE html><html><head><title>March</title></head><body><p>About 1,200 people "
        "marched.</p></body></html>")


def grade(question: str, value: Any, namespace: dict[str, Any] | None = None) -> Result:
    return grade_answer(EXERCISE_ID, question, value,
                        NAMESPACE if namespace is None else namespace)


def figures_table() -> pd.DataFrame:
    return pd.DataFrame([
        {"value": 1200, "unit": "marchers", "place": "Norhaven", "source": "police",
         "qualifier": "about", "low": 1150, "high": 1250, "quote": "About 1,200 people marched",
         "sentence_id": "p03s1"},
        {"value": 5000, "unit": "marchers", "place": "Norhaven", "source": "organisers",
         "qualifier": "more than", "low": 5000, "high": None,
         "quote": "more than 5,000", "sentence_id": "p04s1"},
        {"value": 30000, "unit": "pounds of overtime", "place": "Norhaven",
         "source": "not stated (reportedly)", "qualifier": "nearly", "low": None,
         "high": 30000, "quote": "nearly £30,000 in overtime", "sentence_id": "p05s1"},
    ])


def changed(row: int, **columns: Any) -> pd.DataFrame:
    table = figures_table()
    for column, value in columns.items():
        table.loc[row, column] = value
    return table


def labels_table() -> pd.DataFrame:
    return pd.DataFrame({
        "sentence_id": ["p03s1", "p04s1", "p05s1"],
        "attribution_type": ["named_source", "several_anonymous_sources", "hedge_no_source"],
        "cue": ["said", "put", "reportedly"],
    })


def chart(subtitle: str = "Source: The Norhaven Post", description: str = "Three ranges.",
          tooltip: bool = True) -> alt.Chart:
    encoding: dict[str, Any] = {"x": "low:Q", "x2": "high:Q", "y": "source:N"}
    if tooltip:
        encoding["tooltip"] = ["quote:N"]
    return alt.Chart(figures_table().fillna(0)).mark_rule().encode(**encoding).properties(
        title=alt.Title("Marchers in Norhaven, as reported", subtitle=[subtitle]),
        description=description)


# --- question 1 ----------------------------------------------------------------------------------

def test_a_pasted_article_passes() -> None:
    result = grade("q1", TEXT)
    assert (result.points, result.feedback) == (1, "Your text reads as an article: 6 paragraphs, "
                                                   "7 sentences.")


def loader_says(text: str) -> str:
    try:
        decode_text(text.encode("utf-8"), "the text you pasted")
        check_text(text, "the text you pasted")
    except TextInputError as error:
        return str(error)
    raise AssertionError("the loader accepted it")


@pytest.mark.parametrize(("text", "words"), [
    (HTML, "looks like an HTML page"),
    ("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>", "is a PDF document"),
    ("   \n\t ", "contains only whitespace"),
])
def test_html_pdf_and_blank_texts_get_the_loaders_own_message(text: str, words: str) -> None:
    result = grade("q1", text)
    assert result.points == 0
    assert result.feedback.startswith(loader_says(text)) and words in result.feedback
    assert "Paste the article's words themselves" in result.feedback
    assert loader_message(text) == loader_says(text)


def test_a_text_that_is_not_a_string_is_sent_back_to_the_triple_quotes() -> None:
    result = grade("q1", ["About 1,200 people"])
    assert result.points == 0 and 'article_text = """..."""' in result.feedback


# --- question 2 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "words"), [
    ({}, "complete and consistent"),
    ({"date": "May 2"}, "\"date\" should be written year-month-day"),
    ({"missing": "Nothing."}, "You wrote None for 'author', 'date', 'url', but \"missing\""),
    ({"url": "norhaven.example/march"}, "\"url\" should be the page's web address"),
    ({"outlet": None}, "\"outlet\" should be text"),
    ({"author": 7}, "\"author\" should be text, or None"),
])
def test_provenance(change: dict[str, Any], words: str) -> None:
    result = grade("q2", {**PROVENANCE, **change})
    assert result.points == (0 if change else 1) and words in result.feedback


def test_provenance_needs_every_key_and_a_dictionary() -> None:
    without = {key: value for key, value in PROVENANCE.items() if key != "url"}
    assert "has no key 'url'" in grade("q2", without).feedback
    assert "should be a dictionary" in grade("q2", "The Norhaven Post").feedback


# --- question 3 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "points", "words"), [
    (FURNITURE, 1, "names 3 of 6 paragraphs"),
    ({}, 1, "names 0 of 6 paragraphs"),
    ({9: "caption"}, 0, "Your text has 6 paragraphs (non-empty lines), so there is no "
                        "paragraph 9"),
    ({3: "story"}, 0, "Paragraph 3 is marked \"story\""),
    ({2: ""}, 0, "Paragraph 2 needs a kind"),
    ([1, 2], 0, "should be a dictionary from paragraph number to kind"),
    ({n: "caption" for n in range(1, 7)}, 0, "Every paragraph is marked as furniture"),
])
def test_furniture(value: Any, points: int, words: str) -> None:
    result = grade("q3", value)
    assert result.points == points and words in result.feedback, result.feedback


def test_every_check_of_the_text_waits_for_the_text() -> None:
    for question, value in [("q3", FURNITURE), ("q4", figures_table()), ("q5", labels_table())]:
        for namespace in [{}, {**NAMESPACE, "article_text": ...}, {**NAMESPACE,
                                                                   "article_text": HTML}]:
            result = grade(question, value, namespace)
            assert (result.points, result.feedback) == (0, NO_TEXT)


# --- question 4 ----------------------------------------------------------------------------------

def test_a_consistent_figures_table_gets_full_points() -> None:
    result = grade("q4", figures_table())
    assert (result.points, result.max_points) == (3, 3), result.feedback
    assert "Your 3 figure(s) agree with your text" in result.feedback


@pytest.mark.parametrize(("table", "points", "words"), [
    (changed(0, quote="About 1,200 people marched through Brimwick"), 2,
     "In row 1 (p03s1), the quote does not occur in your text"),
    (changed(1, sentence_id="p03s1"), 2,
     "In row 2 (p03s1), the quote is in your text but not in p03s1"),
    (changed(1, sentence_id="p09s1"), 2, "'p09s1' is not a sentence id of your text"),
    (changed(0, sentence_id="p02s1", quote="09:00"), 1,
     "In row 1 (p02s1), p02s1 is page furniture (timestamp)"),
    (changed(0, qualifier="none", low=1200, high=1250), 2,
     "In row 1 (p03s1), the quote has \"about\" before 1200, but your qualifier is \"none\""),
    (changed(0, low=1100, high=1300), 2,
     "In row 1 (p03s1), its low and high do not follow the course's rule for \"about\" "
     "(about_round"),
    (changed(1, high=10000), 2, "rule for \"more than\" (over_open"),
    (changed(2, value=3000), 2, "In row 3 (p05s1), 3000 is not in its quote"),
    (changed(0, qualifier="approx."), 2, "\"approx.\" is not a qualifier the course has a rule"),
    (changed(2, unit=""), 2, "Fill in unit, place and source in row 3 (p05s1)"),
])
def test_figures_inconsistent_with_the_text(table: pd.DataFrame, points: int,
                                            words: str) -> None:
    result = grade("q4", table)
    assert result.points == points and words in result.feedback, result.feedback


def test_figures_need_their_columns() -> None:
    result = grade("q4", figures_table().drop(columns=["place"]))
    assert result.points == 0 and "Your table has no column named 'place'" in result.feedback


def test_an_empty_table_is_right_for_a_text_without_figures_only() -> None:
    empty = figures_table().iloc[0:0]
    no_figures = "The library reopened on Monday, the mayor said.\n\nReaders were pleased."
    result = grade("q4", empty, {"article_text": no_figures, "furniture": {}})
    assert (result.points, result.max_points) == (3, 3)
    assert "Your article has no figures" in result.feedback
    result = grade("q4", empty)
    assert result.points == 1
    assert "find_figures finds 3 figure(s) in the story sentences" in result.feedback


def test_a_range_must_be_in_its_quote() -> None:
    text = "Between 300 and 400 boats sailed, the harbour master said."
    row = {"value": None, "unit": "boats", "place": "not stated", "source": "harbour master",
           "qualifier": "range", "low": 300, "high": 400, "quote": "Between 300 and 400 boats",
           "sentence_id": "p01s1"}
    space = {"article_text": text, "furniture": {}}
    assert grade("q4", pd.DataFrame([row]), space).points == 3
    wrong = grade("q4", pd.DataFrame([{**row, "high": 500}]), space)
    assert wrong.points == 2 and "does not hold a range from its low to its high" in \
        wrong.feedback


# --- question 5 ----------------------------------------------------------------------------------

def test_consistent_labels_get_full_points() -> None:
    result = grade("q5", labels_table())
    assert (result.points, result.max_points) == (2, 2), result.feedback


@pytest.mark.parametrize(("edit", "points", "words"), [
    (lambda t: t.assign(attribution_type=["named_source", "anonymous", "hedge_no_source"]), 1,
     "'anonymous' is not a label of the course's vocabulary"),
    (lambda t: t.iloc[:2], 1, "1 story sentence(s) have no label, the first is p05s1"),
    (lambda t: pd.concat([t, t.iloc[:1]]), 1, "p03s1 has two rows"),
    (lambda t: t.assign(sentence_id=["p02s1", "p04s1", "p05s1"]), 1,
     "p02s1 is page furniture (timestamp) in your furniture"),
    (lambda t: t.assign(cue=["said", "estimated", "reportedly"]), 1,
     "The cue of p04s1 has 'estimated', which is not in that sentence"),
    (lambda t: t.assign(text=["About 1,200 people.", "x", "y"]), 1,
     "The text in the row of p03s1 is not that sentence of your text"),
    (lambda t: t.assign(sentence_id=["p3s1", "p04s1", "p05s1"], attribution_type="said"), 0,
     "'p3s1' is not a sentence id of your text"),
])
def test_labels_inconsistent_with_the_text_or_the_vocabulary(edit: Any, points: int,
                                                             words: str) -> None:
    result = grade("q5", edit(labels_table()))
    assert result.points == points and words in result.feedback, result.feedback


# --- question 6 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "points", "words"), [
    (chart(), 2, "a title, a source line naming the outlet, a description and tooltips"),
    (chart(subtitle="Police and organisers"), 1, "Your chart has no source line"),
    (chart(subtitle="Source: The Harbour Ledger"), 1,
     "does not name the outlet you gave in Question 2"),
    (chart(description=""), 1, "no description for screen readers"),
    (chart(tooltip=False), 1, "Your chart has no tooltips"),
    (chart(subtitle="x", description=""), 0, "no source line"),
    ("a chart", 0, "not an Altair chart"),
])
def test_chart(value: Any, points: int, words: str) -> None:
    result = grade("q6", value)
    assert result.points == points and words in result.feedback, result.feedback


def test_the_source_line_needs_an_outlet_in_provenance() -> None:
    result = grade("q6", chart(), {"provenance": ...})
    assert result.points == 1 and "Write the outlet in your provenance" in result.feedback


# --- written questions, the notebook's checker, the grader ------------------------------------

def test_three_written_questions_with_rubrics_printed_in_the_solution() -> None:
    exercise = get_exercise(EXERCISE_ID)
    written = [q for q in exercise.questions if q.written]
    assert [q.variable for q in written] == ["rests_on", "not_conclude", "reporter_question"]
    solution = nbformat.read(SOLUTIONS / f"{EXERCISE_ID}.ipynb", as_version=4)
    printed = "".join(output.get("text", "") for cell in solution.cells
                      if cell.cell_type == "code" for output in cell.outputs)
    for question in written:
        assert question.rubric is not None and question.rubric.as_text() in printed


def test_the_notebook_checker_reads_earlier_answers_from_the_cells_variables(
        capsys: pytest.CaptureFixture[str]) -> None:
    check = checker(EXERCISE_ID)
    exec("check('q3', furniture)", {"check": check, "article_text": TEXT, "furniture": FURNITURE})
    assert "q3: ✅ 1/1 points." in capsys.readouterr().out
    exec("check('q3', furniture)", {"check": check, "furniture": FURNITURE})
    assert NO_TEXT in capsys.readouterr().out


def test_the_grader_passes_the_earlier_answers_it_captured() -> None:
    question = get_exercise(EXERCISE_ID).question("q4")
    answers = {"q1": TEXT, "q3": to_plain(FURNITURE), "q4": to_plain(figures_table())}
    assert grade_question(question, answers, stopped=False).points == 3
    answers["q1"] = MISSING
    graded = grade_question(question, answers, stopped=False)
    assert (graded.points, graded.feedback) == (0, NO_TEXT)


def test_a_notebook_that_reads_an_absent_file_is_told_to_paste_the_text() -> None:
    errors = ["cell 7 raised FileNotFoundError: [Errno 2] No such file or directory: "
              "'my_article.txt'"]
    assert outside_file_notes(errors) == [PASTE_NOTE]
    assert "Paste the text into its answer cell" in PASTE_NOTE
    assert outside_file_notes(["cell 7 raised NameError: name 'x' is not defined"]) == []


def test_the_instructor_guide_publishes_the_same_rubrics() -> None:
    guide = (SOLUTIONS.parent / "INSTRUCTORS.md").read_text(encoding="utf-8")
    assert "## The final assignment" in guide
    for question in get_exercise(EXERCISE_ID).questions:
        if question.rubric is None:
            continue
        for level in question.rubric.levels:
            row = f"| {level.points:g} | {level.name} | {level.description} |"
            assert row in guide, row


def test_the_weak_example_of_the_instructor_guide_gets_the_points_it_says() -> None:
    """INSTRUCTORS.md's weak submission: 7/10 from the checks, question by question."""
    from newslab.attribution import find_attribution
    from newslab.figures import find_figures

    provenance = {"outlet": "Norhaven Post", "author": None, "date": "May 2", "url": None,
                  "missing": "nothing"}
    space = {"article_text": TEXT, "furniture": {}, "provenance": provenance}
    found = find_figures(TEXT, {})
    draft = pd.DataFrame({"value": found["value"], "unit": "", "place": "", "source": "",
                          "qualifier": found["qualifier"], "low": found["low"],
                          "high": found["high"], "quote": found["quote"],
                          "sentence_id": found["sentence_id"]})
    bars = alt.Chart(draft).mark_bar().encode(x="value:Q", y="quote:N", tooltip=["quote:N"])
    answers = [("q1", TEXT), ("q2", provenance), ("q3", {}), ("q4", draft),
               ("q5", find_attribution(TEXT, {})), ("q6", bars.properties(
                   title="Numbers in the march story", description="Three bars."))]
    points = [grade(question, value, space).points for question, value in answers]
    assert points == [1, 0, 1, 2, 2, 1]


def test_a_check_can_only_need_the_answers_of_earlier_questions() -> None:
    from newslab.checks.core import Exercise, Question

    def passes(value: Any, earlier: dict[str, Any]) -> Result:
        return Result(1, 1, "")

    with pytest.raises(ValueError, match=r"zz, q1 needs \['q2'\]"):
        Exercise("zz", "Test", (Question("q1", "a", passes, needs=("q2",)),
                                Question("q2", "b", passes)))
