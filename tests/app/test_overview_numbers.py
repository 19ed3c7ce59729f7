"""The Overview's numbers as a leader reads them: published rates first, one period per group of
tiles, and how old the newest figure shown is."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.data_age import format_age, newest_shown
from ui.i18n import translate


def number_of(shown: str) -> float:
    """The number of a tile's value as written in Vietnamese ("31.109,3 :small[triệu USD]")."""
    return float(shown.split(" ")[0].replace(".", "").replace(",", "."))


def tiles(at) -> dict:  # type: ignore[no-untyped-def]
    """The Overview's metrics by their tile key."""
    by_label = {metric.label: metric for metric in at.metric}
    keys = ("retail", "exports", "imports", "trade_balance", "fdi", "cpi")
    return {key: by_label[translate(f"tile.{key}", "vi")] for key in keys}


def test_trade_and_retail_tiles_show_gso_published_rates_and_say_so(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py")
    assert not at.exception
    shown = tiles(at)
    # GSO's rates for February 2025 (EXP_M_YOY, IMP_M_YOY, RETAIL_M_YOY_IDX - 100), not the
    # +25,3 %, +37,7 % and +10,9 % that the first estimates give.
    assert shown["exports"].delta == "+25,7%"
    assert shown["imports"].delta == "+40,0%"
    assert shown["retail"].delta == "+9,4%"
    published = translate("overview.vs_year_ago.published", "vi")
    for key in ("exports", "imports", "retail"):
        assert shown[key].proto.delta_description == published
    computed = translate("overview.vs_year_ago.computed", "vi")
    assert shown["fdi"].proto.delta_description == computed


def test_english_tiles_say_the_rate_is_as_published(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", lang="en")
    exports = next(m for m in at.metric if m.label == translate("tile.exports", "en"))
    assert exports.delta == "+25.7%"
    assert exports.proto.delta_description == translate("overview.vs_year_ago.published", "en")


def test_the_trade_balance_is_of_the_month_of_exports_and_imports_and_says_it_is_derived(  # type: ignore[no-untyped-def]
    open_page,
) -> None:
    at = open_page("views/overview.py")
    shown = tiles(at)
    exports, imports = (number_of(shown[key].value) for key in ("exports", "imports"))
    assert number_of(shown["trade_balance"].value) == round(exports - imports, 1)
    assert shown["trade_balance"].help == translate("tile.trade_balance.derived", "vi")
    captions = [caption.value for caption in at.caption]
    assert translate("tile.trade_balance.derived_short", "vi") in captions
    assert not any("Tháng 12/2024" in caption for caption in captions)


def test_the_footer_says_the_newest_period_shown_and_how_long_ago_it_was(open_page) -> None:  # type: ignore[no-untyped-def]
    for lang, period in (("vi", "Tháng 2/2025"), ("en", "Feb 2025")):
        at = open_page("views/overview.py", lang=lang)
        age = format_age(newest_shown([pd.Period("2025-02", "M")], dt.date.today()), lang)
        captions = [caption.value for caption in at.caption]
        assert translate("data_age.line", lang, period=period, age=age) in captions
        # Not the date of the latest vintage in the database, which no tile shows.
        assert not any(translate("overview.as_of", lang, date="") in c for c in captions)
