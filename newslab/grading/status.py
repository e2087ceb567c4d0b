"""The status of a graded file: the one vocabulary of grades.csv's `status` column.

The values are the words instructors see in grades.csv, the summary and the report; they must
not change (instructors' spreadsheets and the LMS export filter on them). `Status` is a str
enum, so a status is written, compared and sorted as its plain text.
"""

from enum import StrEnum


class Status(StrEnum):
    """What happened to one submitted file."""

    GRADED = "graded"  # ran and was scored (notes may still flag it)
    TIMED_OUT = "timed out"  # a cell or the whole budget ran out; answers so far were scored
    CRASHED = "crashed"  # the kernel died; the cells after it did not run
    GRADER_ERROR = "grader error"  # the kernel never started: grade this file again
    NOT_A_NOTEBOOK = "not a notebook"  # not an .ipynb file, a link, or JSON that is no notebook
    INVALID = "invalid notebook"  # empty, damaged, too large, not UTF-8
    UNKNOWN_EXERCISE = "unknown exercise"  # no exercise of the course fits it
    DUPLICATE = "duplicate"  # one of several files for the same exercise; the best one counts
