"""The numpy half of tools/export_linear_models.py: hand-made exported models whose
probabilities are worked out here by hand, and sklearn's analyzers written out as lists.

No scikit-learn here (the course venv has none): tools/check_linear_export.py compares the
predictor with scikit-learn on the combined labeller's real models, offline.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import REPO

MODULE = REPO / "tools" / "export_linear_models.py"
if "export_linear_models" not in sys.modules:
    SPEC = importlib.util.spec_from_file_location("export_linear_models", MODULE)
    assert SPEC and SPEC.loader
    sys.modules["export_linear_models"] = importlib.util.module_from_spec(SPEC)
    SPEC.loader.exec_module(sys.modules["export_linear_models"])
export = sys.modules["export_linear_models"]

DEFAULT_PATTERN = r"(?u)\b\w\w+\b"  # sklearn's default token_pattern


def text_part(name: str, column: str | None, vocabulary: list[str], **options) -> dict:
    """An exported text part: a CountVectorizer's defaults unless `options` say otherwise."""
    return {"name": name, "kind": "text", "columns": column, "analyzer": "word",
            "lowercase": True, "token_pattern": DEFAULT_PATTERN, "ngram_range": [1, 1],
            "binary": False, "sublinear_tf": False, "norm": None, "idf": None,
            "vocabulary": vocabulary, **options}


def model(parts: list[dict], classes: list, coef: list[list[float]], intercept: list[float],
          documents: bool = False) -> dict:
    return {"format": "newslab-linear-model", "version": 1, "documents": documents,
            "parts": parts, "classes": classes, "coef": coef, "intercept": intercept}


def logistic(score: float) -> list[float]:
    positive = 1 / (1 + math.exp(-score))
    return [1 - positive, positive]


def close(found, expected) -> None:
    """Probabilities equal to 1e-12 (the order of float sums may differ)."""
    np.testing.assert_allclose(np.asarray(found), np.asarray(expected), rtol=0, atol=1e-12)


def softmax(scores: list[float]) -> list[float]:
    exps = [math.exp(score) for score in scores]
    return [value / sum(exps) for value in exps]


# ---------------------------------------------------------------- a binary ranker

RANKER = model([text_part("words", None, ["kind_rules", "dep_nsubj", "rules_same"],
                          token_pattern=r"\S+", lowercase=False, binary=True)],
               [False, True], [[1.5, -0.5, 2.0]], [-1.0], documents=True)


def test_a_binary_model_is_the_logistic_of_its_one_score() -> None:
    ranker = export.LinearModel.from_dict(RANKER)
    found = ranker.predict_proba(["kind_rules rules_same kind_rules unknown",
                                  "Kind_rules nothing known", "dep_nsubj"])
    expected = [logistic(1.5 + 2.0 - 1.0),  # binary: kind_rules counts once
                logistic(-1.0),  # lowercase=False: "Kind_rules" is not "kind_rules"
                logistic(-0.5 - 1.0)]
    assert found.shape == (3, 2)
    close(found, expected)
    assert ranker.predict(pd.Series(["kind_rules", "dep_nsubj"])) == [True, False]


def test_counts_that_are_not_binary_add_up() -> None:
    counting = json.loads(json.dumps(RANKER))
    counting["parts"][0]["binary"] = False
    found = export.LinearModel.from_dict(counting).predict_proba(
        ["kind_rules rules_same kind_rules"])
    close(found, [logistic(2 * 1.5 + 2.0 - 1.0)])


# ---------------------------------------------------------------- three classes, every part

WORDS = text_part("features/words", "body", ["said", "the mayor", "mayor"],
                  ngram_range=[1, 2], sublinear_tf=True, norm="l2", idf=[1.0, 2.0, 1.5])
CHARS = text_part("features/chars", "cue", [" s", "id ", "xx"], analyzer="char_wb",
                  ngram_range=[2, 3])
RULES = {"name": "features/rules", "kind": "one_hot", "columns": ["rule_type", "agree"],
         "categories": [["hedge_no_source", "named_source"], [False, True]]}
