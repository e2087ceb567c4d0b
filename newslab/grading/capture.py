"""How answers leave a student's kernel: as JSON made by `newslab.plain.to_plain`, nothing else.

The grader runs an injected first cell that defines `__newslab_capture__` with its own copy of
`to_plain` (its source, exec'd in a private namespace), and a capture cell right after each
answer cell. A capture prints one line, `NEWSLAB-ANSWER <question> <json>`, on the stdout the
kernel had before any student code ran. The grader reads those lines from the capture cells'
own output only and parses them with `json.loads`: whatever a kernel sends is data, never an
object, and never a check result.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import newslab.plain
from newslab.plain import TAG

MARKER = "NEWSLAB-ANSWER"
MAX_ANSWER_CHARS = 4_000_000
MISSING = {TAG: "missing"}
UNREADABLE = {TAG: "unreadable"}

_PRELUDE = '''\
def __newslab_make_capture(source, limit, marker):
    import json
    import sys

    namespace = {"__name__": "newslab_plain_copy"}
    exec(compile(source, "<newslab.plain>", "exec"), namespace)
    to_plain, out, user = namespace["to_plain"], sys.stdout, globals()

    def capture(question, variable):
        if variable not in user:
            payload = {"__newslab__": "missing"}
        else:
            try:
                payload = to_plain(user[variable])
                text = json.dumps(payload)
                if len(text) > limit:
                    payload = {"__newslab__": "unsupported", "type": "answer too large"}
            except BaseException:
                payload = {"__newslab__": "unsupported", "type": "value it cannot convert"}
        out.write("\\n%s %s %s\\n" % (marker, question, json.dumps(payload)))
        out.flush()

    return capture

'''


def prelude() -> str:
    """The first cell the grader runs in every kernel."""
    source = inspect.getsource(newslab.plain)
    return (f"{_PRELUDE}\n\n__newslab_capture__ = __newslab_make_capture("
            f"{source!r}, {MAX_ANSWER_CHARS}, {MARKER!r})\ndel __newslab_make_capture\n")


def capture_cell(question_id: str, variable: str) -> str:
    """The cell that captures one answer (ids and names come from the registry, not the file)."""
    return f"__newslab_capture__({question_id!r}, {variable!r})"


def parse_capture(text: str, question_id: str) -> Any:
    """The plain answer in a capture cell's stdout, or UNREADABLE when there is none."""
    value: Any = UNREADABLE
    prefix = f"{MARKER} {question_id} "
    for line in text.splitlines():
        if line.startswith(prefix):
            try:
                value = json.loads(line[len(prefix):])
            except ValueError:
                value = UNREADABLE
    return value
