"""Lesson 06 is a template: the whole notebook runs on any text once `path` is changed.

It is run on three texts: the practice article, an invented text with no figures, and an
invented text with documents and named sources (tests/fixtures/lesson06/, each with a .json
record beside it, as the practice article has). Every cell must run, the tables must be
non-empty where the text has content, and both charts must carry the text's source line.
Its step 5 shows a short text on which the rules fail; a test holds the rules to that failure.
"""

import ast
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from newslab.attribution import find_attribution
from newslab.figures import find_figures
from newslab.paths import DATA, NOTEBOOKS

LESSON = NOTEBOOKS / "06_your_own_article.ipynb"
FIXTURES = Path(__file__).parent / "fixtures" / "lesson06"
PATH_LINE = 'path = course_file("practice_article.txt")'
SUMMARY = """
import json as summary_json
print(summary_json.dumps({
    "figures": len(figures), "my_figures": len(my_figures), "labels": len(story_labels),
    "types": sorted(set(story_labels["attribution_type"])),
    "map_title": source_map.to_dict()["title"], "chart_title": figures_chart.to_dict()["title"],
    "furniture": {str(key): value for key, value in furniture.items()},
}))
"""
TEXTS = {
    "practice": (DATA / "practice_article.txt", "The Harbour Ledger (fictional)"),
    "no_figures": (FIXTURES / "no_figures.txt", "The Orrin Gazette (fictional)"),
    "documents": (FIXTURES / "documents.txt", "The Orrin Gazette (fictional)"),
}


def run_lesson_on(text_path: Path) -> dict:
    """Execute lesson 06 with `path` set to `text_path`; return the summary it prints."""
    notebook = nbformat.read(LESSON, as_version=4)
    setters = [cell for cell in notebook.cells if PATH_LINE in cell.source]
    assert len(setters) == 1, "lesson 06 sets its path in exactly one line"
    setters[0].source = setters[0].source.replace(PATH_LINE, f"path = {str(text_path)!r}")
    notebook.cells.append(nbformat.v4.new_code_cell(SUMMARY))
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[-1].outputs)
    return json.loads(printed)


@pytest.fixture(scope="module", params=list(TEXTS), ids=list(TEXTS))
def run(request: pytest.FixtureRequest) -> tuple[str, dict]:
    text_path, _ = TEXTS[request.param]
    return request.param, run_lesson_on(text_path)


def test_every_cell_runs_and_the_tables_follow_the_text(run: tuple[str, dict]) -> None:
    name, summary = run
    assert summary["labels"] > 0
    if name == "no_figures":
        assert summary["figures"] == 0 and summary["my_figures"] == 0
    else:
        assert summary["figures"] >= 3 and summary["my_figures"] == summary["figures"]
    if name == "documents":
        assert {"document", "named_source"} <= set(summary["types"])
    assert summary["furniture"], "the worked answer reads the record's page furniture"


def test_both_charts_name_the_texts_source(run: tuple[str, dict]) -> None:
    name, summary = run
    line = f"Source: {TEXTS[name][1]}"
    assert line in summary["map_title"]["subtitle"]
    assert line in summary["chart_title"]["subtitle"]


def test_the_only_path_in_the_lesson_is_the_one_to_change() -> None:
    notebook = nbformat.read(LESSON, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert code.count("practice_article") == 2  # the path, and the name of its references
    assert "furniture = {}" in code


def assigned_literal(notebook: nbformat.NotebookNode, name: str, role: str | None = None):
    """The literal value a code cell of the lesson assigns to `name` (of the cell with `role`)."""
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.metadata.get("newslab", {}).get("role") != role:
            continue
        for node in ast.parse(cell.source).body:
            if isinstance(node, ast.Assign) and [t.id for t in node.targets] == [name]:
                return ast.literal_eval(node.value)
    raise AssertionError(f"lesson 06 assigns no literal to {name!r}")


def test_the_rules_still_fail_where_step_5_says_they_do() -> None:
    """Step 5 claims the drafts are wrong on `tricky`: if the rules learn these forms, the
    lesson's text (and its stored outputs) must change with them, so this test fails first."""
    notebook = nbformat.read(LESSON, as_version=4)
    tricky = assigned_literal(notebook, "tricky")
    worked = assigned_literal(notebook, "fixed_figures", role="worked_answer")
    assert all(value_text in tricky for value_text, *_ in worked)

    drafted = find_figures(tricky)
    assert sorted(drafted["value"]) == [9, 10]  # "Nine in ten" read as two counts
    assert 90 not in set(drafted["value"]) and 100 not in set(drafted["value"])

    labels = find_attribution(tricky)
    quotation = labels[labels["text"].str.contains("Nine in ten")]
    assert len(quotation) == 1
    assert quotation["attribution_type"].iloc[0] == "unattributed_assertion"  # not Ana Vesk
    assert quotation["source_described"].iloc[0] == ""
