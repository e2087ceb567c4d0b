"""Trained linear models as plain numbers, and their predictions with numpy alone.

The combined attribution labeller of benchmarks/attribution_combined.py is two fitted
scikit-learn pipelines: a ColumnTransformer (or a lone CountVectorizer) feeding a
LogisticRegression. A course that shipped it could not train it on first use (its training
table needs the git history) and should not need scikit-learn at run time. This module has two
halves:

- `export_pipeline(pipeline) -> dict` (needs scikit-learn, imported only when called): the
  fitted pipeline's numbers as a JSON-able dict (lists, str, bool; floats round-trip exactly,
  as json writes their repr). Any part it cannot reproduce stops it with a message naming it.
- `LinearModel.from_dict(d).predict_proba(rows)` (numpy and the standard library only):
  the pipeline's predict_proba, rebuilt: sklearn's word and char_wb analyzers, binary counts,
  sublinear tf, idf and the l2 norm per text part, one-hot categories, standardised numbers,
  the parts concatenated in the ColumnTransformer's order, then the logistic (binary) or
  softmax (multiclass) of the linear scores. Each row's features are built sparse, as a dict
  from feature column to value, and dotted with the per-class weights of those columns only.

`tools/check_linear_export.py` compares the two on the combined labeller's own data;
tests/test_linear_export.py checks the predictor by hand-made models (no scikit-learn).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

FORMAT = "newslab-linear-model"
VERSION = 1
WHITE_SPACES = re.compile(r"\s\s+")  # sklearn's VectorizerMixin._white_spaces


class UnsupportedModelError(ValueError):
    """A fitted pipeline holds a part this module cannot reproduce."""


class BadInputError(ValueError):
    """A row given to LinearModel.predict_proba lacks a column or has a wrong value."""


# ---------------------------------------------------------------- export (needs sklearn)


def export_pipeline(pipeline: Any) -> dict[str, Any]:
    """The numbers of a fitted Pipeline([features, LogisticRegression]) as a JSON-able dict.

    `features` is a ColumnTransformer whose parts are OneHotEncoder(handle_unknown="ignore"),
    CountVectorizer, TfidfVectorizer (analyzer "word" or "char_wb") or StandardScaler, or it
    is a lone CountVectorizer / TfidfVectorizer (the rows are then documents)."""
    import sklearn
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.pipeline import Pipeline

    if type(pipeline) is not Pipeline:
        raise UnsupportedModelError(f"expected a fitted sklearn Pipeline, got "
                                    f"{type(pipeline).__name__}")
    if len(pipeline.steps) != 2:
        names = [name for name, _ in pipeline.steps]
        raise UnsupportedModelError(f"the pipeline has steps {names}: expected two, the "
                                    "features and a LogisticRegression")
    (features_name, features), (model_name, model) = pipeline.steps
    if type(features) is ColumnTransformer:
        parts = _column_parts(features_name, features)
        documents = False
    elif type(features) in (CountVectorizer, TfidfVectorizer):
        parts = [_text_part(features_name, features, None)]
        documents = True
    else:
        raise UnsupportedModelError(f"step {features_name!r}: {type(features).__name__} is "
                                    "not supported (a ColumnTransformer or a lone "
                                    "CountVectorizer/TfidfVectorizer)")
    exported = {"format": FORMAT, "version": VERSION, "sklearn": sklearn.__version__,
                "documents": documents, "parts": parts, **_linear(model_name, model)}
    width = sum(_width(part) for part in parts)
    if width != len(exported["coef"][0]):
        raise UnsupportedModelError(f"the parts give {width} features but {model_name!r} "
                                    f"has {len(exported['coef'][0])} weights per class")
    return exported


def _column_parts(name: str, transformer: Any) -> list[dict[str, Any]]:
    """The fitted parts of a ColumnTransformer, in the order it concatenates them."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    parts = []
    for part_name, part, columns in transformer.transformers_:
        where = f"{name}/{part_name}"
        if isinstance(part, str) and part == "drop":
            continue
        if isinstance(part, str):  # "passthrough"
            raise UnsupportedModelError(f"{where}: {part!r} columns are not supported")
        if not (isinstance(columns, str) or (isinstance(columns, list | tuple) and all(
                isinstance(column, str) for column in columns))):
            raise UnsupportedModelError(f"{where}: columns must be named (a str or a list of "
                                        f"str), not {columns!r}")
        kind = type(part)
        if kind in (CountVectorizer, TfidfVectorizer):
            if not isinstance(columns, str):
                raise UnsupportedModelError(f"{where}: a text part reads one column given as "
                                            f"a str, not {columns!r}")
            parts.append(_text_part(where, part, columns))
        elif kind is OneHotEncoder:
            parts.append(_one_hot_part(where, part, list(columns)))
        elif kind is StandardScaler:
            parts.append(_scale_part(where, part, list(columns)))
        else:  # sklearn fits "passthrough" columns as a FunctionTransformer
            what = "a FunctionTransformer (passthrough columns)" \
                if kind.__name__ == "FunctionTransformer" else kind.__name__
            raise UnsupportedModelError(f"{where}: {what} is not supported (OneHotEncoder, "
                                        "CountVectorizer, TfidfVectorizer, StandardScaler)")
    return parts


