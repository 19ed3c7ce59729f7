"""The translation table: both languages say the same things, and errors come out translated."""

from __future__ import annotations

import re

import pytest

from domain.errors import InputError
from ui.i18n import TEXT, translate


def test_both_languages_have_the_same_keys() -> None:
    assert set(TEXT["vi"]) == set(TEXT["en"])


@pytest.mark.parametrize("key", sorted(TEXT["vi"]))
def test_both_languages_take_the_same_placeholders(key: str) -> None:
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", text))

    assert fields(TEXT["vi"][key]) == fields(TEXT["en"][key])


def test_missing_key_falls_back_to_the_key_itself() -> None:
    assert translate("no.such.key", "en") == "no.such.key"


def test_an_error_key_in_the_table_is_translated() -> None:
    error = InputError(
        "error.period_invalid", "period 2026-13 is not a valid month", period="2026-13"
    )
    assert translate(error.key, "vi", **error.params) == "kỳ 2026-13 không phải là một tháng hợp lệ"
