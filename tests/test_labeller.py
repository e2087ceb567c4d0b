"""The attribution labelling tool: session logic, widgets, agreement, and re-running its cell."""

import json

import pandas as pd
import pytest

from newslab import load_claims
from newslab.labeller import (
    _TOOLS,
    ATTRIBUTION_TYPES,
    LabellingSession,
    LabellingTool,
    agreement,
    labelling_tool,
)
from newslab.paths import DATA

SENTENCES = [("s1", "One."), ("s2", "Two."), ("s3", "Three.")]


def story_claims() -> pd.DataFrame:
    return load_claims()


def test_the_types_are_the_vocabulary_of_the_data_package() -> None:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    claims = next(item for item in package["resources"] if item["name"] == "claims")
    field = next(item for item in claims["schema"]["fields"]
                 if item["name"] == "attribution_type")
    assert list(ATTRIBUTION_TYPES) == field["constraints"]["enum"]


def test_next_and_back_move_one_sentence_and_stop_at_the_ends() -> None:
    session = LabellingSession(SENTENCES)
    assert session.current == ("s1", "One.") and session.at_start
    session.back()
    assert session.position == 0
    session.next()
    session.next()
    assert session.current[0] == "s3" and session.at_end
    session.next()
    assert session.position == 2
    session.back()
    assert session.current[0] == "s2"


def test_progress_counts_position_and_labels() -> None:
    session = LabellingSession(SENTENCES)
    assert session.progress() == "Sentence 1 of 3 · 0 labelled"
    session.choose("hedge_no_source")
    session.next()
    session.next()
    assert session.progress() == "Sentence 3 of 3 · 1 labelled"


def test_labels_land_in_a_table_in_reading_order() -> None:
    session = LabellingSession(SENTENCES)
    session.go_to("s3")
    session.choose("unattributed_assertion")
    session.go_to("s1")
    session.choose("one_anonymous_source")
    table = session.labels()
    assert list(table.columns) == ["sentence_id", "text", "label"]
    assert table["sentence_id"].tolist() == ["s1", "s3"]
    assert table["label"].tolist() == ["one_anonymous_source", "unattributed_assertion"]


def test_choosing_again_replaces_and_none_removes_a_label() -> None:
    session = LabellingSession(SENTENCES)
    session.choose("named_source")
    session.choose("hedge_no_source")
    assert session.labels()["label"].tolist() == ["hedge_no_source"]
    session.choose(None)
    assert session.labels().empty


def test_an_unknown_label_is_refused() -> None:
    with pytest.raises(ValueError, match="not one of the types"):
        LabellingSession(SENTENCES).choose("rumour")


def test_sentences_can_come_from_a_table_and_must_be_unique() -> None:
    table = pd.DataFrame({"sentence_id": ["a", "b"], "text": ["A.", "B."]})
    assert LabellingSession(table).ids == ["a", "b"]
    with pytest.raises(ValueError, match="unique"):
        LabellingSession([("a", "A."), ("a", "again")])
    with pytest.raises(ValueError, match="columns"):
        LabellingSession(pd.DataFrame({"id": ["a"]}))


def test_agreement_counts_exact_and_defensible_labels_and_lists_the_rest() -> None:
    claims = story_claims()
    labels = {"p02s1": "several_anonymous_sources",  # the reference label
              "p03s1": "hedge_no_source",  # the defensible alternative
              "p10s1": "several_anonymous_sources",  # wrong: "a source" is one
              "p99s9": "named_source"}  # not in the ledger: ignored
    report = agreement(labels, claims)
    assert (report.labelled, report.exact, report.defensible) == (3, 1, 2)
    assert report.disagreements["sentence_id"].tolist() == ["p10s1"]
    row = report.disagreements.iloc[0]
    assert row["your_label"] == "several_anonymous_sources"
    assert row["reference"] == "one_anonymous_source"
    assert "3 sentences" in report.summary() and "1 differs: listed" in report.summary()


def test_agreement_with_the_reference_itself_is_complete() -> None:
    claims = story_claims()
    labels = dict(zip(claims["sentence_id"], claims["attribution_type"], strict=True))
    report = agreement(labels, claims)
    assert report.exact == report.labelled == len(claims)
    assert report.disagreements.empty and report.exact_share == 1.0


def test_agreement_without_labels_says_so() -> None:
    report = agreement({}, story_claims())
    assert report.labelled == 0 and "No sentence is labelled" in report.summary()


def test_the_widgets_have_the_affordances_the_browser_tests_use() -> None:
    tool = LabellingTool(LabellingSession(SENTENCES))
    assert tool.dropdown.description == "Attribution"
    assert list(tool.dropdown.options) == list(ATTRIBUTION_TYPES)
    assert tool.dropdown.value is None
    assert (tool.back_button.description, tool.next_button.description) == ("Back", "Next")
    assert tool.progress.value == "Sentence 1 of 3 · 0 labelled"
    assert tool.back_button.disabled and not tool.next_button.disabled
    assert "newslab-labeller" in tool.box._dom_classes


def test_choosing_in_the_dropdown_and_clicking_next_updates_everything() -> None:
    tool = LabellingTool(LabellingSession(SENTENCES))
    tool.dropdown.value = "hedge_no_source"
    assert tool.progress.value == "Sentence 1 of 3 · 1 labelled"
    tool.next_button.click()
    assert tool.progress.value == "Sentence 2 of 3 · 1 labelled"
    assert tool.dropdown.value is None and "Two." in tool.sentence.value
    tool.back_button.click()
    assert tool.dropdown.value == "hedge_no_source"
    assert tool.labels()["label"].tolist() == ["hedge_no_source"]