def _text_part(where: str, vectorizer: Any, column: str | None) -> dict[str, Any]:
    """A fitted CountVectorizer or TfidfVectorizer: its options, vocabulary and idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    for option, allowed in (("input", "content"), ("strip_accents", None),
                            ("preprocessor", None), ("tokenizer", None), ("stop_words", None)):
        if getattr(vectorizer, option) != allowed:
            raise UnsupportedModelError(f"{where}: {option}={getattr(vectorizer, option)!r} "
                                        f"is not supported (only {allowed!r})")
    if vectorizer.analyzer not in ("word", "char_wb"):
        raise UnsupportedModelError(f"{where}: analyzer={vectorizer.analyzer!r} is not "
                                    "supported (only 'word' and 'char_wb')")
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    tfidf = type(vectorizer) is TfidfVectorizer
    if tfidf and vectorizer.norm not in (None, "l2"):
        raise UnsupportedModelError(f"{where}: norm={vectorizer.norm!r} is not supported "
                                    "(only 'l2' or None)")
    return {"name": where, "kind": "text", "columns": column,
            "analyzer": vectorizer.analyzer, "lowercase": bool(vectorizer.lowercase),
            "token_pattern": vectorizer.token_pattern,
            "ngram_range": [int(n) for n in vectorizer.ngram_range],
            "binary": bool(vectorizer.binary),
            "sublinear_tf": bool(tfidf and vectorizer.sublinear_tf),
            "norm": vectorizer.norm if tfidf else None,
            "idf": vectorizer.idf_.tolist() if tfidf and vectorizer.use_idf else None,
            "vocabulary": terms}


def _plain(value: Any) -> str | bool | int | float:
    """A category as a JSON value (numpy scalars become Python ones)."""
    value = value.item() if isinstance(value, np.generic) else value
    if value is None or (isinstance(value, float) and math.isnan(value)) or not isinstance(
            value, str | bool | int | float):
        raise UnsupportedModelError(f"category {value!r} is not supported (str, bool, int "
                                    "or float, not missing)")
    return value


def _one_hot_part(where: str, encoder: Any, columns: list[str]) -> dict[str, Any]:
    """A fitted OneHotEncoder(handle_unknown="ignore"): its categories per column."""
    if encoder.handle_unknown != "ignore":
        raise UnsupportedModelError(f"{where}: handle_unknown={encoder.handle_unknown!r} is "
                                    "not supported (only 'ignore')")
    for option in ("drop", "min_frequency", "max_categories"):
        if getattr(encoder, option) is not None:
            raise UnsupportedModelError(f"{where}: {option}={getattr(encoder, option)!r} "
                                        "is not supported (only None)")
    return {"name": where, "kind": "one_hot", "columns": columns,
            "categories": [[_plain(value) for value in values]
                           for values in encoder.categories_]}


def _scale_part(where: str, scaler: Any, columns: list[str]) -> dict[str, Any]:
    """A fitted StandardScaler: the mean and scale of each column (0 and 1 where unused)."""
    width = len(columns)
    mean = scaler.mean_.tolist() if scaler.with_mean else [0.0] * width
    scale = scaler.scale_.tolist() if scaler.with_std else [1.0] * width
    return {"name": where, "kind": "scale", "columns": columns, "mean": mean,
            "scale": scale}


def _linear(where: str, model: Any) -> dict[str, Any]:
    """A fitted LogisticRegression: classes, weights and intercepts."""
    from sklearn.linear_model import LogisticRegression

    if type(model) is not LogisticRegression:
        raise UnsupportedModelError(f"step {where!r}: {type(model).__name__} is not "
                                    "supported (only LogisticRegression)")
    return {"classes": [_plain(label) for label in model.classes_],
            "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist()}


def _width(part: Mapping[str, Any]) -> int:
    """How many feature columns a part gives."""
    if part["kind"] == "text":
        return len(part["vocabulary"])
    if part["kind"] == "one_hot":
        return sum(len(values) for values in part["categories"])
    return len(part["columns"])


# ---------------------------------------------------------------- predict (numpy only)


def word_ngrams(text: str, token_pattern: str, lowercase: bool,
                ngram_range: Sequence[int]) -> list[str]:
    """sklearn's word analyzer: lowercase, the token pattern's matches, then n-grams of
    `ngram_range` joined by a space (unigrams first, then 2-grams ...)."""
    text = text.lower() if lowercase else text
    tokens = re.findall(token_pattern, text)
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for size in range(max(low, 2), min(high, len(tokens)) + 1):
        grams += [" ".join(tokens[start:start + size])
                  for start in range(len(tokens) - size + 1)]
    return grams


def char_wb_ngrams(text: str, lowercase: bool, ngram_range: Sequence[int]) -> list[str]:
    """sklearn's char_wb analyzer: runs of two or more white spaces become one space (as
    sklearn does; str.split splits on the same white space, so it changes nothing here);
    each word padded with a space on either side gives its character n-grams; a word no
    longer than n, padded, gives itself once and no longer n-grams."""
    text = text.lower() if lowercase else text
    text = WHITE_SPACES.sub(" ", text)
    low, high = ngram_range
    grams = []
    for word in text.split():
        padded = f" {word} "
        for size in range(low, high + 1):
            grams += [padded[start:start + size]
                      for start in range(max(len(padded) - size + 1, 1))]
            if len(padded) <= size:  # sklearn counts a short word only once
                break
    return grams


@dataclass
class _Part:
    """One exported part, ready to turn a row into {feature column: value}."""

    spec: dict[str, Any]
    offset: int
    index: dict[Any, int]  # term, (column number, category) or column number -> column

    def features(self, row: Any) -> dict[int, float]:
        kind = self.spec["kind"]
        if kind == "text":
            return self._text(row)
        if kind == "one_hot":
            return self._one_hot(row)
        return self._scale(row)

    def _text(self, row: Any) -> dict[int, float]:
        spec = self.spec
        document = row if spec["columns"] is None else _value(row, spec["columns"])
        if not isinstance(document, str):
            raise BadInputError(f"{spec['name']}: a document must be a str, not "
                                f"{document!r}")
        if spec["analyzer"] == "word":
            grams = word_ngrams(document, spec["token_pattern"], spec["lowercase"],
                                spec["ngram_range"])
        else:
            grams = char_wb_ngrams(document, spec["lowercase"], spec["ngram_range"])
        counts = Counter(self.index[gram] for gram in grams if gram in self.index)
        values = {column: 1.0 if spec["binary"] else float(count)
                  for column, count in counts.items()}
        if spec["sublinear_tf"]:
            values = {column: math.log(value) + 1.0 for column, value in values.items()}
        if spec["idf"] is not None:
            idf = spec["idf"]
            values = {column: value * idf[column] for column, value in values.items()}
        if spec["norm"] == "l2" and values:
            length = math.sqrt(sum(value * value for value in values.values()))
            if length:
                values = {column: value / length for column, value in values.items()}
        return {self.offset + column: value for column, value in values.items()}

    def _one_hot(self, row: Any) -> dict[int, float]:
        found = {}
        for number, column in enumerate(self.spec["columns"]):
            value = _value(row, column)
            value = value.item() if isinstance(value, np.generic) else value
            try:
                where = self.index.get((number, value))
            except TypeError:  # an unhashable value (a list, a dict) is no category
                raise BadInputError(f"{self.spec['name']}: column {column!r} holds "
                                    f"{value!r}, not a category") from None
            if where is not None:  # an unknown category gives no feature, as "ignore" does
                found[self.offset + where] = 1.0
        return found

    def _scale(self, row: Any) -> dict[int, float]:
        spec = self.spec
        found = {}
        for number, column in enumerate(spec["columns"]):
            value = _value(row, column)
            try:
                number_value = float(value)
            except (TypeError, ValueError):
                raise BadInputError(f"{spec['name']}: column {column!r} must be a number, "
                                    f"not {value!r}") from None
            found[self.offset + number] = (number_value - spec["mean"][number]) \
                / spec["scale"][number]
        return found


def _value(row: Any, column: str) -> Any:
    """A row's value in `column`, with a clear message where it has none."""
    try:
        return row[column]
    except (KeyError, TypeError, IndexError):
        raise BadInputError(f"the row has no column {column!r}: {row!r:.200}") from None


