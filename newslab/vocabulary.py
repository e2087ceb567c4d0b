"""The attribution vocabulary: who a claim rests on, written once for the whole course.

`TYPES` lists the labels in order, from the strongest kind of sourcing to none; `MEANINGS`
gives each one a one-line meaning. The ledgers' schema (`data/datapackage.json`), the labelling
tool, the rules of `find_attribution` and the exercise checks all take the vocabulary from here,
and `tests/test_vocabulary.py` holds them equal.

The order matters for teaching, not for the rules: a sentence gets the one label that fits it
best, and a second defensible label goes in the ledger's `alternative_type`.
"""

MEANINGS: dict[str, str] = {
    "named_source": "a source identified by name",
    "document": "a document, report, survey, poll or data set, e.g. 'according to budget "
                "documents', 'records show'",
    "several_anonymous_sources": "unnamed sources in the plural, e.g. 'multiple Daily NK sources'",
    "one_anonymous_source": "one unnamed source, e.g. 'a source'",
    "anonymous_person_quoted": "an unnamed person's own words in quotation marks, e.g. "
                               "'said one cadre'",
    "hedge_no_source": "a hedge such as 'reportedly' or 'appears' with nobody named",
    "reporters_inference": "a conclusion drawn from other statements with nobody named "
                           "(e.g. 'As ..., it appears'), read as the reporter's own",
    "unattributed_assertion": "stated as fact with no source and no hedge",
}  # fmt: skip

TYPES: tuple[str, ...] = tuple(MEANINGS)

# The types whose source is a person the reader cannot identify.
ANONYMOUS_TYPES: tuple[str, ...] = ("several_anonymous_sources", "one_anonymous_source",
                                    "anonymous_person_quoted")  # fmt: skip


def describe_types() -> str:
    """The vocabulary as one paragraph: 'name (meaning); name (meaning); ...'."""
    return "; ".join(f"{name} ({meaning})" for name, meaning in MEANINGS.items())


def check_type(label: str) -> str:
    """Return `label` if it is in the vocabulary; otherwise raise a ValueError that lists it."""
    if label not in MEANINGS:
        raise ValueError(f"{label!r} is not an attribution type. The types are: "
                         f"{', '.join(TYPES)}.")
    return label
