"""Which published rate stands for a computed one: GSO's own "% on the same period last year".

GSO publishes, beside a month's level (exports ``EXP_M.TOTAL``), its growth on the same month a
year earlier (``EXP_M_YOY.TOTAL``) and the growth of the year to date (``EXP_YTD_YOY.TOTAL``).
GSO compares a first estimate with the *revised* figure of a year before, so a rate computed from
the stored levels differs from the published one (8,35 % published against 9,94 % computed for the
exports of January–February 2025). Where the source publishes the rate, it is the one to show.

The pairing is a rule on the codes of the GSO monthly tables, not a list: a level
``<FAMILY>_M.<ITEM>`` (a month) or ``<FAMILY>_YTD.<ITEM>`` (the year to date) has its rates in
``<FAMILY>_<SPAN>_YOY.<ITEM>`` (a % change) or ``<FAMILY>_<SPAN>_YOY_IDX.<ITEM>`` (an index, the
same period of the previous year = 100), where ``<SPAN>`` is ``M`` for the month's growth and
``YTD`` for the year to date's. In the shipped data this pairs exports and imports
(``EXP_``, ``IMP_``), retail sales (``RETAIL_``), visitors (``VIS_``) and state-budget investment
(``SBI_``, year to date only). A pair counts only when the rate's unit is one that reads as a %
change (:data:`analytics.tiles.RATE_AS_PERCENT_CHANGE`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LEVEL_CODE = re.compile(r"^(?P<family>[A-Z]+)_(?P<span>M|YTD)\.(?P<item>.+)$")

# For each transformation, the span of the level it applies to -> the span of the published rate.
RATE_SPANS: dict[str, dict[str, str]] = {
    "yoy_pct": {"M": "M", "YTD": "YTD"},
    "ytd_yoy_pct": {"M": "YTD"},
}

RATE_SUFFIXES = ("_YOY", "_YOY_IDX")


def published_rate_code(
    code: str, transform: str, units: Mapping[str, str], readable_units: set[str] | frozenset[str]
) -> str | None:
    """The code of the rate the source publishes for ``transform`` of ``code``, or None.

    Parameters
    ----------
    code:
        The level's code, e.g. ``"EXP_M.TOTAL"``.
    transform:
        ``"yoy_pct"`` or ``"ytd_yoy_pct"``; any other has no published counterpart.
    units:
        The unit of every code in the catalogue (a code not in it does not exist).
    readable_units:
        The units in which a rate can be read as a % change.
    """
    match = LEVEL_CODE.match(code)
    spans = RATE_SPANS.get(transform, {})
    if match is None or match["span"] not in spans:
        return None
    for suffix in RATE_SUFFIXES:
        candidate = f"{match['family']}_{spans[match['span']]}{suffix}.{match['item']}"
        if units.get(candidate) in readable_units:
            return candidate
    return None
