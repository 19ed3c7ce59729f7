"""Translations of the targets outlook; merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "page.outlook": "Triển vọng mục tiêu",
        "outlook.title": "Triển vọng đạt các mục tiêu kế hoạch",
        "outlook.year": "Năm kế hoạch",
        "outlook.thresholds": (
            "Xác suất đạt mục tiêu từ các kịch bản mô phỏng những tháng, quý còn lại của năm. "
            ":green-badge[xanh] từ {green} % trở lên · :orange-badge[vàng] từ {red} % đến dưới "
            "{green} % · :red-badge[đỏ] dưới {red} %."
        ),
        "outlook.computing": "Đang mô phỏng các kịch bản…",
        "outlook.col.target_name": "Chỉ tiêu",
        "outlook.col.target": "Mục tiêu",
        "outlook.col.known": "Số liệu đã có",
        "outlook.col.median": "Kết quả cả năm (trung vị)",
        "outlook.col.range80": "Khoảng 80 %",
        "outlook.col.range95": "Khoảng 95 %",
        "outlook.col.probability": "Xác suất đạt",
        "outlook.col.reason": "Ghi chú",
        "outlook.col.judged": "Đạt khi cả năm",
        "outlook.col.forecast": "Cả năm theo dự báo đã công bố",
        "outlook.batch": "dự báo tự động",
        "overview.outlook_title": "Triển vọng mục tiêu {year}",
        "overview.outlook_none": "Chưa có mục tiêu nào đủ số liệu để tính xác suất.",
        "overview.outlook_badge": "{name}: {p} % ({light})",
        "overview.outlook_help": (
            "Xác suất đạt mục tiêu năm, từ các kịch bản mô phỏng; xanh từ 80 %, vàng từ 50 %, đỏ "
            "dưới 50 %."
        ),
        "outlook.short.CPI_YOY.CHI_SO_GIA_TIEU_DUNG": "CPI bình quân",
        "outlook.short.GDP_Q_REAL.TONG_SO": "Tăng trưởng GDP",
        "overview.outlook_open": "Xem chi tiết",
        "outlook.col.latest": "Số mới nhất",
        "outlook.col.ytd": "Từ đầu năm",
        "outlook.judged_help": (
            "Cột *Đạt khi cả năm* là cách chấm kết quả cả năm theo lời văn của mục tiêu: "
            '"khoảng X" là trần X + 0,5 với chỉ tiêu càng thấp càng tốt (CPI), sàn X − 0,5 với '
            'chỉ tiêu tăng trưởng, và khoảng X ± 0,5 với chỉ tiêu khác; một khoảng "A–B" là sàn '
            "A với chỉ tiêu tăng trưởng, trần B với chỉ tiêu càng thấp càng tốt. *Số mới nhất* là "
            "tốc độ tăng so với cùng kỳ của kỳ mới nhất; *Từ đầu năm* là kết quả các kỳ đã có của "
            "năm, tính như mục tiêu."
        ),
        "outlook.calibration_show": "Xem độ tin cậy của các xác suất trong những năm trước",
        "outlook.calibration_none": "Chưa có năm kế hoạch nào đã có kết quả để kiểm tra.",
        "outlook.calibration": (
            "Với các năm kế hoạch đã công bố kết quả, xác suất được tính lại cho cuối mỗi tháng "
            "với số liệu đã công bố đến khi đó (mỗi tháng, quý coi như được biết từ cuối tháng "
            "sau đó). Điểm Brier (càng thấp càng tốt) trên {n} xác suất của {targets} mục tiêu-năm: "
            "**{outlook}** cho xác suất của Cockpit, {coin} nếu luôn nói 50 %, {latest} nếu nói "
            '"đạt" khi số mới nhất đã đạt mục tiêu. Mẫu còn nhỏ và mọi mục tiêu trong mẫu đều '
            "đạt; chi tiết ở bench/results/meeting.md."
        ),
        "outlook.known": "{n}/{m} kỳ của năm; mới nhất {period}",
        "outlook.no_series": "Chưa có chuỗi số liệu đo chỉ tiêu này.",
        "outlook.target_unparsed": "Không đọc được mục tiêu.",
        "outlook.too_short": "Chuỗi số liệu quá ngắn để dự báo.",
        "outlook.too_far": "Số liệu mới nhất còn quá xa năm kế hoạch (hơn 24 kỳ).",
        "outlook.year_known": "Cả năm đã có số liệu; xem kết quả ở Tổng quan.",
        "outlook.history": "Xác suất qua các tháng, như đã biết khi đó",
        "outlook.history_caption": (
            "Mỗi điểm tính lại với số liệu đã công bố đến cuối tháng đó (các phiên bản), như "
            "phiên họp Chính phủ tháng đó đã có thể thấy."
        ),
        "outlook.history_none": "Chưa có tháng nào của năm kế hoạch có đủ số liệu để tính.",
        "outlook.history_day": "Số liệu đến ngày",
        "outlook.how": "Cách tính",
        "outlook.method": (
            "- Với mỗi chỉ tiêu có chuỗi số liệu, mô hình san bằng mũ (dạng không gian trạng thái) "
            "được ước lượng trên chuỗi và mô phỏng 2.000 kịch bản cho các kỳ còn lại của năm.\n"
            "- Kết quả cả năm của mỗi kịch bản được tính theo đúng định nghĩa của mục tiêu: CPI "
            "bình quân là trung bình 12 tháng của tốc độ tăng so với cùng kỳ; tăng trưởng GDP là "
            "tổng GDP theo giá so sánh của bốn quý so với năm trước.\n"
            '- Xác suất là tỷ lệ kịch bản đạt mục tiêu. "Khoảng X" được hiểu là trần X + 0,5 với '
            "chỉ tiêu càng thấp càng tốt (CPI), sàn X − 0,5 với chỉ tiêu tăng trưởng."
        ),
    },
    "en": {
        "page.outlook": "Targets outlook",
        "outlook.title": "Outlook for the plan targets",
        "outlook.year": "Plan year",
        "outlook.thresholds": (
            "Probability of meeting each target, from simulated paths of the year's remaining "
            "months or quarters. :green-badge[green] {green} % or more · :orange-badge[amber] {red} % "
            "to under {green} % · :red-badge[red] under {red} %."
        ),
        "outlook.computing": "Simulating the paths…",
        "outlook.col.target_name": "Indicator",
        "outlook.col.target": "Target",
        "outlook.col.known": "Data known",
        "outlook.col.median": "Year's outcome (median)",
        "outlook.col.range80": "80 % range",
        "outlook.col.range95": "95 % range",
        "outlook.col.probability": "Probability of meeting it",
        "outlook.col.reason": "Note",
        "outlook.col.judged": "Met when the year is",
        "outlook.col.forecast": "Year by the published forecast",
        "outlook.batch": "automatic forecast",
        "overview.outlook_title": "Targets outlook {year}",
        "overview.outlook_none": "No target has enough data for a probability yet.",
        "overview.outlook_badge": "{name}: {p} % ({light})",
        "overview.outlook_help": (
            "The probability of meeting the year's target, from simulated paths; green from 80 %, "
            "amber from 50 %, red under 50 %."
        ),
        "outlook.short.CPI_YOY.CHI_SO_GIA_TIEU_DUNG": "Average CPI",
        "outlook.short.GDP_Q_REAL.TONG_SO": "GDP growth",
        "overview.outlook_open": "Details",
        "outlook.col.latest": "Latest figure",
        "outlook.col.ytd": "Year to date",
        "outlook.judged_help": (
            "*Met when the year is* says how the year's outcome is judged against the target's "
            'words: "about X" is a ceiling of X + 0.5 for an indicator the Government wants low '
            '(CPI), a floor of X − 0.5 for growth, and X ± 0.5 otherwise; a range "A–B" is a '
            "floor of A for growth and a ceiling of B for an indicator wanted low. *Latest figure* "
            "is the latest period's change on a year earlier; *Year to date* is the year's known "
            "periods computed the way the target is."
        ),
        "outlook.calibration_show": "Show how reliable these probabilities were in past years",
        "outlook.calibration_none": "No past plan year with a published outcome to check yet.",
        "outlook.calibration": (
            "For the plan years with a published outcome, the probability is computed again for "
            "the end of each month with the figures published by then (a month or quarter counts "
            "as known from the end of the following month). Brier score (lower is better) on {n} "
            "probabilities of {targets} target-years: **{outlook}** for the Cockpit's "
            'probabilities, {coin} for always saying 50 %, {latest} for saying "met" when the '
            "latest figure already meets the target. The sample is small and every target in it "
            "was met; details in bench/results/meeting.md."
        ),
        "outlook.known": "{n}/{m} periods of the year; latest {period}",
        "outlook.no_series": "No series measures this target yet.",
        "outlook.target_unparsed": "The target's text is not understood.",
        "outlook.too_short": "The series is too short to forecast.",
        "outlook.too_far": "The newest data is too far from the plan year (over 24 periods).",
        "outlook.year_known": "The whole year is known; see the outcome on the Overview.",
        "outlook.history": "The probability month by month, as known then",
        "outlook.history_caption": (
            "Each point is computed again with the values published by the end of that month "
            "(their vintages), as that month's Government meeting could have seen it."
        ),
        "outlook.history_none": "No month of the plan year has enough data yet.",
        "outlook.history_day": "Data as of",
        "outlook.how": "How it is computed",
        "outlook.method": (
            "- For each target with a series, an exponential-smoothing state-space model is fitted "
            "to it and 2,000 paths of the year's remaining periods are simulated.\n"
            "- Each path's outcome for the year is computed the way the target is defined: average "
            "CPI growth is the mean of the 12 months' y/y rates; GDP growth is the year's four "
            "quarters of GDP at constant prices on the previous year's.\n"
            '- The probability is the share of paths that meet the target. "About X" is a '
            "ceiling at X + 0.5 for an indicator the Government wants low (CPI) and a floor at "
            "X − 0.5 for growth."
        ),
    },
}
