"""Execute notebooks in place so they carry fresh outputs (lessons and solutions).

    python tools/execute.py notebooks/01_the_article_as_a_source.ipynb solutions/*.ipynb

Each notebook runs in a fresh kernel with its own folder as the working directory,
exactly as a student (and nbval) runs it.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, timeout: int = 120) -> float:
    """Run every cell of `path` in a fresh kernel, save the outputs, return the seconds taken."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - started
    nbformat.write(notebook, path)
    return elapsed


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__)
        return 2
    for name in arguments:
        seconds = execute(Path(name))
        print(f"{name}: executed in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
