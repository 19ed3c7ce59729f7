"""The translation table: both languages say the same things, plurals read right in each, counts
are written for the language, and errors come out translated."""

from __future__ import annotations

import numpy as np
import pytest

from analytics.formatting import parse_number_text
from domain.errors import InputError
from tests.ui.conftest import counts, fields, forms, placeholders
from ui.i18n import PLURAL_COUNT, TEXT, plural_categories, translate

PLURAL_KEYS = sorted(key for key in TEXT["vi"] if isinstance(TEXT["vi"][key], dict))


def test_both_languages_have_the_same_keys() -> None:
    assert set(TEXT["vi"]) == set(TEXT["en"])


@pytest.mark.parametrize("key", sorted(TEXT["vi"]))
def test_both_languages_take_the_same_placeholders(key: str) -> None:
    every_form = forms(TEXT["vi"][key]) + forms(TEXT["en"][key])
    assert all(fields(text) == fields(every_form[0]) for text in every_form), every_form


@pytest.mark.parametrize("key", sorted(TEXT["vi"]))
def test_a_key_counts_in_both_languages_or_in_neither(key: str) -> None:
    assert isinstance(TEXT["vi"][key], dict) == isinstance(TEXT["en"][key], dict)


def test_the_languages_have_the_plural_categories_of_their_cldr_locale() -> None:
    assert plural_categories("vi") == {"other"}
    assert plural_categories("en") == {"one", "other"}


@pytest.mark.parametrize("key", PLURAL_KEYS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plural_entry_has_exactly_the_categories_its_language_needs(key: str, lang: str) -> None:
    def check(entry: object) -> None:
        assert isinstance(entry, dict) and isinstance(entry[PLURAL_COUNT], str)
        assert set(entry) - {PLURAL_COUNT} == plural_categories(lang), entry
        for category, form in entry.items():
            if category != PLURAL_COUNT and not isinstance(form, str):
                check(form)

    check(TEXT[lang][key])


@pytest.mark.parametrize("key", PLURAL_KEYS)
def test_a_plural_entry_counts_the_same_parameters_in_both_languages(key: str) -> None:
    assert counts(TEXT["vi"][key]) == counts(TEXT["en"][key])
    assert counts(TEXT["vi"][key]) <= placeholders(TEXT["vi"][key])


def test_the_messages_that_count_something_are_plural_entries() -> None:
    assert {
        "explore.results",
        "admin.audit.rows",
        "forecast.gaps",
        "error.password_too_short",
        "lab.compare.caption",
    } <= set(PLURAL_KEYS)
    assert not [key for key in TEXT["en"] for text in forms(TEXT["en"][key]) if "(s)" in text]


def test_english_says_one_indicator_and_two_indicators() -> None:
    assert translate("explore.results", "en", n=1) == "1 matching indicator"
    assert translate("explore.results", "en", n=2) == "2 matching indicators"
    assert translate("explore.results", "en", n=0) == "0 matching indicators"
    assert translate("admin.audit.rows", "en", n=1) == "1 row"
    assert translate("admin.audit.rows", "en", n=np.int64(1)) == "1 row"


def test_vietnamese_has_one_form_for_every_count() -> None:
    assert translate("explore.results", "vi", n=1) == "1 chỉ tiêu phù hợp"
    assert translate("explore.results", "vi", n=2) == "2 chỉ tiêu phù hợp"
    assert translate("admin.audit.rows", "vi", n=1) == "1 dòng"


def test_a_count_is_written_with_the_separators_of_the_language() -> None:
    assert translate("admin.audit.rows", "vi", n=1234) == "1.234 dòng"
    assert translate("admin.audit.rows", "en", n=1234) == "1,234 rows"
    assert translate("explore.results", "vi", n=1234567) == "1.234.567 chỉ tiêu phù hợp"
    assert translate("explore.results", "en", n=1234567) == "1,234,567 matching indicators"


def test_a_message_that_counts_two_things_picks_a_form_for_each() -> None:
    def english(n: int, horizon: int) -> str:
        return translate(
            "forecast.backtest_too_short", "en", series="CPI", n=n, method="ets", horizon=horizon
        )

    assert english(1, 12) == (
        "Series CPI has 1 period: too few to backtest method ets over 12 periods."
    )
    assert (
        english(8, 1) == "Series CPI has 8 periods: too few to backtest method ets over 1 period."
    )
    assert translate(
        "forecast.backtest_too_short", "vi", series="CPI", n=1200, method="ets", horizon=1
    ) == ("Chuỗi CPI có 1.200 kỳ, quá ngắn để kiểm định lùi phương pháp ets trên 1 kỳ.")


def test_a_count_that_is_not_a_whole_number_takes_the_other_form_as_given() -> None:
    assert translate("explore.results", "en", n="").strip() == "matching indicators"
    assert translate("explore.results", "vi", n="").strip() == "chỉ tiêu phù hợp"


def test_numbers_that_are_not_counts_are_left_as_given() -> None:
    assert translate("overview.targets_title", "vi", year=2026) == "Mục tiêu kế hoạch năm 2026"
    assert translate("lab.published", "en", id=1234).startswith("Forecast published (number 1234)")


def test_a_language_without_the_plural_entry_falls_back_to_the_vietnamese_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(TEXT["en"], "admin.audit.rows")
    assert translate("admin.audit.rows", "en", n=1) == "1 dòng"


def test_missing_key_falls_back_to_the_key_itself() -> None:
    assert translate("no.such.key", "en") == "no.such.key"


def test_an_error_key_in_the_table_is_translated() -> None:
    error = InputError(
        "error.period_invalid", "period 2026-13 is not a valid month", period="2026-13"
    )
    assert translate(error.key, "vi", **error.params) == "Kỳ 2026-13 không phải là một tháng hợp lệ"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "1,234.5 không phải là một số viết theo dạng 6,5 hoặc 3.900"),
        ("en", "1.234,5 is not a number written like 6.5 or 3,900"),
    ],
)
def test_a_number_typed_in_the_wrong_convention_is_refused_in_the_readers_language(
    lang: str, said: str
) -> None:
    typed = "1,234.5" if lang == "vi" else "1.234,5"
    with pytest.raises(InputError) as raised:
        parse_number_text(typed, lang)
    assert raised.value.key in TEXT["vi"] and raised.value.key in TEXT["en"]
    assert translate(raised.value.key, lang, **raised.value.params) == said
