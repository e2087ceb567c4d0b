"""report.html: the class at a glance, one self-contained page that opens offline.

Statuses, each exercise's score distribution, each question's mean and full-mark rate (a low rate
often means an unclear question), the five most frequent feedback messages per question, and
the rows that need an instructor's eye. Charts are Altair, rendered to inline SVG here with
vl-convert (no JavaScript, no CDN); each chart has a text description and its numbers also stand
in a real HTML table. Students' names appear only in the last table, where they are needed.
The numbers are those of grades.csv and questions.csv (same rows, same rounding rules).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass

import altair as alt
import vl_convert

from newslab.checks.core import format_points
from newslab.grading.score import Grade
from newslab.grading.status import Status

TOP_MESSAGES = 5


@dataclass(frozen=True)
class QuestionStats:
    """One question over the class: how many rows, the mean, how many got full marks."""

    question: str
    rows: int
    mean: float
    max_points: float
    full: int
    messages: list[tuple[str, int]]

    @property
    def full_rate(self) -> float:
        return self.full / self.rows if self.rows else 0.0


def by_exercise(grades: list[Grade]) -> dict[str, list[Grade]]:
    """Graded rows (any status that has an exercise) per exercise id, sorted by id."""
    groups: dict[str, list[Grade]] = defaultdict(list)
    for grade in grades:
        if grade.exercise is not None:
            groups[grade.exercise_id].append(grade)
    return dict(sorted(groups.items()))


def question_stats(group: list[Grade]) -> list[QuestionStats]:
    """Per question of the exercise, in the exercise's order."""
    exercise = group[0].exercise
    assert exercise is not None
    stats = []
    for question in exercise.questions:
        answers = [q for grade in group for q in grade.questions if q.question == question.id]
        # A written answer not marked yet has no points: it counts once it is marked.
        scores = [answer.points for answer in answers if answer.points is not None]
        # the message questions.csv carries: a marked written answer's is the instructor's comment
        counts = Counter(answer.comment if answer.marked else answer.feedback for answer in answers)
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_MESSAGES]
        stats.append(QuestionStats(
            question.id, len(scores), sum(scores) / len(scores) if scores else 0.0,
            question.max_points, sum(1 for value in scores if value >= question.max_points), top))
    return stats


VEGA_LITE = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # "5.20" for Altair 5.5


def svg(chart: alt.TopLevelMixin, description: str) -> str:
    """The chart as an inline SVG image labelled with its description (rendered here, so the
    page needs no script and no network)."""
    text = vl_convert.vegalite_to_svg(chart.to_json(), vl_version=VEGA_LITE)
    text = text[text.index("<svg"):]
    return text.replace("<svg ", f'<svg role="img" aria-label="{html.escape(description)}" ', 1)


def distribution_chart(exercise_id: str, points: list[float], max_points: float) -> alt.Chart:
    values = Counter(points)
    data = alt.Data(values=[{"points": value, "students": count}
                            for value, count in sorted(values.items())])
    description = (f"Bar chart of the score distribution in {exercise_id}: "
                   + "; ".join(f"{count} with {format_points(value)} of "
                               f"{format_points(max_points)} points"
                               for value, count in sorted(values.items())) + ".")
    return alt.Chart(data, title=f"Scores in {exercise_id}", description=description).mark_bar(
        color="#1f5f8b", size=14).encode(
        x=alt.X("points:Q", title=f"points (out of {format_points(max_points)})",
                scale=alt.Scale(domain=[0, max_points])),
        y=alt.Y("students:Q", title="rows", axis=alt.Axis(tickMinStep=1)),
    ).properties(width=420, height=180)


def full_rate_chart(exercise_id: str, stats: list[QuestionStats]) -> alt.Chart:
    data = alt.Data(values=[{"question": item.question, "rate": round(item.full_rate * 100, 1)}
                            for item in stats])
    description = (f"Bar chart of the full-mark rate per question in {exercise_id}: "
                   + "; ".join(f"{item.question} {item.full_rate:.0%}" for item in stats) + ".")
    return alt.Chart(data, title=f"Full marks per question in {exercise_id}",
                     description=description).mark_bar(color="#6a3d9a").encode(
        x=alt.X("question:N", sort=None, title="question"),
        y=alt.Y("rate:Q", title="full marks (% of rows)", scale=alt.Scale(domain=[0, 100])),
    ).properties(width=420, height=180)


