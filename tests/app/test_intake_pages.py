"""The intake's pages on the seeded database: a province's officer is told what its province owes
(not that it owes nothing) and gets its template; the GSO import page opens for analysts only;
the supply monitor counts what was supplied for the latest month and lists the overdue."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.app.conftest import shown, supply_page_of_officer
from ui.i18n import translate


def test_a_province_officer_is_told_what_its_province_owes() -> None:
    at = supply_page_of_officer("hanoi.officer", "P34-01")
    assert not at.exception
    texts = " ".join(shown(c.value) for c in at.caption)
    assert "Thành phố Hà Nội báo cáo 3 chuỗi số liệu của địa bàn mình" in texts
    assert not [i for i in at.info if "chưa được giao" in i.value]
    owed = at.dataframe[0].value
    assert sorted(owed.iloc[:, 1]) == ["P34-01", "P34-01", "P34-01"]


def test_the_province_template_holds_its_own_series() -> None:
    import os

    import pandas as pd

    from data.engine import make_engine
    from services import intake

    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    data = intake.template_file(engine, "P34-01", pd.Period("2024-12", "M"), "xlsx", ["x"], "g")
    sheet = load_workbook(io.BytesIO(data))["data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("indicator_code", "indicator_name", "unit", "geography", "period")
    by_code = {r[0]: r for r in rows[1:]}
    # Before the merger Hà Nội reported as P63-01; its last YTD value, 2024-11, is in the seed.
    assert set(by_code) == {"SBI_M.TOTAL", "SBI_YTD.TOTAL", "SBI_YTD_PCT_PLAN.TOTAL"}
    assert {r[3] for r in rows[1:]} == {"P63-01"}
    assert all(r[4] == "2024-12" for r in rows[1:])


def test_the_gso_import_page_opens_for_analysts_only(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/gso_import.py", role="analyst")
    assert not at.exception
    assert at.title[0].value == translate("gso.title", "vi")
    refused = open_page("views/gso_import.py", role="leader")
    assert refused.error and not [
        t for t in refused.title if t.value == translate("gso.title", "vi")
    ]


def test_the_monitor_counts_and_lists_the_overdue(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/monitor.py", role="leader")
    assert not at.exception
    count = at.metric[0].value
    assert " trên " in count and "chỉ tiêu đã có số liệu kỳ" in count
    assert at.subheader[0].value == translate("monitor.overdue", "vi")
    assert len(at.dataframe) >= 2


def test_an_admin_assigns_an_obligation_on_the_catalogue_page(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_catalogue.py", role="admin")
    agency = next(s for s in at.selectbox if s.key.startswith("catalogue.obligation.agency"))
    agency.set_value("P34-04").run()
    place = next(w for w in at.text_input if w.key.startswith("catalogue.obligation.place"))
    place.set_value("P34-04")
    pick = next(s for s in at.selectbox if s.key.startswith("catalogue.obligation.indicator"))
    pick.set_value("CPI_YOY.CHI_SO_GIA_TIEU_DUNG")
    button = next(b for b in at.button if b.label == translate("obligation.add", "vi"))
    button.click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        translate("obligation.added", "vi").format(
            agency="Cao Bằng", code="CPI_YOY.CHI_SO_GIA_TIEU_DUNG", geography="P34-04"
        )
    ]
    table = at.dataframe[-1].value
    # Cao Bằng owed three series as P63-04 before the merger and three as P34-04 after; now four.
    assert len(table) == 7
    assert table.iloc[:, 1].str.endswith("CPI_YOY.CHI_SO_GIA_TIEU_DUNG").sum() == 1


def test_the_monitor_counts_the_month_last_ended(open_page) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from analytics.formatting import format_period
    from services import observations as clock

    at = open_page("views/monitor.py", role="leader")
    assert not at.exception
    last_month = pd.Period(clock.today(), "M") - 1
    assert at.metric[0].value.endswith(f"kỳ {format_period(last_month, 'vi')}")
