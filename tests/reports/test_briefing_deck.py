"""The briefing deck from figures made here (no database): its slides and their words, the
PowerPoint file as python-pptx reads it back, the PDF's pages rendered by poppler and not blank,
its text in Vietnamese as a reader extracts it, the shipped font's Vietnamese letters, and the
same bytes from the same figures."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from analytics.outlook import Outlook
from analytics.tiles import summarise
from reports.briefing import BriefingData, IndicatorData, OutlookItem, SupplyItem, build_deck
from reports.chart_export import FONT_FILES, VIETNAMESE_LETTERS, chart_svg, missing_letters
from reports.render import deck_files
from ui.i18n import translate, unit_text

MONTHS = pd.period_range("2022-01", "2025-02", freq="M")


def _cpi() -> IndicatorData:
    values = pd.Series(3 + 0.5 * np.sin(np.arange(len(MONTHS)) / 4), index=MONTHS).round(2)
    forecast = pd.DataFrame(
        {
            "period": pd.period_range("2025-03", "2025-08", freq="M"),
            "point": [3.1] * 6,
            "lower_80": [2.6] * 6,
            "upper_80": [3.6] * 6,
            "lower_95": [2.3] * 6,
            "upper_95": [3.9] * 6,
        }
    )
    return IndicatorData(
        key="cpi",
        code="CPI_YOY.CHI_SO_GIA_TIEU_DUNG",
        name_vi="Chỉ số giá tiêu dùng (CPI) chung",
        name_en="Consumer price index",
        unit="percent change",
        kind="rate",
        higher_is_better=False,
        values=values,
        statuses=pd.Series(["official"] * (len(MONTHS) - 1) + ["estimate"], index=MONTHS),
        source="Cục Thống kê, báo cáo tháng",
        summary=summarise(values, "rate"),
        forecast=forecast,
        forecast_kind="published",
        forecast_made=dt.date(2025, 3, 10),
    )


def _data() -> BriefingData:
    cpi = _cpi()
    odds = Outlook(2025, 2, 12, MONTHS[-1], 0.875, 3.13, (2.8, 3.5), (2.5, 3.8), "green")
    return BriefingData(
        period=pd.Period("2025-02", "M"),
        as_of=dt.date(2025, 3, 31),
        vintage=dt.date(2025, 3, 6),
        indicators=(cpi,),
        outlook_year=2025,
        outlook=(
            OutlookItem(
                "Tốc độ tăng CPI bình quân", "Average CPI growth", "Khoảng 4,5", odds, None
            ),
            OutlookItem(
                "Tỷ lệ lao động qua đào tạo",
                "Trained workers",
                "Khoảng 70",
                None,
                "outlook.no_series",
            ),
        ),
        supply=(SupplyItem("Cục Thống kê", "Statistics Office", 10, 7, 2, 1),),
    )


def _deck(lang: str = "vi"):  # type: ignore[no-untyped-def]
    return build_deck(
        _data(), lang, lambda key, **p: translate(key, lang, **p), lambda u: unit_text(u, lang)
    )


def test_the_slides_say_what_the_figures_are() -> None:
    deck = _deck()
    keys = [slide.key for slide in deck.slides]
    assert keys == [
        "cover",
        "headlines",
        "outlook",
        "indicator.CPI_YOY.CHI_SO_GIA_TIEU_DUNG",
        "supply",
        "sources",
    ]
    cover, headlines, outlook, cpi, supply, sources = deck.slides
    assert cover.title == "Tình hình kinh tế – xã hội tháng 2/2025"
    assert "06/03/2025" in cover.lines[0]
    assert deck.made == dt.datetime(2025, 3, 6)
    tile = headlines.tiles[0]
    last, year_ago = _cpi().values.iloc[-1], _cpi().values.iloc[-13]
    assert tile.value == f"{last:.1f}".replace(".", ",") + "%"
    sign = "+" if last - year_ago > 0 else "−"
    assert tile.change.startswith(f"{sign}{abs(last - year_ago):.1f}".replace(".", ","))
    assert outlook.table[1] == (
        "Tốc độ tăng CPI bình quân",
        "Khoảng 4,5",
        "3,13",
        "2,80 – 3,50",
        "88 % · xanh",
    )
    assert len(outlook.table) == 2, "a target without a series is a line, not a row"
    assert "Tỷ lệ lao động qua đào tạo" in outlook.lines[0]
    assert cpi.title == "Chỉ số giá tiêu dùng (CPI)"
    assert cpi.table[1][0] == "Tháng 2/2025" and cpi.table[1][3] == "ước tính"
    assert "Cục Thống kê, báo cáo tháng" in cpi.footer and "06/03/2025" in cpi.footer
    assert any("10/03/2025" in line for line in cpi.lines), "whose forecast, made when"
    layers = cpi.chart["layer"]
    assert any(layer.get("mark", {}).get("type") == "area" for layer in layers), "the fan"
    assert supply.table[1] == ("Cục Thống kê", "10", "7", "2", "1")
    assert supply.subtitle == "Đã có 9/10 chỉ tiêu phải báo cáo."
    assert sources.title == translate("briefing.sources_title", "vi")


def test_the_deck_speaks_english_too() -> None:
    deck = _deck("en")
    assert deck.slides[0].title == "The socio-economic situation in Feb 2025"
    assert deck.slides[2].table[1][-1] == "88 % · green"


@pytest.fixture(scope="module")
def files():  # type: ignore[no-untyped-def]
    return deck_files(_deck())


def test_the_powerpoint_opens_with_its_slides_titles_and_chart(files) -> None:  # type: ignore[no-untyped-def]
    deck = _deck()
    presentation = Presentation(io.BytesIO(files.pptx))
    assert len(presentation.slides) == len(deck.slides)
    titles = [
        next(shape.text_frame.text for shape in slide.shapes if shape.name == "Title")
        for slide in presentation.slides
    ]
    assert titles == [slide.title for slide in deck.slides]
    pictures = [
        [shape for shape in slide.shapes if shape.shape_type == 13] for slide in presentation.slides
    ]
    assert [len(p) for p in pictures] == [1 if s.chart else 0 for s in deck.slides]
    picture = Image.open(io.BytesIO(pictures[3][0].image.blob))
    assert picture.width >= 1000, "rendered at twice the size shown"
    tables = [shape for shape in presentation.slides[4].shapes if shape.has_table]
    assert tables[0].table.cell(1, 0).text == "Cục Thống kê"
    assert presentation.core_properties.created == dt.datetime(2025, 3, 6)


def test_the_same_figures_make_the_same_files(files) -> None:  # type: ignore[no-untyped-def]
    again = deck_files(_deck())
    assert again.pptx == files.pptx
    assert again.pdf == files.pdf


def test_the_pdf_pages_render_and_are_not_blank(files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(files.pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(_deck().slides)
    for page in pages:
        grey = np.asarray(Image.open(page).convert("L"), dtype=float)
        assert grey.shape[1] > grey.shape[0], "landscape, 16:9"
        assert (grey < 128).mean() > 0.005, f"{page.name} has (almost) no ink"
    chart_page = np.asarray(Image.open(pages[3]).convert("L"), dtype=float)
    height, width = chart_page.shape
    chart = chart_page[
        int(0.25 * height) : int(0.75 * height), int(0.05 * width) : int(0.6 * width)
    ]
    assert (chart < 200).mean() > 0.02, "the chart's lines and labels are drawn"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = " ".join(text.split())
    assert "Tình hình kinh tế – xã hội tháng 2/2025" in text, "Vietnamese comes out as written"
    assert "Tốc độ tăng CPI bình quân" in text


def test_the_shipped_font_has_every_vietnamese_letter() -> None:
    assert len(VIETNAMESE_LETTERS) == 178  # 24 vowels × 6 tones + đĐ + 32 consonants
    assert missing_letters(FONT_FILES["regular"]) == ""
    assert missing_letters(FONT_FILES["bold"]) == ""
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    assert "ạ" in missing_letters(vera), "the check finds a font without Vietnamese"


def test_a_chart_exports_as_svg_with_its_words_as_text() -> None:
    svg = chart_svg(_deck().slides[3].chart)
    assert svg.startswith("<svg") and "DejaVu Sans" in svg
