"""Passwords are refused when they are common or trivial, or hold the user or service name
(NIST SP 800-63B, 5.1.1.2), with a message that says which; a good phrase is accepted."""

from __future__ import annotations

import gzip

import pytest

from data.common_passwords import LIST_PATH, common_passwords, is_common
from domain.errors import InputError
from services.accounts import check_password_strength
from ui.i18n import TEXT


@pytest.mark.parametrize(
    ("password", "key"),
    [
        ("aaaaaaaaaa", "error.password_trivial"),
        (" " * 10, "error.password_trivial"),
        ("ababababab", "error.password_trivial"),
        ("abcabcabcabc", "error.password_trivial"),
        ("abcdefghijk", "error.password_trivial"),
        ("zyxwvutsrqp", "error.password_trivial"),
        ("1234567890", "error.password_trivial"),
        ("0987654321", "error.password_trivial"),
        ("password12", "error.password_common"),
        ("PASSWORD12", "error.password_common"),
        ("qwertyuiop", "error.password_common"),
        ("iloveyou12", "error.password_common"),
        ("hoa.nguyen-2026", "error.password_is_username"),
        ("Cockpit-Mua-Thu-2026", "error.password_context"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        check_password_strength(password, "hoa.nguyen")
    assert caught.value.key == key


@pytest.mark.parametrize(
    "password",
    ["Correct-Horse-42!", "mưa rơi trên phố cổ", "tôi đi làm lúc bảy giờ", "Ba-con-meo-2026"],
)
def test_a_long_phrase_is_accepted(password: str) -> None:
    check_password_strength(password, "hoa.nguyen")


def test_the_shipped_list_is_whole_and_read_without_regard_to_case() -> None:
    with gzip.open(LIST_PATH, "rt", encoding="utf-8") as lines:
        shipped = [line.strip() for line in lines if line.strip()]
    assert len(shipped) == 30_000
    assert shipped[:3] == ["123456", "password", "12345678"]
    assert len(common_passwords()) >= 29_000  # a few entries differ only in case
    assert is_common("Dragon") and is_common(" letmein ")
    assert not is_common("Correct-Horse-42!")


@pytest.mark.parametrize("key", ["error.password_common", "error.password_trivial"])
def test_each_refusal_is_worded_in_both_languages(key: str) -> None:
    assert TEXT["vi"][key] != TEXT["en"][key]
    assert TEXT["vi"][key][0].isupper() and TEXT["en"][key][0].isupper()
