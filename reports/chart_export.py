"""Charts as files: the same Vega-Lite specifications the app draws, rendered to PNG and SVG
without a browser (``vl-convert``), in the font the Cockpit ships.

The font is DejaVu Sans (``reports/fonts``, its licence beside it): it has every letter of
Vietnamese, precomposed, which :func:`missing_letters` checks, so a chart's title in Vietnamese
never falls back to boxes whatever fonts the machine has. A chart that fills its container in
the app (``width: "container"``) gets a fixed size here.
"""

from __future__ import annotations

import copy
import functools
import unicodedata
from pathlib import Path
from typing import Any

FONTS = Path(__file__).parent / "fonts"
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"regular": FONTS / "DejaVuSans.ttf", "bold": FONTS / "DejaVuSans-Bold.ttf"}
WIDTH, HEIGHT = 1000, 420

_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VIETNAMESE_LETTERS = "".join(
    sorted(
        {unicodedata.normalize("NFC", base + tone) for base in _BASES for tone in _TONES}
        | set("đĐ")
        | set("bcdghklmnpqrstvxBCDGHKLMNPQRSTVX")
    )
)
"""Every letter of the Vietnamese alphabet with every tone mark, lower and upper case (NFC)."""


def missing_letters(font: Path) -> str:
    """The letters of :data:`VIETNAMESE_LETTERS` that the TrueType ``font`` has no glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    mapped = TTFontFile(str(font)).charToGlyph
    return "".join(letter for letter in VIETNAMESE_LETTERS if ord(letter) not in mapped)


@functools.cache
def _converter() -> Any:
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def fixed_size(spec: dict, width: int = WIDTH, height: int | None = None) -> dict:
    """``spec`` with the house font and a fixed width wherever it would fill its container (and
    ``height`` if given), so that it renders the same outside a page."""
    fixed = copy.deepcopy(spec)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("width") == "container":
                node["width"] = width
            if height is not None and isinstance(node.get("height"), int | float):
                node["height"] = height
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(fixed)
    if "facet" in fixed or "spec" in fixed:
        fixed.pop("width", None)
    config = fixed.setdefault("config", {})
    config["font"] = FONT_FAMILY
    config.setdefault("background", "white")
    return fixed


def chart_png(
    spec: dict, *, scale: float = 2.0, width: int = WIDTH, height: int | None = None
) -> bytes:
    """The chart of ``spec`` (a Vega-Lite dict, as ``altair.Chart.to_dict()`` gives) as a PNG."""
    return _converter().vegalite_to_png(fixed_size(spec, width, height), scale=scale)


def chart_svg(spec: dict, *, width: int = WIDTH, height: int | None = None) -> str:
    """The chart of ``spec`` as an SVG document, its text as text in the house font."""
    return _converter().vegalite_to_svg(fixed_size(spec, width, height))
