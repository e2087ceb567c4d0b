"""newslab/cells.py: the cell conventions that the build, the tasks rule and the grader share."""

from nbformat.v4 import new_code_cell, new_notebook

from newslab.cells import (
    BEGIN,
    END,
    is_marker,
    newslab_metadata,
    role_of,
    solution_blocks,
    without_markers,
)


def test_metadata_is_a_dict_whatever_the_file_says() -> None:
    cell = new_code_cell("x = 1", metadata={"newslab": {"role": "answer", "variable": "x"}})
    assert newslab_metadata(cell) == {"role": "answer", "variable": "x"}
    assert role_of(cell) == "answer"
    assert newslab_metadata(new_notebook(metadata={"newslab": {"exercise": "01_x"}})) == {
        "exercise": "01_x"}
    for damaged in ({"metadata": {"newslab": "answer"}}, {"metadata": []}, {}, None, "cell"):
        assert newslab_metadata(damaged) == {} and role_of(damaged) == ""
    assert role_of({"metadata": {"newslab": {"role": 3}}}) == ""


def test_solution_blocks_are_the_lines_between_the_markers() -> None:
    source = f"import re\n{BEGIN}\na = 1\nb = 2\n{END}\nprint(a)\n    {BEGIN}\n    c = 3\n    {END}"
    assert solution_blocks(source) == [["a = 1", "b = 2"], ["    c = 3"]]
    assert solution_blocks(f"{BEGIN}\nnever closed") == []
    assert solution_blocks(f"stray\n{END}\nx = 1") == []


def test_without_markers_keeps_everything_else() -> None:
    source = f"import re\n  {BEGIN}\n  a = 1\n  {END}\nprint(a)"
    assert without_markers(source) == "import re\n  a = 1\nprint(a)"
    assert is_marker(f"   {END}  ") and not is_marker(f"{BEGIN} and more")
