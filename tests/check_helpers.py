"""Assertions shared by the tests of the exercises' checks."""

from newslab.checks import Result


def assert_full(result: Result) -> None:
    """The answer earned every point."""
    assert result.points == result.max_points, result.feedback


def assert_less(result: Result, hint: str, secrets: list[str]) -> None:
    """Fewer points, the expected hint, and none of the secret strings in the feedback."""
    assert result.points < result.max_points, result.feedback
    assert hint.lower() in result.feedback.lower(), result.feedback
    for secret in secrets:
        assert secret not in result.feedback, f"{secret!r} leaked: {result.feedback}"
