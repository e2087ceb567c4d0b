"""`python -m newslab grade SUBMISSIONS --out OUTDIR [--marks marks.csv] [--jobs N] ...`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newslab.grading import GraderError
from newslab.grading.lms import LMS_CHOICES, RosterError, read_roster
from newslab.grading.marks import Mark, MarksError, check_against_exercises, read_marks
from newslab.grading.sandbox import Sandbox, Settings

DEFAULTS = Settings()


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(
        prog="python -m newslab grade",
        description="Grade a folder of submitted exercise notebooks (flat, or one folder per "
                    "student). Writes OUTDIR/grades.csv, OUTDIR/questions.csv, OUTDIR/written.csv "
                    "and OUTDIR/feedback/<student>.md. See docs/GRADING.md.")
    parse.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    parse.add_argument("--out", type=Path, required=True, help="folder for the outputs")
    parse.add_argument("--marks", type=Path, default=None,
                       help="merge instructors' marks of written answers from this CSV file "
                            "(made by instructors/mark_written_answers.ipynb)")
    parse.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                       help="notebooks run at the same time (default: 2, or 1 on one core)")
    parse.add_argument("--cell-timeout", type=float, default=DEFAULTS.cell_timeout,
                       help=f"seconds one cell may run (default: {DEFAULTS.cell_timeout:g})")
    parse.add_argument("--budget", type=float, default=DEFAULTS.budget,
                       help="seconds one submission may run in all "
                            f"(default: {DEFAULTS.budget:g})")
    parse.add_argument("--memory", type=int, default=DEFAULTS.memory_mb,
                       help=f"memory limit per kernel, in MB (default: {DEFAULTS.memory_mb})")
    parse.add_argument("--kernel-uid", type=int, default=DEFAULTS.kernel_uid,
                       help="when run as root: kernels run as the first free uids from this "
                            f"one, one per job (default: {DEFAULTS.kernel_uid})")
    add_class_options(parse)
    return parse


def add_class_options(parse: argparse.ArgumentParser) -> None:
    """--roster, --lms, --count-flagged: grades ready for the LMS (newslab/grading/lms.py)."""
    parse.add_argument("--roster", type=Path,
                       help="the roster exported from your LMS: writes OUTDIR/lms_import.csv")
    parse.add_argument("--lms", choices=LMS_CHOICES,
                       help="the roster's format and the import file's (with --roster)")
    parse.add_argument("--count-flagged", action="store_true",
                       help="export points of rows whose status is not `graded` too")


def unsupported_platform() -> str | None:
    """Why grading cannot run here, in one sentence, or None on Linux."""
    if sys.platform.startswith("linux"):
        return None
    return ("Grading needs Linux (it isolates each kernel with Linux namespaces and pidfds): "
            "on Windows run it in WSL, on macOS in a Linux container or VM; see docs/GRADING.md.")


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.jobs < 1 or args.cell_timeout <= 0 or args.budget <= 0 or args.memory < 256:
        print("--jobs must be at least 1, the timeouts positive and --memory at least 256 MB.",
              file=sys.stderr)
        return 2
    unsupported = unsupported_platform()
    if unsupported:
        print(f"error: {unsupported}", file=sys.stderr)
        return 2
    if (args.roster is None) != (args.lms is None):
        print("error: --roster and --lms go together: give both (e.g. --roster roster.csv "
              "--lms canvas) or neither.", file=sys.stderr)
        return 2
    marks: tuple[Path, list[Mark]] | None = None
    try:  # a bad roster or marks file stops at once, before any kernel starts
        roster = read_roster(args.roster, args.lms) if args.roster else None
        if args.marks is not None:
            from newslab.checks import exercises

            rows = read_marks(args.marks)
            check_against_exercises(rows, exercises(), args.marks)
            marks = (args.marks, rows)
    except (RosterError, MarksError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    settings = Settings(jobs=args.jobs, cell_timeout=args.cell_timeout, budget=args.budget,
                        memory_mb=args.memory, kernel_uid=args.kernel_uid)
    started = time.perf_counter()
    try:
        # The launcher warms up (pandas, altair, ipykernel) while the grader imports its own
        # modules and reads the submissions: on two cores that nearly halves the start-up.
        sandbox = Sandbox.for_settings(settings) if args.submissions.is_dir() else None
    except GraderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from newslab.grading.batch import UsageError, grade_folder
    from newslab.grading.classroom import ClassOptions, write_class_outputs
    from newslab.grading.summary import Progress, summary

    try:
        grades = grade_folder(args.submissions, args.out, settings,
                              progress=lambda total: Progress(total).advance, sandbox=sandbox,
                              marks=marks)
        seconds = time.perf_counter() - started
    except (UsageError, GraderError, MarksError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nInterrupted: every kernel was stopped and no output was written.",
              file=sys.stderr)
        return 130
    print(summary(grades, seconds))
    print("\n" + "\n".join(write_class_outputs(args.out, grades,
                                                ClassOptions(roster, args.count_flagged))))
    print(f"\nWrote {args.out / 'grades.csv'}, {args.out / 'questions.csv'}, "
          f"{args.out / 'written.csv'} and {args.out / 'feedback'}/ (one file per student).")
    return 0