SHAPE = {"name": "features/shape", "kind": "scale", "columns": ["position", "quotes"],
         "mean": [1.0, 0.5], "scale": [2.0, 0.5]}
#        words: said, the mayor, mayor | chars: " s", "id ", "xx" | rules: hedge, named,
#        False, True | shape: position, quotes
COEF = [[0.5, 1.0, -1.0, 0.2, 0.1, 9.0, 0.0, 1.0, 0.0, 0.3, 0.5, 0.0],
        [-0.5, 0.0, 2.0, 0.0, -0.3, -9.0, 1.0, -1.0, 0.2, 0.0, 0.0, 0.25],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5, -0.25]]
INTERCEPT = [0.1, -0.2, 0.3]
TYPES = model([WORDS, CHARS, RULES, SHAPE], ["hedge_no_source", "named_source", "other"],
              COEF, INTERCEPT)
ROW = {"body": "The mayor said. Said the mayor, said.", "cue": "Said said",
       "rule_type": "named_source", "agree": True, "position": 3, "quotes": 2}


def expected_scores() -> list[float]:
    """ROW's scores, by hand: the words of the body are the, mayor, said, said, the, mayor,
    said, so "said" counts 3, "the mayor" 2 and "mayor" 2; tf 1 + ln(count), times the idf,
    over the l2 length. The cue "said said" gives " s" twice and "id " twice (no idf, no
    norm). named_source and True are the one-hot columns 1 and 3. Position (3 - 1) / 2 = 1,
    quotes (2 - 0.5) / 0.5 = 3."""
    said, the_mayor, mayor = (1 + math.log(3)) * 1.0, (1 + math.log(2)) * 2.0, \
        (1 + math.log(2)) * 1.5
    length = math.sqrt(said ** 2 + the_mayor ** 2 + mayor ** 2)
    features = [said / length, the_mayor / length, mayor / length, 2.0, 2.0, 0.0,
                0.0, 1.0, 0.0, 1.0, 1.0, 3.0]
    return [sum(weight * value for weight, value in zip(weights, features, strict=True))
            + intercept for weights, intercept in zip(COEF, INTERCEPT, strict=True)]


def test_three_classes_are_the_softmax_of_every_part_concatenated() -> None:
    types = export.LinearModel.from_dict(TYPES)
    found = types.predict_proba([ROW])
    expected = softmax(expected_scores())
    close(found, [expected])
    best = max(range(3), key=expected.__getitem__)
    assert types.predict([ROW]) == [TYPES["classes"][best]]


def test_the_features_are_sparse_and_in_the_column_order() -> None:
    features = export.LinearModel.from_dict(TYPES).features(ROW)
    assert sorted(features) == [0, 1, 2, 3, 4, 7, 9, 10, 11]  # no "xx", no zero one-hots
    assert features[3] == features[4] == 2.0 and features[7] == features[9] == 1.0


def test_unknown_terms_and_categories_give_no_feature() -> None:
    row = {**ROW, "body": "Nothing here", "cue": "", "rule_type": "document",
           "agree": "maybe", "position": 1, "quotes": 0.5}
    found = export.LinearModel.from_dict(TYPES).predict_proba([row])
    close(found, [softmax(INTERCEPT)])


def test_a_dataframe_and_a_json_round_trip_give_the_same() -> None:
    other = {**ROW, "agree": False, "rule_type": "hedge_no_source", "quotes": 0}
    types = export.LinearModel.from_dict(TYPES)
    again = export.LinearModel.from_dict(json.loads(json.dumps(TYPES)))
    frame = pd.DataFrame([ROW, other])
    assert frame["agree"].dtype == bool
    assert again.predict_proba(frame).tolist() == types.predict_proba([ROW, other]).tolist()
    assert types.predict_proba([other])[0].tolist() != types.predict_proba([ROW])[0].tolist()


