"""An indicator's definition as Explore states it: the text, where it comes from, or that none is
published."""

from __future__ import annotations

import pandas as pd

from ui.i18n import t
from ui.markdown import plain


def definition_line(info: pd.Series, lang: str) -> str:
    """ "Định nghĩa: … (theo …)" for a catalogue row, or the sentence saying none is published.

    The text is source or admin text, so it is shown as written (escaped), never as Markdown.
    """
    text = info.get(f"definition_{lang}")
    if not isinstance(text, str) or not text.strip():
        return t("definition.none")
    basis = info.get("definition_basis")
    if basis == "catalogue":
        return t("definition.line_catalogue", text=plain(text))
    return t("definition.line", text=plain(text), basis=plain(basis))