def _cell(value: object) -> str:
    return html.escape(str(value))


def table(caption: str, header: list[str], rows: list[list[object]], name: str) -> str:
    """A real HTML table with a caption and column headers; `name` marks it for tests."""
    head = "".join(f'<th scope="col">{_cell(column)}</th>' for column in header)
    body = "".join("<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>"
                   for row in rows)
    return (f'<table data-table="{html.escape(name)}"><caption>{_cell(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def figure(chart: alt.Chart, description: str) -> str:
    drawing = svg(chart, str(chart.description))
    return f'<figure class="chart">{drawing}<figcaption>{_cell(description)}</figcaption></figure>'


def exercise_section(exercise_id: str, group: list[Grade]) -> str:
    exercise = group[0].exercise
    assert exercise is not None
    points = [grade.points or 0.0 for grade in group]
    mean = sum(points) / len(points)
    stats = question_stats(group)
    parts = [f'<section aria-labelledby="ex-{exercise_id}">',
             f'<h2 id="ex-{exercise_id}">{_cell(exercise.title)} ({_cell(exercise_id)})</h2>',
             f"<p>{len(group)} rows, mean {mean:.2f} of {format_points(exercise.max_points)} "
             "points.</p>", "<h3>Score distribution</h3>"]
    chart = distribution_chart(exercise_id, points, exercise.max_points)
    parts.append(figure(chart, str(chart.description)))
    distribution = sorted(Counter(points).items())
    parts.append(table(f"Score distribution in {exercise_id}", ["points", "rows"],
                       [[format_points(value), count] for value, count in distribution],
                       f"distribution:{exercise_id}"))
    parts.append("<h3>Questions</h3>")
    chart = full_rate_chart(exercise_id, stats)
    parts.append(figure(chart, str(chart.description) + " A low rate often means an unclear "
                        "question."))
    parts.append(table(f"Each question of {exercise_id}",
                       ["question", "rows", "mean", "max points", "full marks", "full-mark rate"],
                       [[item.question, item.rows, f"{item.mean:.2f}",
                         format_points(item.max_points), item.full, f"{item.full_rate:.0%}"]
                        for item in stats],
                       f"questions:{exercise_id}"))
    parts.append(f"<h3>Most frequent feedback (up to {TOP_MESSAGES} per question)</h3>")
    parts.append(table(f"Most frequent feedback in {exercise_id}",
                       ["question", "feedback", "rows"],
                       [[item.question, message, count] for item in stats
                        for message, count in item.messages], f"feedback:{exercise_id}"))
    parts.append("</section>")
    return "\n".join(parts)


STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 2rem;
       line-height: 1.4; max-width: 70rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left;
         vertical-align: top; }
figure { margin: 0.5rem 0; }
figcaption { max-width: 45rem; }
"""


def report_html(grades: list[Grade]) -> str:
    """The whole page: statuses, one section per exercise, the rows that need a look."""
    students = len({grade.student for grade in grades})
    statuses = sorted(Counter(grade.status for grade in grades).items())
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>Class report</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             "<main>", "<h1>Class report</h1>",
             f"<p>{len(grades)} rows for {students} students. The numbers come from "
             "grades.csv and questions.csv in this folder.</p>",
             '<section aria-labelledby="statuses">', '<h2 id="statuses">Statuses</h2>',
             table("Rows per status", ["status", "rows"], [list(item) for item in statuses],
                   "statuses"), "</section>"]
    parts += [exercise_section(exercise_id, group)
              for exercise_id, group in by_exercise(grades).items()]
    flagged = [grade for grade in grades if grade.needs_a_look]
    rows = []
    for grade in flagged:
        note = grade.notes[-1] if grade.status == Status.DUPLICATE else (
            grade.notes[0] if grade.notes else "")
        rows.append([grade.student, grade.exercise_id, grade.file, grade.status, note])
    parts += ['<section aria-labelledby="look">',
              f'<h2 id="look">Rows that need an instructor\'s eye ({len(flagged)})</h2>']
    if rows:
        parts.append(table("Rows that need an instructor's eye",
                           ["student", "exercise", "file", "status", "note"], rows, "look"))
    else:
        parts.append("<p>None: every row was graded cleanly.</p>")
    parts += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
