"""Regenerate `data/sentences.csv` from `data/article.txt` and `data/article.json`.

    python tools/write_sentences.py

The CSV is derived data: a test fails when it differs from what newslab's splitter makes,
so run this after changing the splitter or the metadata's `non_story` list.
"""

from newslab.data import load_sentences_table
from newslab.paths import DATA


def main() -> int:
    table = load_sentences_table()
    table.to_csv(DATA / "sentences.csv", index=False, lineterminator="\n")
    print(f"wrote {len(table)} sentences to {DATA / 'sentences.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