def _part(spec: dict[str, Any], offset: int) -> _Part:
    if spec["kind"] == "text":
        index: dict[Any, int] = {term: column for column, term in
                                 enumerate(spec["vocabulary"])}
    elif spec["kind"] == "one_hot":
        index, column = {}, 0
        for number, values in enumerate(spec["categories"]):
            for value in values:
                index[(number, value)] = column
                column += 1
    elif spec["kind"] == "scale":
        index = {}
    else:
        raise UnsupportedModelError(f"part {spec.get('name')!r}: unknown kind "
                                    f"{spec['kind']!r}")
    return _Part(spec, offset, index)


class LinearModel:
    """An exported pipeline that predicts with numpy: `LinearModel.from_dict(d)`."""

    def __init__(self, parts: list[_Part], classes: list[Any], coef: np.ndarray,
                 intercept: np.ndarray, documents: bool) -> None:
        self.parts, self.classes = parts, classes
        self.coef, self.intercept, self.documents = coef, intercept, documents

    @classmethod
    def from_dict(cls, exported: Mapping[str, Any]) -> LinearModel:
        """The model of an `export_pipeline` dict (read back from JSON or not)."""
        if exported.get("format") != FORMAT or exported.get("version") != VERSION:
            raise UnsupportedModelError(f"not a {FORMAT} version {VERSION} dict (format "
                                        f"{exported.get('format')!r}, version "
                                        f"{exported.get('version')!r})")
        parts, offset = [], 0
        for spec in exported["parts"]:
            parts.append(_part(dict(spec), offset))
            offset += _width(spec)
        coef = np.asarray(exported["coef"], dtype=np.float64)
        intercept = np.asarray(exported["intercept"], dtype=np.float64)
        if coef.ndim != 2 or coef.shape[1] != offset or len(intercept) != len(coef):
            raise UnsupportedModelError(f"the weights have shape {coef.shape} and the "
                                        f"intercepts {intercept.shape}, the parts give "
                                        f"{offset} features")
        classes = list(exported["classes"])
        binary = len(classes) == 2 and len(coef) == 1
        if not binary and len(coef) != len(classes):
            raise UnsupportedModelError(f"{len(classes)} classes but {len(coef)} rows of "
                                        "weights")
        # one column of weights per feature, so a row's few features pick theirs
        return cls(parts, classes, np.ascontiguousarray(coef.T), intercept,
                   bool(exported["documents"]))

    def features(self, row: Any) -> dict[int, float]:
        """A row's non-zero features (and standardised numbers): feature column -> value,
        the columns in the order the ColumnTransformer concatenates its parts."""
        found: dict[int, float] = {}
        for part in self.parts:
            found.update(part.features(row))
        return found

    def decision_function(self, rows: Iterable[Any]) -> np.ndarray:
        """The linear scores, one row per input row (one column for a binary model)."""
        scores = []
        for row in _rows(rows, self.documents):
            found = self.features(row)
            columns = np.fromiter(found.keys(), dtype=np.intp, count=len(found))
            values = np.fromiter(found.values(), dtype=np.float64, count=len(found))
            scores.append(values @ self.coef[columns] + self.intercept)
        return np.array(scores).reshape(-1, len(self.intercept))

    def predict_proba(self, rows: Iterable[Any]) -> np.ndarray:
        """The probability of each class (columns in the order of `classes`), as the
        pipeline's predict_proba gives it."""
        scores = self.decision_function(rows)
        if scores.shape[1] == 1:  # binary: the logistic of the one score
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, rows: Iterable[Any]) -> list[Any]:
        """The most likely class of each row."""
        return [self.classes[index] for index in self.predict_proba(rows).argmax(axis=1)]


def _rows(rows: Any, documents: bool) -> list[Any]:
    """Rows as dicts of column values (from a DataFrame too), or documents as str."""
    if documents:
        return list(rows.tolist() if hasattr(rows, "tolist") else rows)
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):  # a pandas DataFrame
        return rows.to_dict("records")
    return list(rows)
