"""What `newslab grade` writes for running a class, beside the grade book: report.html, the
feedback zips for Canvas and Moodle, and (with a roster) lms_import.csv and lms_problems.txt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newslab.grading.feedback_zip import write_feedback_zips
from newslab.grading.lms import Roster, build_export, problems_text
from newslab.grading.output import write_atomically
from newslab.grading.report import report_html
from newslab.grading.score import Grade


@dataclass(frozen=True)
class ClassOptions:
    """The roster read before grading (None: no LMS file), and whether flagged rows count."""

    roster: Roster | None = None
    count_flagged: bool = False


def write_class_outputs(out: Path, grades: list[Grade], options: ClassOptions) -> list[str]:
    """Write the class files; return lines for the terminal (what was written, what to check)."""
    lines = []
    write_atomically(out / "report.html", report_html(grades))
    lines.append(f"Class report: {out / 'report.html'}")
    for path in write_feedback_zips(out, grades):
        lines.append(f"Feedback for the LMS (one upload): {path}")
    stale = [out / "lms_import.csv", out / "lms_problems.txt"]
    if options.roster is None:
        for path in stale:
            path.unlink(missing_ok=True)
        return lines
    export = build_export(options.roster, grades, options.count_flagged)
    write_atomically(stale[0], export.text)
    write_atomically(stale[1], problems_text(export, options.roster.lms))
    lines.append(f"Grades for {options.roster.lms}: {stale[0]} ({export.filled} filled in, "
                 f"{export.blank} left blank); {len(export.problems)} things to look at in "
                 f"{stale[1]}:")
    lines += [f"  - {problem}" for problem in export.problems]
    return lines
