"""In a real browser, from file to chart: a data officer downloads nothing but fills a template,
uploads it, sees the preview with a flagged row, confirms, and finds the new value with its
vintage on Explore."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
FILLED = (
    "indicator_code,geography,period,value,status,source\n"
    f'{CPI},VN,2025-03,"3,13",official,Báo cáo tháng 3\n'
    "EXP_M.TOTAL,VN,2025-03,35,official,Báo cáo tháng 3\n"  # ~35 000 million USD: flagged
    "DEBT_NOT_A_CODE,VN,2025-03,1,official,x\n"
).encode()


def test_an_upload_goes_from_file_to_chart(page: Page, app_url: str, screenshot) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(f"{app_url}/cung-cap-so-lieu")
    sign_in(page, "data_officer")
    expect(page.get_by_text(translate("intake.template_title", "vi"))).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").set_input_files(
        {"name": "thang-3.csv", "mimeType": "text/csv", "buffer": FILLED}
    )
    wait_until_idle(page)
    page.get_by_role("button", name=translate("intake.check", "vi")).click()
    wait_until_idle(page)
    preview = page.get_by_test_id("stDataFrame").first
    expect(preview).to_be_visible(timeout=30_000)
    counts = page.get_by_text("1 hợp lệ · 1 cần xác nhận · 0 không đổi · 1 lỗi")
    expect(counts).to_be_visible(timeout=30_000)
    page.get_by_text(translate("intake.only_problems", "vi")).click()  # show every row
    wait_until_idle(page)
    screenshot(page, "intake-preview", readme=True)
    page.get_by_role("button", name=translate("intake.confirm", "vi")).click()
    wait_until_idle(page)
    today = dt.date.today().strftime("%d/%m/%Y")
    expect(page.get_by_text(f"Đã ghi 1 giá trị, ngày cập nhật {today}")).to_be_visible(
        timeout=30_000
    )

    page.goto(f"{app_url}/kham-pha?ind={CPI}&from=2024-06")
    wait_until_idle(page)
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=30_000)
    expect(page.get_by_text(f"Cập nhật: {today}")).to_be_visible()
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("Tháng 3/2025")
    expect(table).to_contain_text("3,13")
    table.scroll_into_view_if_needed()
    screenshot(page, "intake-explore")
