"""The Overview's tiles against the rates GSO publishes, over the real seeded data.

GSO compares a month's first estimate with the revised figure of a year before, so a rate computed
from the stored levels (exports +25,3 % for February 2025) is not the one GSO published (+25,67 %).
Each tile whose source publishes a rate must show that rate, in every month where both exist.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

from analytics.observations import series
from analytics.tiles import COMPUTED, PUBLISHED, published_change, summarise_headline
from data import repository
from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import load_all
from domain.headlines import HEADLINES

WITH_PUBLISHED_RATE = [h for h in HEADLINES if h.published_change]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """The observations of the headlines' inputs and the catalogue of a freshly seeded database."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('tiles') / 'cockpit.db'}")
    upgrade(engine)
    load_all(engine)
    codes = sorted({code for headline in HEADLINES for code in headline.inputs})
    yield repository.observations(engine, codes), repository.catalogue(engine).set_index("code")
    engine.dispose()


def test_the_headlines_name_published_rates_that_are_loaded(seeded) -> None:  # type: ignore[no-untyped-def]
    _, catalogue = seeded
    assert {h.key for h in WITH_PUBLISHED_RATE} == {"retail", "exports", "imports"}
    for headline in WITH_PUBLISHED_RATE:
        assert headline.published_change in catalogue.index


@pytest.mark.parametrize("headline", WITH_PUBLISHED_RATE, ids=lambda h: h.key)
def test_every_month_the_tile_shows_the_published_rate(headline, seeded) -> None:  # type: ignore[no-untyped-def]
    observations, catalogue = seeded
    levels = series(observations, headline.code, catalogue.loc[headline.code, "frequency"])
    rate = catalogue.loc[headline.published_change]
    published = published_change(
        series(observations, headline.published_change, rate["frequency"]), rate["unit"]
    ).dropna()
    months = levels.dropna().index.intersection(published.index)
    assert len(months) >= 80, f"{headline.key}: only {len(months)} months to compare"
    for month in months:
        known_then = observations[observations["period_start"] <= month.start_time.date()]
        tile = summarise_headline(headline, known_then, catalogue)
        assert tile.period == month
        assert tile.change_source == PUBLISHED, f"{headline.key} {month}"
        assert tile.year_on_year == pytest.approx(published[month], abs=1e-9), (
            f"{headline.key} {month}: the tile shows {tile.year_on_year}, GSO {published[month]}"
        )


def test_february_2025_tiles_read_as_gso_published(seeded) -> None:  # type: ignore[no-untyped-def]
    observations, catalogue = seeded
    shown = {h.key: summarise_headline(h, observations, catalogue) for h in WITH_PUBLISHED_RATE}
    assert {key: tile.period for key, tile in shown.items()} == dict.fromkeys(
        shown, pd.Period("2025-02", "M")
    )
    assert round(shown["exports"].year_on_year, 2) == 25.67
    assert round(shown["imports"].year_on_year, 2) == 39.99
    assert round(shown["retail"].year_on_year, 1) == 9.4


def test_a_tile_without_a_published_rate_says_its_change_is_computed(seeded) -> None:  # type: ignore[no-untyped-def]
    observations, catalogue = seeded
    fdi = next(h for h in HEADLINES if h.key == "fdi")
    tile = summarise_headline(fdi, observations, catalogue)
    assert tile.change_source == COMPUTED
    assert tile.year_on_year is not None


def test_an_index_on_the_previous_year_becomes_a_percent_change() -> None:
    index = pd.Series([109.4, 97.5], index=pd.period_range("2025-01", periods=2, freq="M"))
    changes = published_change(index, "index (same period previous year = 100)")
    assert changes.round(6).tolist() == [9.4, -2.5]
    assert published_change(index, "percent change").tolist() == [109.4, 97.5]


def test_a_rate_in_another_unit_is_refused_with_its_unit() -> None:
    with pytest.raises(ValueError, match="'billion VND'"):
        published_change(pd.Series([1.0]), "billion VND")


def test_the_trade_balance_is_exports_less_imports_of_their_month(seeded) -> None:  # type: ignore[no-untyped-def]
    observations, catalogue = seeded
    shown = {h.key: summarise_headline(h, observations, catalogue) for h in HEADLINES}
    exports, imports, balance = shown["exports"], shown["imports"], shown["trade_balance"]
    assert balance.period == exports.period == imports.period == pd.Period("2025-02", "M")
    assert balance.latest == pytest.approx(exports.latest - imports.latest)
    assert balance.change_source == COMPUTED
