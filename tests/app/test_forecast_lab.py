"""The Forecast lab through AppTest: an analyst compares, tunes and publishes; leaders then see the
published forecast on Explore and the Overview."""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pandas as pd
import pytest

from analytics.formatting import format_number
from analytics.observations import series
from data import forecasts, repository
from data.engine import make_engine
from forecasting import forecast
from forecasting.result import Member
from services import forecasts as forecast_service
from tests.app.conftest import charts, shown, user_for
from ui import cache
from ui.i18n import translate
from ui.model_names import model_text

# One worker runs them all, so that the fits cached by the first serve the others.
pytestmark = pytest.mark.xdist_group("forecast_lab")

LAB = "views/forecast_lab.py"
CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"


def vi(key: str, **params: object) -> str:
    return translate(key, "vi", **params)


def model_lines(at, lang: str = "vi") -> list[str]:  # type: ignore[no-untyped-def]
    prefix = translate("lab.model_line", lang, model="", method="").split("**")[0]
    return [shown(m.value) for m in at.markdown if m.value.startswith(prefix)]


def button(at, key: str, lang: str = "vi"):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == translate(key, lang))


def test_the_lab_opens_on_cpi_with_every_models_backtest_a_fan_and_diagnostics(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst")
    assert not at.exception and not at.error
    assert at.title[0].value == vi("lab.title")
    assert at.selectbox(key="lab.code").value == CPI
    backtest = at.dataframe[0].value
    assert backtest[vi("forecast.column.chosen")].tolist().count("✓") == 1
    assert len(backtest) >= 3, "every candidate of auto, and their combinations"
    assert len(model_lines(at)) == 1
    specs = charts(at)
    # CPI is dated by its own report, so the shipped real-time record has it too.
    assert len(specs) == 3, "the fan chart, the autocorrelations and the real-time record"
    assert "xOffset" in specs[2]["encoding"], "the record's bars, side by side"
    dashed = [layer for layer in specs[0]["layer"] if "strokeDash" in str(layer.get("mark"))]
    assert dashed, "the forecast is dashed"
    labels = [metric.label for metric in at.metric]
    # CPI has years of months, so auto's 80 and 95 % bands are both calibrated on its backtest
    assert vi("lab.coverage.own", level=80) in labels and vi("lab.diagnostics.p_value") in labels
    reading = vi("forecast.band.reading", inner=80, outer=95)
    assert any(reading in c.value and "(phương pháp conformal)" in c.value for c in at.caption)


def test_tuning_ets_changes_the_model(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst")
    at.selectbox(key="lab.method").set_value("ets").run()
    for name, value in {"error": "add", "trend": "add", "damped": True, "seasonal": "none"}.items():
        at.selectbox(key=f"lab.param.{name}").set_value(value)
    at.run()
    assert not at.exception and not at.error
    assert "ETS(A,Ad,N)" in model_lines(at)[0]
    at.selectbox(key="lab.param.damped").set_value(False).run()
    assert "ETS(A,A,N)" in model_lines(at)[0]


def test_a_parameter_the_model_refuses_is_said_in_vietnamese(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst")
    at.selectbox(key="lab.method").set_value("ets").run()
    at.number_input(key="lab.window").set_value(2).run()
    assert not at.exception
    expected = vi("forecast.bad_parameter", value="2", parameter="window", method="ets")
    assert [e.value for e in at.error] == [expected]
    assert model_lines(at) == [], "no model without valid parameters"

    at.number_input(key="lab.window").set_value(0)
    at.session_state["lab.outliers"] = (
        "2021-12..2020-02"  # typed as ARIMA (which takes dummies) opens
    )
    at.selectbox(key="lab.method").set_value("arima").run()
    assert [shown(e.value) for e in at.error] == [
        vi("lab.error.outlier_reversed", start="2021-12", end="2020-02")
    ]


def test_a_saved_configuration_is_offered_and_loads_into_the_widgets(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst")
    at.selectbox(key="lab.transform").set_value("yoy_change").run()
    at.selectbox(key="lab.method").set_value("seasonal_naive").run()
    button(at, "lab.config.save").click().run()
    assert [s.value for s in at.success] == [vi("lab.config.saved_notice")]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    assert forecasts.config_for(engine, CPI, "yoy_change")["method"] == "seasonal_naive"

    again = open_page(LAB, role="analyst")
    again.selectbox(key="lab.transform").set_value("yoy_change").run()
    assert again.selectbox(key="lab.method").value == "auto"
    button(again, "lab.config.load").click().run()
    assert again.selectbox(key="lab.method").value == "seasonal_naive"
    assert model_text("Seasonal naive", "vi") == "Lặp lại cùng kỳ năm trước"
    assert "Lặp lại cùng kỳ năm trước" in model_lines(again)[0]


def test_the_lab_in_english(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst", lang="en")
    assert not at.exception and not at.error
    assert at.title[0].value == translate("lab.title", "en")
    assert model_lines(at, "en")


def test_an_admin_opens_the_lab_but_only_an_analyst_publishes(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="admin")
    assert not at.exception
    assert button(at, "lab.publish").disabled


def test_a_published_forecast_is_stored_and_leaders_see_it(open_page) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    before = len(forecasts.published_runs(engine, CPI))
    at = open_page(LAB, role="analyst")
    model = model_lines(at)[0]
    button(at, "lab.publish").click().run()
    assert not at.exception and not at.error
    runs = forecasts.published_runs(engine, CPI)
    assert len(runs) == before + 1
    run = runs.iloc[0]
    assert (run["author"], run["target_transform"], run["kind"]) == (
        "phantich",
        "level",
        "published",
    )
    assert model_text(run["model"], "vi") in model
    assert [s.value for s in at.success] == [vi("lab.published", id=run["id"])]
    shown_models = at.dataframe[-1].value[vi("forecast.column.model")].tolist()
    assert model_text(run["model"], "vi") in shown_models

    explore = open_page("views/explore.py", role="leader", ind=CPI)
    assert not explore.exception
    stored = forecasts.latest_published(engine, CPI, "level")
    assert stored is not None and stored.run_id == run["id"]
    date = f"{stored.created_at:%d/%m/%Y}"
    captions = [shown(c.value) for c in explore.caption]
    said = model_text(stored.model, "vi")
    assert any(date in c and stored.author_label in c and said in c for c in captions)
    layers = charts(explore)[0]["layer"]
    assert any("strokeDash" in str(layer.get("mark")) for layer in layers)

    other_view = open_page("views/explore.py", role="leader", ind=CPI, tf="yoy_change")
    assert not any(said in shown(c.value) for c in other_view.caption), "not the same quantity"

    overview = open_page("views/overview.py", role="leader")
    tile = vi(
        "forecast.overview.tile",
        period="Tháng 3/2025",
        value=format_number(stored.values["point"].iloc[0], "vi"),
        date=date,
        author=stored.author_label,
    )
    assert tile in [c.value for c in overview.caption]


def test_the_track_record_gives_the_errors_by_horizon_of_past_publications(open_page) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    observations = repository.observations(engine, [CPI])
    history = series(observations, CPI, "M")
    history = history[history.index <= pd.Period("2024-08", "M")].iloc[-60:]
    past = forecast(history, 6, "naive")
    forecast_service.publish(
        engine, user_for("analyst"), CPI, past, "level", "M", "v", dt.date(2024, 9, 6)
    )

    at = open_page(LAB, role="analyst")
    assert not at.exception
    by_horizon = at.dataframe[-1].value
    assert by_horizon[vi("lab.track.horizon")].tolist() == [1, 2, 3, 4, 5, 6]
    # A naive forecast is the last value: the error at horizon 1 is September minus August.
    september = history.iloc[-1]
    actual = series(observations, CPI, "M")[pd.Period("2024-09", "M")]
    assert by_horizon[vi("lab.track.bias")].iloc[0] == format_number(actual - september, "vi", 2)


def test_the_diagnostics_backtest_the_members_the_result_carries() -> None:
    """Residuals come from ``result.members`` and ``result.combiner``, not from a display name:
    the median of a naive and a drift forecast, one year ahead, from each of the last 15 years."""
    values = 50 + np.cumsum(np.random.default_rng(21).normal(1.0, 2.0, 30))
    y = pd.Series(values, index=pd.period_range("1995", periods=30, freq="Y"), name="GDP")
    members = (Member("naive"), Member("drift"))
    errors = cache.residuals(cache.series_key(y), y, "{}", members, "median")
    expected = []
    for position in range(15, 30):
        last, first = values[position - 1], values[0]
        drift = last + (last - first) / (position - 1)
        expected.append(values[position] - (last + drift) / 2)
    np.testing.assert_allclose(errors.to_numpy(), expected)
    assert list(errors.index.astype(str)) == [str(year) for year in range(2010, 2025)]
    # A weighted pool weighs them as its weights say (0.25 naive, 0.75 drift).
    weighted = cache.residuals(cache.series_key(y), y, "{}", members, "weighted", (0.25, 0.75))
    expected = []
    for position in range(15, 30):
        last, first = values[position - 1], values[0]
        drift = last + (last - first) / (position - 1)
        expected.append(values[position] - (0.25 * last + 0.75 * drift))
    np.testing.assert_allclose(weighted.to_numpy(), expected)


def test_the_lab_says_what_auto_chose_and_why_with_the_scores_of_the_table(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(LAB, role="analyst")
    table = at.dataframe[0].value
    model, mase = vi("forecast.column.model"), "MASE"
    chosen = table[table[vi("forecast.column.chosen")] == "✓"].iloc[0]
    # The old caption said auto picks the lowest MASE; the combination it keeps need not have it.
    assert "MASE nhỏ nhất" not in " ".join(c.value for c in at.caption)
    prefix = vi("lab.choice.pool", chosen="", metric="", score="").split(":")[0]
    said = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith(prefix)]
    assert len(said) == 1, "one sentence says what auto did"
    assert chosen[model] in said[0] and chosen[mase] in said[0]
    members = table[~table[model].str.startswith(("mean(", "median("))]
    best_member = members.loc[members[mase].str.replace(",", ".").astype(float).idxmin()]
    assert best_member[model] in said[0] and best_member[mase] in said[0]
