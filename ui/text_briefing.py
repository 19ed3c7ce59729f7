"""Translations of the briefing deck, the presentation mode and the charts' downloads; merged
into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "page.present": "Trình chiếu",
        "briefing.deck_title": "Báo cáo tình hình kinh tế – xã hội {month}",
        "briefing.cover_title": "Tình hình kinh tế – xã hội {month}",
        "briefing.cover_subtitle": "Phiên họp Chính phủ thường kỳ",
        "briefing.cover_made_by": (
            "Biểu đồ và dự báo do Cockpit – Bộ Kế hoạch và Đầu tư lập từ số liệu đã công bố."
        ),
        "briefing.no_data": "Chưa có số liệu cho tháng này.",
        "briefing.vintage": "Số liệu đến hết {month}, như đã biết ngày {date} (phiên bản số liệu).",
        "briefing.as_of": "tình hình ngày {date}",
        "briefing.vs_year_ago": "so với cùng kỳ năm trước",
        "briefing.headlines_title": "Các chỉ tiêu chủ yếu {month}",
        "briefing.footer": "Nguồn: {source} · Đơn vị: {unit} · {vintage}",
        "briefing.outlook_title": "Triển vọng đạt các mục tiêu kế hoạch năm {year}",
        "briefing.outlook_subtitle": (
            "Xác suất từ các kịch bản mô phỏng; xanh từ {green} %, vàng từ {red} %, đỏ dưới {red} %."
        ),
        "briefing.outlook_none": "Chưa có mục tiêu kế hoạch cho năm này.",
        "briefing.outlook_unmeasured": "Chưa có chuỗi số liệu đo {n} mục tiêu: {names}.",
        "briefing.sources_see_last": "xem trang cuối",
        "briefing.unit_each": "ghi ở từng ô",
        "briefing.outlook_source": "Nghị quyết của Quốc hội về kế hoạch; tính toán của Cockpit",
        "outlook.light.green": "xanh",
        "outlook.light.amber": "vàng",
        "outlook.light.red": "đỏ",
        "briefing.forecast.published": "Dự báo đã công bố ngày {date} (vùng 80 % và 95 %)",
        "briefing.forecast.batch": "Dự báo tự động hằng tháng ngày {date} (vùng 80 % và 95 %)",
        "briefing.forecast.none": "Chưa có dự báo cho số liệu này",
        "briefing.col.period": "Kỳ",
        "briefing.col.value": "Giá trị ({unit})",
        "briefing.col.year_ago": "Cùng kỳ năm trước",
        "briefing.col.status": "Tình trạng",
        "briefing.col.owed": "Phải báo cáo",
        "briefing.col.on_time": "Đúng hạn",
        "briefing.col.late": "Muộn",
        "briefing.col.missing": "Chưa có",
        "briefing.supply_title": "Tình hình cung cấp số liệu {month}",
        "briefing.supply_subtitle": "Đã có {n}/{m} chỉ tiêu phải báo cáo.",
        "briefing.supply_source": "Chế độ báo cáo và số liệu đã nhận trong Cockpit",
        "briefing.unit_obligations": "chỉ tiêu",
        "briefing.sources_title": "Nguồn số liệu và phương pháp",
        "briefing.sources_outlook": (
            "Triển vọng mục tiêu: mô hình san bằng mũ mô phỏng 2.000 kịch bản của các kỳ còn lại; "
            "xác suất là tỷ lệ kịch bản đạt mục tiêu."
        ),
        "briefing.sources_reproducible": (
            "Cùng tháng và cùng ngày phiên bản số liệu cho cùng một bộ trình chiếu."
        ),
        "present.title": "Trình chiếu",
        "present.month": "Tháng báo cáo",
        "present.previous": "Trước",
        "present.next": "Tiếp",
        "present.slide_of": "Trang {n}/{m}",
        "present.keys": "Phím ← → để chuyển trang.",
        "present.make": "Tải bộ trình chiếu",
        "present.making": "Đang lập bộ trình chiếu…",
        "present.pptx": "PowerPoint (.pptx)",
        "present.pdf": "PDF",
        "present.month_invalid": "Tháng {value} không hợp lệ; đang hiển thị tháng có số liệu mới nhất.",
        "chart.png": "Tải ảnh PNG",
        "chart.svg": "Tải ảnh SVG",
    },
    "en": {
        "page.present": "Present",
        "briefing.deck_title": "Socio-economic situation, {month}",
        "briefing.cover_title": "The socio-economic situation in {month}",
        "briefing.cover_subtitle": "The Government's regular meeting",
        "briefing.cover_made_by": (
            "Charts and forecasts made by the Cockpit of the Ministry of Planning and Investment "
            "from published data."
        ),
        "briefing.no_data": "No data for this month yet.",
        "briefing.vintage": "Data up to {month}, as known on {date} (the data's vintage).",
        "briefing.as_of": "as of {date}",
        "briefing.vs_year_ago": "on the same period last year",
        "briefing.headlines_title": "The main indicators, {month}",
        "briefing.footer": "Source: {source} · Unit: {unit} · {vintage}",
        "briefing.outlook_title": "Outlook for the plan targets of {year}",
        "briefing.outlook_subtitle": (
            "Probabilities from simulated paths; green from {green} %, amber from {red} %, red "
            "under {red} %."
        ),
        "briefing.outlook_none": "No plan targets for this year yet.",
        "briefing.outlook_unmeasured": "No series measures {n} targets yet: {names}.",
        "briefing.sources_see_last": "see the last slide",
        "briefing.unit_each": "as in each tile",
        "briefing.outlook_source": "The National Assembly's plan resolution; the Cockpit's computation",
        "outlook.light.green": "green",
        "outlook.light.amber": "amber",
        "outlook.light.red": "red",
        "briefing.forecast.published": "Forecast published on {date} (80 % and 95 % bands)",
        "briefing.forecast.batch": "Monthly automatic forecast of {date} (80 % and 95 % bands)",
        "briefing.forecast.none": "No forecast of this series yet",
        "briefing.col.period": "Period",
        "briefing.col.value": "Value ({unit})",
        "briefing.col.year_ago": "A year earlier",
        "briefing.col.status": "Status",
        "briefing.col.owed": "Owed",
        "briefing.col.on_time": "On time",
        "briefing.col.late": "Late",
        "briefing.col.missing": "Missing",
        "briefing.supply_title": "Data supply for {month}",
        "briefing.supply_subtitle": "{n} of {m} owed indicators supplied.",
        "briefing.supply_source": "Reporting obligations and the data received in the Cockpit",
        "briefing.unit_obligations": "indicators",
        "briefing.sources_title": "Sources and methods",
        "briefing.sources_outlook": (
            "Targets outlook: an exponential-smoothing model simulates 2,000 paths of the "
            "remaining periods; the probability is the share of paths that meet the target."
        ),
        "briefing.sources_reproducible": (
            "The same month and the same data vintage give the same deck."
        ),
        "present.title": "Present",
        "present.month": "Reporting month",
        "present.previous": "Previous",
        "present.next": "Next",
        "present.slide_of": "Slide {n} of {m}",
        "present.keys": "Keys ← → change slides.",
        "present.make": "Download the deck",
        "present.making": "Making the deck…",
        "present.pptx": "PowerPoint (.pptx)",
        "present.pdf": "PDF",
        "present.month_invalid": "The month {value} is not valid; showing the newest month with data.",
        "chart.png": "Download PNG",
        "chart.svg": "Download SVG",
    },
}
