"""The Explore view as URL query parameters: parse what a pasted link says, write what is shown.

A view is the list of indicators, the frequency and aggregation, the transformation and its
parameters, the date range, the comparison mode and the day whose knowledge to draw (``asof``, as
ALFRED's vintage dates). Parsing never fails: each wrong part of a URL
becomes an :class:`~domain.errors.InputError` in the returned list, and that part falls back to
its default, so the rest of the view still opens. A period may be written as the Cockpit shows it
("Tháng 9/2025", "Sept 2025"); the view holds its canonical label ("2025-09"), so links stay short
and the same whatever language they were made in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from analytics.transforms import TRANSFORMS
from domain.errors import InputError
from domain.periods import parse_period, period_label
from domain.vocabulary import Frequency
from domain.whole_numbers import plain_whole

MAX_INDICATORS = 6
FREQUENCIES = ("", *(frequency.pandas for frequency in Frequency))
AGGREGATIONS = ("mean", "sum", "last")
COMPARE_MODES = ("own", "rebased")
DEFAULT_WINDOW = 3
EARLIEST_ASOF = dt.date(1990, 1, 1)
"""The earliest "as known on" day offered: before it no figure of the Cockpit was known."""


@dataclass(frozen=True)
class ExploreView:
    """Everything that decides what the Explore page draws."""

    codes: tuple[str, ...] = ()
    transform: str = "level"
    freq: str = ""
    how: str = "mean"
    start: str = ""
    end: str = ""
    compare: str = "own"
    window: int = DEFAULT_WINDOW
    base: str = ""
    asof: str = ""
    """A day (ISO ``YYYY-MM-DD``): draw what was known then; empty for the latest."""
    errors: tuple[InputError, ...] = field(default=(), compare=False)


def _choice(params: dict[str, str], name: str, allowed: tuple[str, ...], default: str):  # type: ignore[no-untyped-def]
    value = params.get(name, default)
    if value in allowed:
        return value, None
    return default, InputError(
        "error.unknown_option", f"{value} is not a valid {name}", value=value, name=name
    )


def _period(params: dict[str, str], name: str) -> tuple[str, InputError | None]:
    value = params.get(name, "").strip()
    if not value:
        return "", None
    try:
        return period_label(parse_period(value)), None
    except InputError as error:
        return "", error


def _as_of(params: dict[str, str]) -> tuple[str, InputError | None]:
    """The ``asof`` day of a URL as ISO text, or an error for a malformed or future one."""
    value = params.get("asof", "").strip()
    if not value:
        return "", None
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return "", InputError(
            "error.asof_invalid", f"{value} is not a day (YYYY-MM-DD)", value=value
        )
    if day > dt.date.today():
        return "", InputError("error.asof_future", f"{value} is in the future", value=value)
    if day < EARLIEST_ASOF:
        return "", InputError(
            "error.asof_too_early",
            f"{value} is before {EARLIEST_ASOF}, earlier than any figure the Cockpit holds",
            value=value,
            first=EARLIEST_ASOF.isoformat(),
        )
    return day.isoformat(), None


def parse_view(params: dict[str, str], known_codes: set[str]) -> ExploreView:
    """Read a view from query parameters; unknown or malformed parts are reported and dropped."""
    errors: list[InputError] = []
    codes: list[str] = []
    for code in filter(None, (c.strip() for c in params.get("ind", "").split(","))):
        if code not in known_codes:
            errors.append(InputError("error.unknown_indicator", f"no indicator {code}", code=code))
        elif code not in codes:
            codes.append(code)
    if len(codes) > MAX_INDICATORS:
        errors.append(
            InputError(
                "error.too_many_indicators",
                f"at most {MAX_INDICATORS} indicators",
                limit=MAX_INDICATORS,
            )
        )
        codes = codes[:MAX_INDICATORS]

    transform, error_tf = _choice(params, "tf", tuple(TRANSFORMS), "level")
    freq, error_freq = _choice(params, "freq", FREQUENCIES, "")
    how, error_how = _choice(params, "agg", AGGREGATIONS, "mean")
    compare, error_cmp = _choice(params, "cmp", COMPARE_MODES, "own")
    start, error_start = _period(params, "from")
    end, error_end = _period(params, "to")
    base, error_base = _period(params, "base")
    errors += [
        e
        for e in (error_tf, error_freq, error_how, error_cmp, error_start, error_end, error_base)
        if e
    ]

    asof, error_asof = _as_of(params)
    if error_asof:
        errors.append(error_asof)

    window = DEFAULT_WINDOW
    raw_window = params.get("ma", "")
    if raw_window:
        number = plain_whole(raw_window)
        if number is not None and 2 <= number <= 36:
            window = number
        else:
            errors.append(
                InputError(
                    "error.unknown_option",
                    f"{raw_window} is not a valid ma",
                    value=raw_window,
                    name="ma",
                )
            )

    if start and end and parse_period(start).start_time > parse_period(end).end_time:
        errors.append(
            InputError("error.range_reversed", f"{start} after {end}", start=start, end=end)
        )
        start = end = ""

    return ExploreView(
        codes=tuple(codes),
        transform=transform,
        freq=freq,
        how=how,
        start=start,
        end=end,
        compare=compare,
        window=window,
        base=base,
        asof=asof,
        errors=tuple(errors),
    )


def view_params(view: ExploreView) -> dict[str, str]:
    """The query parameters that reopen ``view``; defaults are left out to keep links short."""
    params = view_params_raw(view)
    defaults = view_params_raw(ExploreView())
    return {k: v for k, v in params.items() if v and v != defaults.get(k)}


def view_params_raw(view: ExploreView) -> dict[str, str]:
    """All parameters of ``view`` as strings, defaults included."""
    return {
        "ind": ",".join(view.codes),
        "tf": view.transform,
        "freq": view.freq,
        "agg": view.how,
        "from": view.start,
        "to": view.end,
        "cmp": view.compare,
        "ma": str(view.window),
        "base": view.base,
        "asof": view.asof,
    }


def with_codes(view: ExploreView, codes: list[str]) -> ExploreView:
    """``view`` showing ``codes`` instead (at most :data:`MAX_INDICATORS`)."""
    return replace(view, codes=tuple(codes[:MAX_INDICATORS]))
