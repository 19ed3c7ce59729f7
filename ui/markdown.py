"""Text shown through Streamlit's Markdown, without being read as Markdown.

Streamlit renders the text of ``st.markdown``, ``st.caption``, alerts and labels as Markdown, so
a model name such as ``optimized_theta + seasonal_naive`` turns half italic, and a text that a
user or a URL supplied could carry a link or an image. :func:`plain` escapes every character
Markdown (and Streamlit's directives such as ``:red[...]`` and ``$...$``) gives a meaning to.

Escaping is not enough for a bare address: the renderer turns ``https://...``, ``www.`` and
``name@host`` into links by themselves (GitHub's autolinks). An invisible word joiner (U+2060)
after the scheme's colon, after ``www`` and after ``@`` keeps them text; a reader sees the same
characters.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def plain(text: object) -> str:
    """``text`` with every Markdown character backslash-escaped and no bare address left for the
    renderer to link, to be shown as it is."""
    return _SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, str(text)))
