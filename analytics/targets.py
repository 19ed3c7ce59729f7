"""Plan targets as the National Assembly's resolutions word them, and whether a value meets one.

A *target* is read from Vietnamese text such as "Khoảng 6,5", "Trên 90", "Dưới 4",
"Phấn đấu từ 10 trở lên" or "5.400-5.500". Numbers are written the Vietnamese way: ``,`` is the
decimal mark and ``.`` groups thousands ("6,5" is 6.5, "3.900" is 3900). The words mean:

- "Khoảng" (about): the target is approximate;
- "Trên" (above): ``gt``; "Dưới" (below): ``lt``;
- "từ X trở lên" (X or more), "ít nhất" (at least): ``ge``;
- "từ X trở xuống" (X or less), "không quá" (not over): ``le``;
- "X-Y", "X - Y", "từ X đến Y": ``range``; a single number: ``eq``;
- "Phấn đấu" (strive for) adds nothing and is ignored, and so does a leading "Tăng" (grow by):
  "Tăng 10% trở lên" is a growth rate of 10% or more, in the indicator's unit (%);
- a ``%`` after a number is the unit and is dropped ("Từ 10% trở lên" is "Từ 10 trở lên").

Only the main target is read: the text before a parenthesis ("Khoảng 6 (Chính phủ phấn đấu
khoảng 6,5)" is "Khoảng 6") and before "và" ("Khoảng 6,5-7,0 và phấn đấu khoảng 7,0-7,5" is
"Khoảng 6,5-7,0").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from analytics.search import fold
from domain.errors import InputError

APPROXIMATE_TOLERANCE = 0.5
"""How far (in the target's unit) a value may miss an approximate ("khoảng") target and still meet
it. Half a point suits the percentage targets that most "khoảng" targets are (GDP growth, CPI,
coverage rates); pass a ``tolerance`` to :func:`assess` for targets in other units."""

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DASH = r"\s*[-–—]\s*"
_TARGET_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), operator)
    for pattern, operator in (
        (rf"(?:tu )?(?P<low>{_NUMBER})(?:{_DASH}| den )(?P<high>{_NUMBER})", "range"),
        (rf"(?P<low>{_NUMBER})", "eq"),
        (rf"tren (?P<low>{_NUMBER})", "gt"),
        (rf"duoi (?P<high>{_NUMBER})", "lt"),
        (rf"(?:tu )?(?P<low>{_NUMBER}) tro len", "ge"),
        (rf"it nhat (?P<low>{_NUMBER})", "ge"),
        (rf"(?:tu )?(?P<high>{_NUMBER}) tro xuong", "le"),
        (rf"khong qua (?P<high>{_NUMBER})", "le"),
    )
)
_MAIN_PART = re.compile(r"\(| va ")
_STRIVE = "phan dau "
_GROW = "tang "
_PERCENT_AFTER_NUMBER = re.compile(r"(?<=\d)\s*%")
_ABOUT = "khoang "


@dataclass(frozen=True)
class Target:
    """A plan target.

    Attributes
    ----------
    low, high:
        Bounds in the indicator's unit; None where open. A point target (``eq``) has
        ``low == high``.
    operator:
        ``"eq"``, ``"range"``, ``"gt"``, ``"ge"``, ``"lt"`` or ``"le"``.
    approximate:
        True for "khoảng" (about) targets.
    text:
        The text the target was read from, as written.
    """

    low: float | None
    high: float | None
    operator: str
    approximate: bool
    text: str


def parse_number(text: str) -> float:
    """Read a number written the Vietnamese way: ``"6,5"`` is 6.5, ``"3.900"`` is 3900.

    A leading minus sign and a trailing ``%`` are accepted: ``"-6,02%"`` is -6.02.

    Raises
    ------
    InputError
        ``error.number_unparseable`` if ``text`` is not such a number.
    """
    cleaned = str(text).strip().removesuffix("%").strip()
    negative = cleaned[:1] in ("-", "−")
    unsigned = cleaned[1:].strip() if negative else cleaned
    if not re.fullmatch(_NUMBER, unsigned):
        raise InputError(
            "error.number_unparseable",
            f"{text} is not a number written like 6,5 or 3.900",
            text=text,
        )
    value = float(unsigned.replace(".", "").replace(",", "."))
    return -value if negative else value


def parse_target(text: str) -> Target:
    """Read a plan target from the text of a resolution (see the module docstring).

    Returns
    -------
    Target

    Raises
    ------
    InputError
        ``error.target_unparseable`` if the main part of ``text`` has none of the known shapes,
        or is a range whose low end is above its high end.
    """
    main = _MAIN_PART.split(fold(str(text)), maxsplit=1)[0].strip()
    main = main.removeprefix(_STRIVE).removeprefix(_GROW)
    main = _PERCENT_AFTER_NUMBER.sub("", main).strip()
    approximate = main.startswith(_ABOUT)
    main = main.removeprefix(_ABOUT)
    for pattern, operator in _TARGET_SHAPES:
        match = pattern.fullmatch(main)
        if match is None:
            continue
        bounds = {name: parse_number(value) for name, value in match.groupdict().items()}
        low = bounds.get("low")
        high = low if operator == "eq" else bounds.get("high")
        if low is None or high is None or low <= high:
            return Target(low, high, operator, approximate, str(text))
    raise InputError(
        "error.target_unparseable",
        f"plan target {text} is not understood; write it like 'Khoảng 6,5', '6-6,5', "
        "'Trên 90', 'Dưới 4' or 'Từ 10 trở lên'",
        text=text,
    )


def assess(
    value: float,
    target: Target,
    higher_is_better: bool | None,
    *,
    tolerance: float | None = None,
) -> str:
    """Say whether ``value`` meets ``target``: ``"met"`` or ``"not_met"``.

    Bounds (``gt``, ``ge``, ``lt``, ``le``) are checked as written. For a point or a range, the
    direction of the indicator decides which side counts: when higher is better (GDP growth,
    coverage) only falling short of the low end misses the target; when lower is better (CPI,
    unemployment) only going over the high end does; with no direction (None) the value must lie
    within the range. An approximate target is widened by ``tolerance`` on each side, so with the
    default of 0.5, "Khoảng 4" (CPI, lower is better) is met by 4.4 and missed by 4.6.

    Parameters
    ----------
    value:
        The outcome, in the target's unit.
    target:
        From :func:`parse_target`.
    higher_is_better:
        The indicator's direction, or None if neither direction is better.
    tolerance:
        Widening of an approximate target; defaults to :data:`APPROXIMATE_TOLERANCE`.
        Exact targets are never widened.

    Raises
    ------
    InputError
        ``error.target_value_missing`` if ``value`` is None or NaN.
    """
    if value is None or math.isnan(value):
        raise InputError(
            "error.target_value_missing",
            f"there is no value to compare with the target {target.text}",
            target=target.text,
        )
    return "met" if acceptance(target, higher_is_better, tolerance).meets(value) else "not_met"


@dataclass(frozen=True)
class Acceptance:
    """The outcomes that meet a target: ``low`` to ``high``, each end open or closed."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, values):  # type: ignore[no-untyped-def]
        """Which of ``values`` (a number or a numpy array) meet the target."""
        above = values > self.low if self.low_open else values >= self.low
        below = values < self.high if self.high_open else values <= self.high
        return above & below


def acceptance(
    target: Target, higher_is_better: bool | None, tolerance: float | None = None
) -> Acceptance:
    """The outcomes that meet ``target`` for an indicator of that direction: the rule
    :func:`assess` states, shared with the odds of meeting it (``analytics.target_odds``)."""
    widening = APPROXIMATE_TOLERANCE if tolerance is None else tolerance
    slack = widening if target.approximate else 0.0
    low = -math.inf if target.low is None else target.low - slack
    high = math.inf if target.high is None else target.high + slack
    if target.operator in ("eq", "range") and higher_is_better is not None:
        low, high = (low, math.inf) if higher_is_better else (-math.inf, high)
    return Acceptance(low, high, target.operator == "gt", target.operator == "lt")
