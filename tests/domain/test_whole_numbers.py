"""Whole numbers from outside are ASCII digits and few of them; anything else is None."""

from __future__ import annotations

import pytest

from domain.whole_numbers import MAX_DIGITS, plain_whole


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("12", 12), (" 36 ", 36), ("007", 7)])
def test_plain_digits_are_read(text: str, number: int) -> None:
    assert plain_whole(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "²",
        "3²",
        "١٢",
        "１２",
        "-3",
        "+3",
        "3.0",
        "1e3",
        "0x10",
        "12 3",
        "5" * 5000,
        "9" * (MAX_DIGITS + 1),
        "3\x00",
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert plain_whole(text) is None
