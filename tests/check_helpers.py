"""Assertions and helpers shared by the tests of the exercises' checks."""

from __future__ import annotations

import json
import re
from typing import Any

import nbformat
import pandas as pd
from nbclient import NotebookClient

from newslab.checks import Result, get_exercise, run_check
from newslab.paths import SOLUTIONS
from newslab.plain import to_plain


def assert_full(result: Result) -> None:
    """The answer earned every point."""
    assert result.points == result.max_points, result.feedback


def assert_less(result: Result, hint: str, secrets: list[str]) -> None:
    """Fewer points, the expected hint, and none of the secret strings in the feedback."""
    assert result.points < result.max_points, result.feedback
    assert hint.lower() in result.feedback.lower(), result.feedback
    for secret in secrets:
        assert secret not in result.feedback, f"{secret!r} leaked: {result.feedback}"


def solution_answers(exercise_id: str) -> dict[str, Any]:
    """Execute solutions/<id>.ipynb and return {question id: plain answer}."""
    path = SOLUTIONS / f"{exercise_id}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    exercise = get_exercise(exercise_id)
    names = {question.id: question.variable for question in exercise.questions}
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import json as _json\nfrom newslab.plain import to_plain as _to_plain\n"
        f"print(_json.dumps({{q: _to_plain(globals()[v]) for q, v in {names!r}.items()}}))"
    ))
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    output = "".join(o.get("text", "") for o in notebook.cells[-1].outputs
                     if o.output_type == "stream")
    return json.loads(output)


def check(exercise_id: str, question_id: str, value: Any) -> Any:
    return run_check(get_exercise(exercise_id).question(question_id), to_plain(value))


# --- what every exercise's checks must do -----------------------------------------------------

def assert_solution_earns_full_points(exercise_id: str, answers: dict[str, Any]) -> None:
    """Every question of the solution passes with full points (written ones: form only)."""
    exercise = get_exercise(exercise_id)
    assert set(answers) == {q.id for q in exercise.questions}
    for question in exercise.questions:
        result = run_check(question, answers[question.id])
        if question.written:  # an instructor marks it: the check only says the form is fine
            assert result.pending and result.feedback.startswith("Form: "), result
            continue
        assert result.passed, f"{exercise_id} {question.id}: {result}"
        assert result.points == result.max_points > 0


def assert_ellipsis_is_not_attempted(exercise_id: str) -> None:
    """The placeholder `...` earns nothing and says "Not attempted yet"."""
    for question in get_exercise(exercise_id).questions:
        result = check(exercise_id, question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


def assert_odd_answers_never_crash(exercise_id: str) -> None:
    """Every odd answer gets zero and a message, never a failure of the check itself."""
    for question in get_exercise(exercise_id).questions:
        for answer in ODD_ANSWERS:
            result = check(exercise_id, question.id, answer)
            assert result.points == 0, (question.id, answer)
            assert result.feedback and "check itself failed" not in result.feedback, (
                question.id, repr(answer)[:40], result.feedback)


# --- what a feedback message must never contain ---------------------------------------------

def number_forms(number: float) -> list[str]:
    """Ways a student could recognise a number: 30000, 30,000, 30 000, 30_000, 30k."""
    n = int(number) if float(number).is_integer() else number
    forms = [str(n)]
    if isinstance(n, int) and abs(n) >= 1000:
        forms += [f"{n:,}", f"{n:,}".replace(",", " "), f"{n:_}", f"{n / 1000:g}k"]
    return forms


def forbidden(plain: Any) -> list[str]:
    """Every formatting of every value inside an expected answer."""
    if isinstance(plain, bool) or plain is None:
        return []
    if isinstance(plain, (int, float)):
        return number_forms(plain)
    if isinstance(plain, str):
        return [plain]
    if isinstance(plain, list):
        return [form for item in plain for form in forbidden(item)]
    if isinstance(plain, dict) and plain.get("__newslab__") == "dataframe":
        # A table's answer is its ids and its figures, not its prose or its offsets.
        return [form for record in plain["records"] for key, item in record.items()
                if key in {"sentence_id", "value"} for form in forbidden(item)]
    return []


def leaks(feedback: str, expected: Any, options: dict[str, str] | None = None) -> list[str]:
    """The forbidden strings that appear in `feedback` (numbers matched as whole numbers)."""
    found = []
    for form in forbidden(expected):
        if options is not None and form in options:
            form = options[form]  # a choice: its letter is everywhere, its text must not be
        if re.search(rf"(?<![\w,.]){re.escape(form)}(?![\w]|,\d)", feedback):
            found.append(form)
    return found


ODD_ANSWERS: list[Any] = [
    None, {}, {"a": 1}, [None], [[1]], "", 0, -1, 1e300, True, [True], 2.5, ["p99s9"],
    ["2020-02-30"], pd.DataFrame(), pd.Series([1, 2]), [1, "a"], [19], "19", ["x" * 20],
    pd.DataFrame({"sentence_id": [None], "qualifier": [None], "value": [None]}),
    pd.DataFrame({"sentence_id": [1], "qualifier": [2], "value": [float("nan")]}),
    {"__newslab__": "chart", "spec": {}},
]
