"""The presentation mode on the seeded database: one slide at a time, moving with the buttons,
opening at the month and slide of its URL, refusing a bad month with a message, and closed to a
data officer."""

from __future__ import annotations

from ui.i18n import translate


def _titles(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [title.value for title in at.title]


def test_the_presentation_walks_the_slides(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/present.py", role="leader", m="2025-02")
    assert not at.exception
    assert _titles(at) == [translate("briefing.cover_title", "vi", month="tháng 2/2025")]
    assert at.button(key="present.previous").disabled
    at.button(key="present.next").click().run()
    assert not at.exception
    assert _titles(at) == [translate("briefing.headlines_title", "vi", month="tháng 2/2025")]
    assert len(at.metric) == 8, "the eight headline tiles"
    at.button(key="present.next").click().run()
    at.button(key="present.next").click().run()
    assert not at.exception
    assert _titles(at) == [translate("tile.gdp", "vi")]
    charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(charts) == 1, "the indicator's chart"
    footer = next(c.value for c in at.caption if "Ngu" in c.value).replace("\\", "")
    assert "Nguồn:" in footer and "Đơn vị:" in footer and "11/03/2025" in footer
    at.button(key="present.previous").click().run()
    assert _titles(at)[0].startswith("Triển vọng")


def test_the_url_opens_a_slide_and_a_bad_month_says_so(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/present.py", role="analyst", m="2025-02", s="4")
    assert not at.exception
    assert _titles(at) == [translate("tile.gdp", "vi")]
    at = open_page("views/present.py", role="leader", m="2025-13<b>")
    assert not at.exception
    # shown as typed, escaped so that Markdown and HTML do not apply
    assert r"2025\-13\<b\>" in at.warning[0].value
    assert _titles(at)[0].startswith("Tình hình kinh tế"), "the newest month instead"


def test_a_data_officer_may_not_present(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/present.py", role="data_officer")
    assert not at.exception
    assert at.error, "refused with a message"
