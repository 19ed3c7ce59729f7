"""Text shown through Streamlit's Markdown, without being read as Markdown.

Streamlit renders the text of ``st.markdown``, ``st.caption``, alerts and labels as Markdown, so
a model name such as ``optimized_theta + seasonal_naive`` turns half italic, and a text that a
user or a URL supplied could carry a link or an image. :func:`plain` escapes every character
Markdown (and Streamlit's directives such as ``:red[...]`` and ``$...$``) gives a meaning to.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def plain(text: object) -> str:
    """``text`` with every Markdown character backslash-escaped, to be shown as it is."""
    return _SPECIAL.sub(r"\\\1", str(text))
