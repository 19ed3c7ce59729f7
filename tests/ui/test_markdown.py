"""Text that a user, a URL or the catalogue supplied is shown as written, never as Markdown."""

from __future__ import annotations

import pytest

from ui.markdown import WORD_JOINER, plain

PAYLOADS = [
    "**Khẩn** [bấm đây](https://example.invalid)",
    "![x](https://example.invalid/x.png)",
    ":red[cảnh báo] $x$",
    "optimized_theta + seasonal_naive",
    "# tiêu đề",
    "<b>html</b>",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_every_markdown_character_is_escaped(text: str) -> None:
    escaped = plain(text)
    unescaped = [c for i, c in enumerate(escaped) if c in "*_[]()!#:$<>" and escaped[i - 1] != "\\"]
    assert unescaped == []
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == text.replace("\\", "")


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("https://evil.example/phish", "https:\u2060//"),
        ("HTTP://evil.example", "HTTP:\u2060//"),
        ("ftp://evil.example", "ftp:\u2060//"),
        ("www.evil.example", "www\u2060"),
        ("lan@evil.example", "@\u2060"),
    ],
)
def test_a_bare_address_is_kept_from_being_linked(text: str, broken: str) -> None:
    assert broken in plain(text).replace("\\", "")
