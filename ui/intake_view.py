"""How a staged submission is shown and decided, on the supply page and the GSO import page: its
counts, its rows with each check's outcome and reasons in the reader's language, and the buttons
that confirm or reject it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics.formatting import format_date, format_number
from domain.errors import CockpitError
from domain.vocabulary import RowOutcome, SubmissionState
from services import intake
from ui.auth import current_user
from ui.i18n import error_text, t

NUMBER_PARAMETERS = ("median", "low", "high")
ICONS = {
    RowOutcome.VALID: "✓",
    RowOutcome.WARNING: "⚠",
    RowOutcome.UNCHANGED: "=",
    RowOutcome.EMPTY: "·",
    RowOutcome.ERROR: "✗",
}


def reasons_text(messages: list, lang: str) -> str:
    """A row's reasons as one line in ``lang``; numbers written in the language's convention."""
    parts = []
    for key, params in messages:
        shown = dict(params)
        for name in NUMBER_PARAMETERS:
            if name in shown:
                value = float(shown[name])
                shown[name] = format_number(value, lang, 0 if abs(value) >= 100 else 2)
        parts.append(t(key, **shown))
    return " ".join(parts)


def rows_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The preview table: one line per row of the file, in ``lang``."""
    values = [
        format_number(v, lang, 6).rstrip("0").rstrip(",.") if pd.notna(v) else "–"
        for v in rows["value"]
    ]
    return pd.DataFrame(
        {
            t("intake.col.row"): rows["row_number"],
            t("intake.col.outcome"): [
                f"{ICONS[RowOutcome(o)]} {t(f'intake.outcome.{o}')}" for o in rows["outcome"]
            ],
            t("intake.col.indicator"): rows["indicator_code"].fillna("–"),
            t("intake.col.geography"): rows["geography_code"].fillna("–"),
            t("intake.col.period"): rows["period"].fillna("–"),
            t("intake.col.value"): values,
            t("intake.col.status"): [
                t(f"status.{s}") if isinstance(s, str) and s else "–" for s in rows["status"]
            ],
            t("intake.col.reasons"): [reasons_text(m, lang) for m in rows["messages"]],
            t("intake.col.cell"): [
                f"{s}!{c}" if isinstance(s, str) and s else (c or "")
                for s, c in zip(rows["sheet"], rows["cell"], strict=True)
            ],
        }
    )


def show_submission(
    engine: object, submission_id: int, lang: str, decide: Callable[[], object] | None
) -> None:
    """Show a submission and, while it is staged and ``decide`` is given, its decision buttons.

    ``decide`` is called with nothing once a decision was written, so the page can refresh.
    """
    header, rows = intake.submission(engine, submission_id)  # type: ignore[arg-type]
    st.subheader(t("intake.preview", id=submission_id, file=header["file_name"]))
    counts = rows["outcome"].value_counts().to_dict() if not rows.empty else {}
    st.caption(
        f"{t('intake.state.' + header['state'])} · "
        + t("intake.counts", **{o.value: counts.get(o.value, 0) for o in RowOutcome})
    )
    if rows.empty:
        return
    only = st.toggle(t("intake.only_problems"), value=counts.get("error", 0) > 0)
    shown = rows[~rows["outcome"].isin([RowOutcome.VALID, RowOutcome.EMPTY])] if only else rows
    st.dataframe(rows_table(shown, lang), hide_index=True, width="stretch")
    if header.get("note"):
        with st.expander(t("intake.not_recognised")):
            st.text(header["note"])
    if header["state"] != SubmissionState.STAGED or decide is None:
        return
    accept = counts.get("warning", 0) > 0 and st.checkbox(t("intake.accept_warnings"))
    left, right = st.columns(2)
    if left.button(t("intake.confirm"), type="primary", key=f"intake.confirm.{submission_id}"):
        _decide(lambda user: intake.confirm(engine, user, submission_id, accept), header, lang)
        decide()
    with right.popover(t("intake.reject")):
        reason = st.text_input(t("intake.reject_reason"), key=f"intake.reason.{submission_id}")
        if st.button(t("intake.reject"), key=f"intake.reject.{submission_id}"):
            _decide(lambda user: intake.reject(engine, user, submission_id, reason), None, lang)
            decide()


def _decide(action: Callable, header: dict | None, lang: str) -> None:
    try:
        result = action(current_user())
    except CockpitError as error:
        st.session_state["intake.flash"] = ("error", error_text(error))
        return
    if header is None:
        st.session_state["intake.flash"] = ("success", t("intake.rejected"))
    else:
        day = format_date(header["vintage"], lang)
        st.session_state["intake.flash"] = ("success", t("intake.confirmed", n=result, date=day))


def show_flash() -> None:
    """Show the message a decision left, once."""
    flash = st.session_state.pop("intake.flash", None)
    if flash is not None:
        kind, text = flash
        (st.success if kind == "success" else st.error)(text)


def show_history(engine: object, agency_code: str, lang: str) -> None:
    """The agency's recent submissions in an expander, if it has any."""
    recent = intake.submissions(engine, agency_code)  # type: ignore[arg-type]
    if not recent.empty:
        with st.expander(t("intake.history")):
            st.dataframe(history_table(recent, lang), hide_index=True, width="stretch")


def history_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Recent submissions as a table in ``lang``."""
    return pd.DataFrame(
        {
            t("intake.col.id"): frame["id"],
            t("intake.col.file"): frame["file_name"],
            t("intake.col.created"): [format_date(d, lang) for d in frame["created_at"]],
            t("intake.col.by"): frame["created_by"],
            t("intake.col.state"): [t(f"intake.state.{s}") for s in frame["state"]],
            t("intake.col.written"): frame["rows_written"].fillna("–"),
        }
    )
