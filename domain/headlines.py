"""The headline indicators of the Overview, and how each is read.

``kind`` says how a tile compares with a year earlier (see ``analytics.tiles``). ``target_name_en``
names the plan-target row (``plan_targets.name_en``) that the tile's indicator is judged against,
and ``target_code`` the series that measures that target where it differs from the tile's own
(the CPI target is on the year's average, which GSO publishes as the year-to-date average).

``published_change`` names the series in which the source publishes the tile's own change on a year
earlier. GSO compares a month's first estimate with the *revised* figure of a year before, so a rate
computed from the stored levels can differ from the one GSO publishes; where a published rate
exists, the tile shows it.

``derived_from`` makes a tile the difference of two other series (minuend, subtrahend) instead of
the series ``code``: the trade balance is exports less imports of the same GSO monthly report, so
that it shows the same month, from the same source, as the exports and imports tiles beside it
(the NSDP series ``TB_USD`` ends two months earlier). ``code`` still names the indicator that the
monthly batch forecasts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Headline:
    """One tile of the Overview."""

    key: str
    code: str
    kind: str
    higher_is_better: bool | None = None
    target_name_en: str | None = None
    published_change: str | None = None
    derived_from: tuple[str, str] | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """The series whose values the tile shows: its own, or the two it is derived from."""
        return self.derived_from or (self.code,)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The series the tile is computed from, its published change last when there is one."""
        return self.sources + ((self.published_change,) if self.published_change else ())


HEADLINES: tuple[Headline, ...] = (
    Headline("gdp", "GDP_Q_YOY.TONG_SO", "rate", True, "GDP growth rate"),
    Headline("cpi", "CPI_YOY.CHI_SO_GIA_TIEU_DUNG", "rate", False, "Average CPI growth"),
    Headline("iip", "IIP_YOY.TOAN_NGANH_CONG_NGHIEP", "rate", True),
    Headline(
        "retail", "RETAIL_M.TONG_SO", "level", True, published_change="RETAIL_M_YOY_IDX.TONG_SO"
    ),
    Headline("exports", "EXP_M.TOTAL", "level", True, published_change="EXP_M_YOY.TOTAL"),
    Headline("imports", "IMP_M.TOTAL", "level", None, published_change="IMP_M_YOY.TOTAL"),
    Headline(
        "trade_balance", "TB_USD", "balance", True, derived_from=("EXP_M.TOTAL", "IMP_M.TOTAL")
    ),
    Headline("fdi", "FDI_REG_TOTAL_YTD", "level", True),
)

HEADLINE_CODES: tuple[str, ...] = tuple(headline.code for headline in HEADLINES)
"""The indicators of the Overview's tiles, which the monthly batch forecasts by default."""
