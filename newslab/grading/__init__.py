"""The grader: a folder of submitted exercise notebooks in, a grade book and feedback out.

Modules, one job each:
- `discover`: find the submitted files and tell whose each one is;
- `notebook`: read and validate a file, identify its exercise, plan the cells to run;
- `capture`: the injected code that sends answers out of a kernel as JSON, and its parser;
- `warm_launcher`: the process that forks fresh kernels with pandas and altair already
  imported, and the grader's handle on it (`Launcher`);
- `isolation`: each kernel's namespaces and private view of the file system (Linux syscalls),
  and whether other users can read a path;
- `sandbox`: private folders, limits, unprivileged users; the grader's default settings;
- `kernel`: the jupyter_client overrides (provisioner, manager, client) that take kernels from
  the warm launcher;
- `execute`: run one submission's cells in a fresh kernel with nbclient, with timeouts and a
  budget;
- `status`: the words of grades.csv's status column;
- `score`: the registry's checks, run here in the grader on plain data; duplicates; written
  answers kept pending;
- `marks`: read and check an instructors' marks.csv, merge it into the written answers;
- `output`: grades.csv, questions.csv, written.csv, feedback/<student>.md, written atomically;
- `summary`: the progress bar and the terminal summary;
- `batch`: grade a folder; `cli`: `python -m newslab grade`.

Why a forked launcher: a kernel started from scratch spends about 2 s importing pandas and
altair, which caps a two-core machine at about 1.2 s per submission. The launcher imports them
once (and never the checks or any answer), then forks one brand-new ipykernel process per
submission, which drops to an unprivileged user and sets its limits before any student code
runs. nbclient drives it like any kernel; it is killed after its one submission.
See docs/GRADING.md for the instructor's guide and what the sandbox does and does not cover.
"""

import sys

# jsonschema (under nbformat in the grader, under altair in the kernels) imports rfc3987_syntax
# when it is installed (jupyterlab brings it), only to check the "iri" string format, which no
# notebook or chart schema here uses; that import builds a parser and costs 1-2 s of CPU, more
# than pandas and altair together. Marking it absent, before jsonschema loads, skips it in the
# grader and in the launcher (whose kernels inherit it): the start-up the issue measures.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


class GraderError(Exception):
    """A problem with the grader's own set-up (not with a submission)."""