def test_moving_does_not_copy_a_label_onto_the_next_sentence() -> None:
    tool = LabellingTool(LabellingSession(SENTENCES))
    tool.dropdown.value = "named_source"
    tool.next_button.click()
    tool.next_button.click()
    assert tool.labels()["sentence_id"].tolist() == ["s1"]
    assert tool.next_button.disabled


def test_the_sentence_is_shown_escaped() -> None:
    tool = LabellingTool(LabellingSession([("x1", "<b>bold</b> & “quoted”")]))
    assert "&lt;b&gt;" in tool.sentence.value and "<b>bold" not in tool.sentence.value


def test_agreement_appears_once_every_sentence_is_labelled() -> None:
    claims = story_claims().head(2)
    pairs = list(zip(claims["sentence_id"], claims["quote"], strict=True))
    tool = LabellingTool(LabellingSession(pairs), reference=claims)
    tool.dropdown.value = claims["attribution_type"].iloc[0]
    assert tool.result.value == ""
    tool.next_button.click()
    tool.dropdown.value = "named_source"
    shown = tool.result.value
    assert "You labelled 2 sentences" in shown and "1 differs" in shown
    assert "<table" in shown and "named_source" in shown
    assert tool.agreement().exact == 1


def test_the_text_form_of_the_tool_shows_its_progress() -> None:
    tool = LabellingTool(LabellingSession(SENTENCES))
    bundle = tool._repr_mimebundle_()
    assert bundle["text/plain"] == "Labelling tool: Sentence 1 of 3 · 0 labelled"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_running_the_cell_again_keeps_the_labels_and_closes_the_old_widgets() -> None:
    first = labelling_tool(SENTENCES, key="test-rerun", fresh=True)
    first.dropdown.value = "hedge_no_source"
    first.next_button.click()
    second = labelling_tool(SENTENCES, key="test-rerun")
    assert second is not first and second.session is first.session
    assert second.progress.value == "Sentence 2 of 3 · 1 labelled"
    assert first.dropdown.comm is None and first.box.comm is None
    second.dropdown.value = "named_source"
    assert second.labels()["label"].tolist() == ["hedge_no_source", "named_source"]


def test_fresh_or_different_sentences_start_a_new_session() -> None:
    first = labelling_tool(SENTENCES, key="test-fresh", fresh=True)
    first.dropdown.value = "hedge_no_source"
    assert labelling_tool(SENTENCES, key="test-fresh", fresh=True).labels().empty
    other = labelling_tool(SENTENCES[:2], key="test-fresh")
    assert other.labels().empty and other.progress.value.endswith("of 2 · 0 labelled")


def test_tools_with_different_keys_do_not_share_labels() -> None:
    one = labelling_tool(SENTENCES, key="test-one", fresh=True)
    two = labelling_tool(SENTENCES, key="test-two", fresh=True)
    one.dropdown.value = "named_source"
    assert two.labels().empty and one.dropdown.comm is not None


# --- labels saved beside the notebook -----------------------------------------------------------

def test_each_label_is_saved_as_chosen_and_read_back_by_a_new_session(tmp_path) -> None:
    saved = tmp_path / "labels.json"
    session = LabellingSession(SENTENCES, save_to=saved)
    session.choose("hedge_no_source")
    assert json.loads(saved.read_text(encoding="utf-8")) == {"labels": {"s1": "hedge_no_source"}}
    session.go_to("s3")
    session.choose("named_source")
    session.go_to("s1")
    session.choose(None)
    again = LabellingSession(SENTENCES, save_to=saved)  # as after a kernel restart
    assert again.labels()["sentence_id"].tolist() == ["s3"]
    assert not list(tmp_path.glob(".*.partial"))


def test_labels_for_other_sentences_stay_in_the_file(tmp_path) -> None:
    saved = tmp_path / "labels.json"
    saved.write_text('{"labels": {"p99s1": "named_source"}}', encoding="utf-8")
    session = LabellingSession(SENTENCES, save_to=saved)
    assert session.labels().empty
    session.choose("one_anonymous_source")
    stored = json.loads(saved.read_text(encoding="utf-8"))["labels"]
    assert stored == {"p99s1": "named_source", "s1": "one_anonymous_source"}


@pytest.mark.parametrize("content", ["not json", '{"labels": ["a"]}',
                                     '{"labels": {"s1": "rumour"}}'])
def test_an_unreadable_labels_file_is_named_and_left_unchanged(tmp_path, content: str) -> None:
    saved = tmp_path / "labels.json"
    saved.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="labels.json is not a labels file .* left as it is"):
        LabellingSession(SENTENCES, save_to=saved)
    assert saved.read_text(encoding="utf-8") == content


def test_the_tool_comes_back_with_saved_labels_after_a_restart(tmp_path) -> None:
    saved = tmp_path / "labels.json"
    first = labelling_tool(SENTENCES, key="test-saved", fresh=True, save_to=saved)
    first.dropdown.value = "named_source"
    _TOOLS.clear()  # what a kernel restart does to the tools in memory
    again = labelling_tool(SENTENCES, key="test-saved", save_to=saved)
    assert again.labels()["label"].tolist() == ["named_source"]
    assert again.dropdown.value == "named_source"


def test_fresh_puts_the_old_labels_file_aside_instead_of_losing_it(tmp_path) -> None:
    saved = tmp_path / "labels.json"
    labelling_tool(SENTENCES, key="test-aside", save_to=saved).dropdown.value = "named_source"
    assert labelling_tool(SENTENCES, key="test-aside", fresh=True, save_to=saved).labels().empty
    aside = tmp_path / "labels.before-fresh.json"
    assert json.loads(aside.read_text(encoding="utf-8")) == {"labels": {"s1": "named_source"}}