def test_a_missing_column_or_a_wrong_value_is_named() -> None:
    types = export.LinearModel.from_dict(TYPES)
    with pytest.raises(export.BadInputError, match="no column 'quotes'"):
        types.predict_proba([{key: value for key, value in ROW.items() if key != "quotes"}])
    with pytest.raises(export.BadInputError, match="'position' must be a number"):
        types.predict_proba([{**ROW, "position": "third"}])
    with pytest.raises(export.BadInputError, match="a document must be a str"):
        types.predict_proba([{**ROW, "body": None}])


def test_a_dict_of_another_shape_is_refused() -> None:
    with pytest.raises(export.UnsupportedModelError, match="format"):
        export.LinearModel.from_dict({**TYPES, "format": "pickle"})
    with pytest.raises(export.UnsupportedModelError, match="the parts give 12 features"):
        export.LinearModel.from_dict({**TYPES, "coef": [row[:-1] for row in COEF]})


def test_the_predictor_needs_no_sklearn() -> None:
    """Imported and run where importing scikit-learn fails."""
    script = (
        "import sys, json, importlib.util\n"
        "sys.modules['sklearn'] = None  # any import of sklearn now raises ImportError\n"
        f"spec = importlib.util.spec_from_file_location('m', {str(MODULE)!r})\n"
        "m = importlib.util.module_from_spec(spec); sys.modules['m'] = m\n"
        "spec.loader.exec_module(m)\n"
        "model = m.LinearModel.from_dict(json.loads(sys.stdin.read()))\n"
        "print(json.dumps(model.predict_proba(['kind_rules']).tolist()))\n")
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(RANKER),
                          capture_output=True, text=True, check=True)
    close(json.loads(done.stdout), [logistic(1.5 - 1.0)])


# ---------------------------------------------------------------- sklearn's analyzers
# The expected lists below were taken once from scikit-learn 1.9.1,
# CountVectorizer(**options).build_analyzer()(text), by the author of this test.


@pytest.mark.parametrize(("text", "lowercase", "ngram_range", "expected"), [
    ("Hi  I\n said", True, (2, 5),  # "i" is shorter than 3: " i " once, then no longer grams
     [" h", "hi", "i ", " hi", "hi ", " hi ", " i", "i ", " i ", " s", "sa", "ai", "id", "d ",
      " sa", "sai", "aid", "id ", " sai", "said", "aid ", " said", "said "]),
    ("Ab c", False, (1, 2),
     [" ", "A", "b", " ", " A", "Ab", "b ", " ", "c", " ", " c", "c "]),
    ("Roe,\t\tthe  MAYOR", True, (3, 4),
     [" ro", "roe", "oe,", "e, ", " roe", "roe,", "oe, ", " th", "the", "he ", " the", "the ",
      " ma", "may", "ayo", "yor", "or ", " may", "mayo", "ayor", "yor "]),
])
def test_char_wb_ngrams_are_sklearns(text, lowercase, ngram_range, expected) -> None:
    assert export.char_wb_ngrams(text, lowercase, ngram_range) == expected


@pytest.mark.parametrize(("text", "pattern", "lowercase", "ngram_range", "expected"), [
    ("The Mayor, Jane Roe, said 3 things.", DEFAULT_PATTERN, True, (1, 2),
     ["the", "mayor", "jane", "roe", "said", "things", "the mayor", "mayor jane", "jane roe",
      "roe said", "said things"]),
    ("a survey by Gallup found it", DEFAULT_PATTERN, True, (2, 3),
     ["survey by", "by gallup", "gallup found", "found it", "survey by gallup",
      "by gallup found", "gallup found it"]),
    ("says_say subj_ent_PERSON  root_say", r"\S+", False, (1, 1),
     ["says_say", "subj_ent_PERSON", "root_say"]),
    ("Said; According to", r"[^\s;]+", True, (1, 1), ["said", "according", "to"]),
])
def test_word_ngrams_are_sklearns(text, pattern, lowercase, ngram_range, expected) -> None:
    assert export.word_ngrams(text, pattern, lowercase, ngram_range) == expected
