"""`python -m newslab grade SUBMISSIONS --out OUTDIR [--marks marks.csv] [--jobs N] ...`."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from newslab.checks import exercises
from newslab.grading.batch import Settings, UsageError, timed_grade_folder
from newslab.grading.marks import Mark, MarksError, check_against_exercises, read_marks
from newslab.grading.sandbox import DEFAULT_KERNEL_UID, GraderError
from newslab.grading.summary import Progress, summary


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
    parse.add_argument("--cell-timeout", type=float, default=30.0,
                       help="seconds one cell may run (default: 30)")
    parse.add_argument("--budget", type=float, default=120.0,
                       help="seconds one submission may run in all (default: 120)")
    parse.add_argument("--memory", type=int, default=2048,
                       help="memory limit per kernel, in MB (default: 2048)")
    parse.add_argument("--kernel-uid", type=int, default=DEFAULT_KERNEL_UID,
                       help="when run as root: kernels run as the first free uids from this "
                            f"one, one per job (default: {DEFAULT_KERNEL_UID})")
    return parse


def open_to_others(path: Path) -> bool:
    """True when any user on the machine can list `path` (kernels could read classmates' work)."""
    for folder in [*reversed(path.resolve().parents), path.resolve()]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def warnings_for(submissions: Path) -> list[str]:
    if os.geteuid() != 0:
        return ["Not running as root: kernels run as you, so a submission can read and change "
                "your files. Grade as root (or in a throw-away account or container) for the "
                "full sandbox; see docs/GRADING.md."]
    if submissions.is_dir() and open_to_others(submissions):
        return [f"{submissions} is readable by every user, including the kernels' users: run "
                f"`chmod 700 {submissions}` so a submission cannot read its classmates' files."]
    return []


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.jobs < 1 or args.cell_timeout <= 0 or args.budget <= 0 or args.memory < 256:
        print("--jobs must be at least 1, the timeouts positive and --memory at least 256 MB.",
              file=sys.stderr)
        return 2
    for warning in warnings_for(args.submissions):
        print(f"warning: {warning}", file=sys.stderr)
    marks: tuple[Path, list[Mark]] | None = None
    try:
        if args.marks is not None:
            rows = read_marks(args.marks)
            check_against_exercises(rows, exercises(), args.marks)
            marks = (args.marks, rows)
    except MarksError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    settings = Settings(jobs=args.jobs, cell_timeout=args.cell_timeout, budget=args.budget,
                        memory_mb=args.memory, kernel_uid=args.kernel_uid)
    try:
        grades, seconds = timed_grade_folder(args.submissions, args.out, settings,
                                             progress=lambda total: Progress(total).advance,
                                             marks=marks)
    except (UsageError, GraderError, MarksError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nInterrupted: every kernel was stopped and no output was written.",
              file=sys.stderr)
        return 130
    print(summary(grades, seconds))
    print(f"\nWrote {args.out / 'grades.csv'}, {args.out / 'questions.csv'}, "
          f"{args.out / 'written.csv'} and {args.out / 'feedback'}/ (one file per student).")
    return 0
