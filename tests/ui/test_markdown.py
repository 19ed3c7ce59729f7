"""Text that a user, a URL or the catalogue supplied is shown as written, never as Markdown."""

from __future__ import annotations

import pytest

from ui.markdown import plain

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
    assert escaped.replace("\\", "") == text.replace("\\", "")
