"""In a real browser, from file to chart: on a database as it stood before December 2024 came in,
an analyst imports GSO's December workbook, sees the checked preview, confirms, and the Overview
and Explore show December 2024 as an estimate released on 29/12/2024."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_server import PROJECT_ROOT, seeded_server
from tests.e2e.conftest import ACCOUNTS, PASSWORD, sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

WORKBOOK = "2024-12-29-02.Bieu-T12.2024.xlsx"
CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"


@pytest.fixture(scope="module")
def november_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A server on a database seeded with the periods that end by 30 November 2024."""
    folder = tmp_path_factory.mktemp("november")
    users = {ACCOUNTS["analyst"]: "analyst"}
    with seeded_server(folder, users, PASSWORD, until="2024-11-30") as (url, _):
        yield url


def test_a_gso_workbook_goes_from_file_to_chart(page: Page, november_url: str, screenshot) -> None:  # type: ignore[no-untyped-def]
    data = gzip.decompress(
        (PROJECT_ROOT / "data/seed/gso_workbooks" / f"{WORKBOOK}.gz").read_bytes()
    )
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(f"{november_url}/kham-pha?ind={CPI}&from=2024-06")
    sign_in(page, "analyst")
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("Tháng 11/2024", timeout=30_000)
    expect(table).not_to_contain_text("Tháng 12/2024")

    page.goto(f"{november_url}/nhap-bieu-gso")
    wait_until_idle(page)
    expect(page.get_by_text(translate("gso.title", "vi"))).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").set_input_files(
        {"name": WORKBOOK, "mimeType": "application/vnd.ms-excel", "buffer": data}
    )
    wait_until_idle(page)
    label = translate("gso.release_date", "vi")
    expect(page.get_by_role("spinbutton", name=f"day, {label}")).to_have_text("29")
    expect(page.get_by_role("spinbutton", name=f"year, {label}")).to_have_text("2024")
    page.get_by_role("button", name=translate("intake.check", "vi")).click()
    wait_until_idle(page)
    expect(page.get_by_text(translate("intake.state.staged", "vi"))).to_be_visible(timeout=60_000)
    screenshot(page, "gso-import-preview", readme=True)
    page.get_by_role("button", name=translate("intake.confirm", "vi")).click()
    wait_until_idle(page)
    expect(page.get_by_text("ngày cập nhật 29/12/2024")).to_be_visible(timeout=60_000)

    page.goto(f"{november_url}/kham-pha?ind={CPI}&from=2024-06")
    wait_until_idle(page)
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("Tháng 12/2024", timeout=30_000)
    expect(table).to_contain_text("2,94")  # GSO, 33.CPI!E9: 102,94 on December 2023 = 100
    expect(page.get_by_text("Tình trạng số liệu mới nhất: ước tính")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    page.goto(f"{november_url}/")
    wait_until_idle(page)
    metric = page.get_by_test_id("stMetric").filter(has_text="Sản xuất công nghiệp (IIP)")
    expect(metric).to_contain_text("8,8%", timeout=30_000)  # 10.IIPthang!D9: 108,84
    tile = page.get_by_test_id("stVerticalBlock").filter(has=metric).last
    expect(tile).to_contain_text("Tháng 12/2024")
    screenshot(page, "gso-import-overview")


def test_the_file_name_gives_the_release_date_only_as_a_proposal() -> None:
    from services.intake import suggested_release_date

    assert str(suggested_release_date(WORKBOOK)) == "2024-12-29"
    assert suggested_release_date("Bieu-T12.2024.xlsx") is None
    assert Path(WORKBOOK).suffix == ".xlsx"
