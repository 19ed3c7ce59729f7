"""Explore shows what was known on a day, and each period's release history, as ALFRED does."""

from __future__ import annotations

from tests.app.conftest import shown
from ui.i18n import translate

IIP = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"  # Jan 2025: +0.61 on 29/01, restated to -0.96 on 28/02


def _january(at) -> str:  # type: ignore[no-untyped-def]
    table = at.dataframe[0].value
    return table.loc["Tháng 1/2025"].iloc[0]


def test_as_known_on_a_day_redraws_with_what_was_known_then(open_page) -> None:  # type: ignore[no-untyped-def]
    latest = open_page("views/explore.py", ind=IIP, **{"from": "2024-10"})
    assert not latest.exception
    assert _january(latest) == "-0,96"
    then = open_page("views/explore.py", ind=IIP, asof="2025-02-01", **{"from": "2024-10"})
    assert not then.exception
    assert _january(then) == "0,61"
    assert "Tháng 2/2025" not in then.dataframe[0].value.index, "not yet known on 1 Feb 2025"
    assert any("01/02/2025" in shown(i.value) for i in then.info)
    assert then.query_params["asof"] == "2025-02-01"


def test_a_bad_or_future_day_in_the_link_is_refused_and_the_latest_drawn(open_page) -> None:  # type: ignore[no-untyped-def]
    for value, key in (
        ("2025-02-30", "error.asof_invalid"),
        ("2999-01-01", "error.asof_future"),
        ("1985-01-01", "error.asof_too_early"),
    ):
        at = open_page("views/explore.py", ind=IIP, asof=value, **{"from": "2024-10"})
        assert not at.exception
        expected = translate(key, "vi", value=value, first="1990-01-01")
        assert expected in [shown(w.value) for w in at.warning]
        assert _january(at) == "-0,96"


def test_the_revision_table_gives_first_release_revisions_and_latest(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=IIP, **{"from": "2024-10"})
    history = at.dataframe[1].value.set_index(translate("revisions.column.period", "vi"))
    january = history.loc["Tháng 1/2025"]
    assert january[translate("revisions.column.first", "vi")] == "0,61"
    assert january[translate("revisions.column.first_date", "vi")] == "29/01/2025"
    assert january[translate("revisions.column.latest", "vi")] == "-0,96"
    assert january[translate("revisions.column.latest_date", "vi")] == "28/02/2025"
    assert january[translate("revisions.column.total", "vi")] == "-1,57"
    assert "Tháng 2/2025" not in history.index, "February has only its estimate: not revised"
    assert any(IIP in shown(c.value) and "điều chỉnh" in c.value for c in at.caption)


def test_each_indicator_states_its_definition_or_that_none_is_published(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind="EXP_M.TOTAL,ENDA_MID_XDC_USD_RATE")
    captions = [shown(c.value) for c in at.caption]
    assert any(c.startswith("Định nghĩa: Trị giá hàng hóa xuất khẩu") for c in captions)
    assert translate("definition.none", "vi") in captions


def test_a_day_before_any_of_the_data_says_nothing_was_known(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=IIP, asof="2000-01-01")
    assert not at.exception
    assert translate("explore.asof_nothing", "vi", date="01/01/2000") in [
        shown(w.value) for w in at.warning
    ]
