"""The Explore view read from a pasted link."""

from __future__ import annotations

from ui.view_state import parse_view


def test_periods_in_a_link_may_be_written_as_the_cockpit_shows_them() -> None:
    view = parse_view({"from": "Tháng 9/2025", "to": "Q4 2026", "base": "thang 1/2025"}, set())
    assert (view.start, view.end, view.base) == ("2025-09", "2026-Q4", "2025-01")
    assert view.errors == ()


def test_a_link_with_a_reversed_range_in_display_labels_is_reported() -> None:
    view = parse_view({"from": "Quý III/2026", "to": "Sept 2025"}, set())
    assert (view.start, view.end) == ("", "")
    assert [error.key for error in view.errors] == ["error.range_reversed"]


def test_a_malformed_period_in_a_link_is_reported_and_dropped() -> None:
    view = parse_view({"from": "Quý V/2026"}, set())
    assert view.start == ""
    assert [error.key for error in view.errors] == ["error.period_invalid_quarter"]
