"""The translation table: every string a user sees, in Vietnamese (default) and English.

Without Streamlit, so that jobs (the briefing deck) write in a language too; ``ui.i18n`` adds
the session's language. Pages call ``ui.i18n.t`` with a key; pure modules raise errors that
carry a key (``domain.errors``), and ``ui.i18n.error_text`` turns them into a sentence in the user's language. A key missing from a
language falls back to Vietnamese, and a test checks that both languages have the same keys.

A message that counts something is a *plural entry*: a dict that names the counting parameter
under ``"count"`` and gives one text per CLDR plural category the language has (Babel's
``Locale.plural_form``): English ``{"count": "n", "one": "{n} row", "other": "{n} rows"}``,
Vietnamese, which has the one form ``other``, ``{"count": "n", "other": "{n} dòng"}``. A category's
text may itself be a plural entry, for a message that counts two things. The count is written with
the separators of the language ("1.234 dòng", "1,234 rows"); a count that is not a whole number
(or is missing) takes the ``other`` form as it is.
"""

from __future__ import annotations

import math
from decimal import Decimal
from numbers import Integral
from typing import Any

from analytics.formatting import LANGUAGES, format_number, locale_of
from ui import text_accounts as accounts_text
from ui import text_briefing as briefing_text
from ui import text_export as export_text
from ui import text_fields as fields_text
from ui import text_forecast as forecast_text
from ui import text_hardening as hardening_text
from ui import text_intake as intake_text
from ui import text_kinds as kinds_text
from ui import text_outlook as outlook_text
from ui import text_units as units_text
from ui import text_vintages as vintages_text

DEFAULT_LANGUAGE = "vi"
PLURAL_COUNT = "count"

# A text, or a plural entry: {"count": parameter, category: text or plural entry, ...}.
Message = str | dict[str, "Message"]

TEXT: dict[str, dict[str, Message]] = {
    "vi": {
        "app.title": "Cockpit điều hành kinh tế - xã hội",
        "app.subtitle": "Số liệu thống kê và dự báo phục vụ chỉ đạo, điều hành của Chính phủ",
        "app.language": "Ngôn ngữ",
        "nav.overview": "Tổng quan",
        "nav.explore": "Khám phá",
        "nav.section.browse": "Theo dõi",
        "overview.title": "Tổng quan kinh tế - xã hội",
        "overview.caption": (
            "Số liệu mới nhất của các chỉ tiêu chủ yếu. Bấm vào một ô để xem chi tiết."
        ),
        "overview.latest": "{period}",
        "overview.vs_year_ago": "so với cùng kỳ năm trước",
        "overview.points": "điểm %",
        "overview.no_yoy": "Chưa đủ số liệu để so với cùng kỳ",
        "overview.target": "Mục tiêu {year}: {target} ({measure})",
        "overview.target_unconfirmed": "số nghị quyết chưa được xác nhận",
        "overview.no_target": "Không có mục tiêu kế hoạch cho chỉ tiêu này",
        "overview.open": "Xem chi tiết",
        "overview.targets_title": "Mục tiêu kế hoạch năm {year}",
        "overview.targets_caption": (
            "Theo nghị quyết của Quốc hội về kế hoạch phát triển kinh tế - xã hội. "
            "Chỉ hiển thị các mục tiêu đã được xác nhận từ nguồn công bố."
        ),
        "overview.status.met": "Đạt",
        "overview.status.not_met": "Chưa đạt",
        "overview.status.no_data": "Chưa có số liệu",
        "overview.column.target": "Mục tiêu",
        "overview.column.actual": "Kết quả công bố",
        "overview.column.status": "Đánh giá",
        "overview.column.resolution": "Nghị quyết",
        "overview.as_of": "Số liệu cập nhật đến {date}",
        "data_age.line": "Số liệu mới nhất trên trang: {period} — {age}",
        "data_age.in_progress": "Số liệu mới nhất trên trang: {period} (kỳ chưa kết thúc)",
        "explore.rate_published": {
            "count": "n",
            "other": ("{name}: tốc độ tăng là số công bố của nguồn ({rate}), {n} kỳ."),
        },
        "explore.rate_computed": {
            "count": "n",
            "other": "{n} kỳ không có số công bố được tính từ số tuyệt đối (số tính toán).",
        },
        "explore.rate_help": (
            "Cục Thống kê so sánh số ước tính của kỳ này với số đã điều chỉnh của cùng kỳ năm "
            "trước, nên tốc độ tính từ số liệu lưu trữ có thể khác số công bố. Cockpit hiển thị "
            "số công bố khi có, và chỉ tính toán khi nguồn không công bố."
        ),
        "data_age.help": (
            "Kỳ mới nhất trong số liệu đang hiển thị trên trang này, và đã bao lâu kể từ khi kỳ đó "
            "kết thúc."
        ),
        "overview.vs_year_ago.published": "so với cùng kỳ (số công bố)",
        "overview.vs_year_ago.computed": "so với cùng kỳ (tự tính)",
        "tile.gdp": "Tăng trưởng GDP",
        "tile.cpi": "Chỉ số giá tiêu dùng (CPI)",
        "tile.iip": "Sản xuất công nghiệp (IIP)",
        "tile.retail": "Bán lẻ hàng hóa và dịch vụ",
        "tile.exports": "Xuất khẩu hàng hóa",
        "tile.imports": "Nhập khẩu hàng hóa",
        "tile.trade_balance": "Cán cân thương mại hàng hóa",
        "tile.fdi": "Vốn FDI đăng ký (lũy kế)",
        "tile.trade_balance.derived_short": "= xuất khẩu − nhập khẩu cùng tháng",
        "tile.trade_balance.derived": (
            "Tính bằng xuất khẩu trừ nhập khẩu của cùng tháng, cùng báo cáo tháng của Cục Thống kê"
        ),
        "explore.title": "Khám phá chỉ tiêu",
        "explore.search": "Tìm chỉ tiêu (tên hoặc mã, có dấu hoặc không dấu)",
        "explore.search_placeholder": "ví dụ: chi so gia, xuất khẩu, GDP",
        "explore.field": "Lĩnh vực (QĐ 293/QĐ-TTg)",
        "explore.field_all": "Tất cả lĩnh vực",
        "explore.field_note": (
            "Việc xếp chỉ tiêu vào 9 lĩnh vực do Cockpit thực hiện; "
            "chưa đối chiếu với phụ lục của Quyết định 293/QĐ-TTg."
        ),
        "explore.results": {"count": "n", "other": "{n} chỉ tiêu phù hợp"},
        "explore.indicators": "Chỉ tiêu trên biểu đồ (tối đa 6)",
        "explore.pick_prompt": "Chọn một hoặc nhiều chỉ tiêu để vẽ biểu đồ.",
        "explore.indicators_placeholder": "Gõ tên hoặc mã để thêm chỉ tiêu",
        "explore.transform": "Phép biến đổi",
        "explore.frequency": "Tần suất",
        "explore.frequency.native": "Như nguồn",
        "explore.aggregation": "Cách tổng hợp",
        "explore.window": "Số kỳ bình quân trượt",
        "explore.base_period": "Kỳ gốc (= 100)",
        "explore.start": "Từ kỳ",
        "explore.end": "Đến kỳ",
        "explore.period_help": "Như Tháng 3/2024, Quý I/2024, Năm 2024, hoặc 2024-03, 2024-Q1, 2024",
        "explore.compare": "So sánh",
        "explore.compare.own": "Mỗi chỉ tiêu một trục",
        "explore.compare.rebased": "Cùng gốc 100",
        "explore.applied": "Đã áp dụng: {steps}",
        "explore.table": "Bảng số liệu",
        "explore.download_csv": "Tải CSV",
        "explore.download_xlsx": "Tải Excel",
        "explore.meta.source": "Nguồn",
        "explore.meta.unit": "Đơn vị",
        "explore.meta.updated": "Cập nhật",
        "explore.meta.status": "Tình trạng số liệu mới nhất",
        "explore.meta.agency": "Cơ quan chịu trách nhiệm",
        "explore.meta.coverage": "Thời gian",
        "explore.no_data_in_range": "{name}: không có số liệu trong khoảng thời gian đã chọn.",
        "explore.column.period": "Kỳ",
        "explore.column.code": "Mã",
        "explore.column.name": "Chỉ tiêu",
        "explore.column.unit": "Đơn vị",
        "explore.column.value": "Giá trị",
        "explore.column.status": "Tình trạng",
        "explore.column.source": "Nguồn",
        "explore.column.transform": "Phép biến đổi",
        "status.estimate": "ước tính",
        "status.preliminary": "sơ bộ",
        "status.official": "chính thức",
        "status.revised": "điều chỉnh",
        "transform.level": "Mức (như nguồn)",
        "transform.change": "Thay đổi so với kỳ trước",
        "transform.pct_change": "% so với kỳ trước",
        "transform.yoy_pct": "% so với cùng kỳ năm trước",
        "transform.yoy_change": "Thay đổi so với cùng kỳ năm trước",
        "transform.ytd": "Lũy kế từ đầu năm",
        "transform.ytd_yoy_pct": "Lũy kế từ đầu năm, % so với cùng kỳ",
        "transform.moving_average": "Bình quân trượt",
        "transform.rebase": "Chỉ số (kỳ gốc = 100)",
        "transform.log": "Logarit tự nhiên",
        "aggregation.mean": "Bình quân",
        "aggregation.sum": "Tổng",
        "aggregation.last": "Cuối kỳ",
        "frequency.M": "Tháng",
        "frequency.Q": "Quý",
        "frequency.Y": "Năm",
        "frequency.A": "Năm",
        "step.aggregate": "tổng hợp theo {freq} ({how})",
        "step.transform": "{transform}",
        "step.window": {"count": "window", "other": "{transform} ({window} kỳ)"},
        "step.rebase": "{transform}, gốc {base}",
        "error.heading": "Không thể thực hiện",
        "error.unknown_indicator": "Không có chỉ tiêu mã {code}. Đã bỏ qua mã này.",
        "error.too_many_indicators": {
            "count": "limit",
            "other": "Chỉ so sánh được tối đa {limit} chỉ tiêu; đã giữ {limit} chỉ tiêu đầu.",
        },
        "error.unknown_option": "Giá trị {value} không hợp lệ cho {name}; đã dùng mặc định.",
        "error.range_reversed": "Kỳ bắt đầu {start} sau kỳ kết thúc {end}; đã bỏ giới hạn thời gian.",
        "error.generic": "Đã xảy ra lỗi khi xử lý yêu cầu: {detail}",
        "error.frequency_unknown": "Tần suất {freq} không phải là M (tháng), Q (quý) hoặc Y (năm)",
        "error.period_unrecognised": "Kỳ {period} không phải là một tháng (Tháng 3/2024, 2024-03), một quý (Quý I/2024, 2024-Q1) hay một năm (Năm 2024, 2024)",
        "error.period_invalid": "Kỳ {period} không phải là một tháng hợp lệ",
        "error.period_invalid_quarter": "Kỳ {period} không phải là một quý hợp lệ (từ Q1 đến Q4)",
        "error.period_not_month": "Kỳ {period} không phải là một tháng (ví dụ Tháng 3/2024 hoặc 2024-03)",
        "error.period_not_quarter": "Kỳ {period} không phải là một quý (ví dụ Quý I/2024 hoặc 2024-Q1)",
        "error.period_not_year": "Kỳ {period} không phải là một năm (ví dụ Năm 2024 hoặc 2024)",
        "error.reporting_kind_unknown": "Kỳ chốt số liệu {kind} không phải là period (theo kỳ) hoặc year_to_date (lũy kế từ đầu năm)",
        "error.half_year_invalid": "Kỳ nửa năm {half} phải là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm)",
        "error.aggregation_unknown": "Cách tổng hợp {how} không thuộc các cách: {known}",
        "error.aggregate_up": "Không thể tổng hợp từ tần suất {from_freq} lên tần suất cao hơn {to_freq}; chỉ tổng hợp được sang tần suất thấp hơn",
        "error.transform_unknown": "Phép biến đổi {transform} không thuộc các phép: {known}",
        "error.transform_parameter_unknown": "Phép biến đổi {transform} không có tham số {parameter}",
        "error.transform_needs_year": {
            "count": "n",
            "other": "so sánh với cùng kỳ năm trước cần số liệu của hơn một năm; {code} chỉ có {n} kỳ",
        },
        "error.window_invalid": "Độ dài bình quân trượt {window} phải là một số nguyên kỳ, ít nhất là 1",
        "error.series_empty": "{code} không có số liệu",
        "error.rebase_base_missing": "{code} không có số liệu tại kỳ gốc {period}; hãy chọn một kỳ có số liệu",
        "error.rebase_base_zero": "{code} bằng 0 tại kỳ gốc {period} nên không thể dùng làm gốc chỉ số",
        "error.log_nonpositive": "Lấy lôgarit của {code} cần giá trị lớn hơn 0, nhưng tại kỳ {period} giá trị là {value}",
        "error.number_unparseable": "{text} không phải là một số viết theo dạng 6,5 hoặc 3.900",
        "error.period_in_future": "Kỳ {period} chưa bắt đầu vào ngày {vintage}, ngày số liệu được biết đến; không thể gửi số liệu của một kỳ trong tương lai",
        "error.period_not_ended": "Kỳ {period} chưa kết thúc vào ngày {vintage}, ngày số liệu được biết đến; trước khi kỳ kết thúc chỉ có thể gửi số ước tính",
        "supply.unusual": "Giá trị {value} khác xa {count} giá trị gần kỳ này nhất của chỉ tiêu (trung vị {median}; giá trị thường gặp nằm trong khoảng {low} đến {high}). Chưa ghi nhận: hãy kiểm tra lại dấu phân cách và số chữ số, hoặc đánh dấu ô xác nhận rồi gửi lại.",
        "supply.confirm_unusual": "Tôi xác nhận giá trị {value} của {code} cho {period} là đúng",
        "error.number_ambiguous": "{text} có thể là {decimal} hoặc {thousands}; hãy nhập đúng số bạn muốn theo cách viết ở đây",
        "error.target_unparseable": "Không đọc được chỉ tiêu kế hoạch {text}; hãy viết như 'Khoảng 6,5', '6-6,5', 'Trên 90', 'Dưới 4' hoặc 'Từ 10 trở lên'",
        "error.target_value_missing": "Không có số liệu để so sánh với chỉ tiêu {target}",
        "error.language_unknown": "Ngôn ngữ {lang} không phải là vi hoặc en",
    },
    "en": {
        "app.title": "Socio-economic Cockpit",
        "app.subtitle": "Statistics and forecasts for the Government's direction and management",
        "app.language": "Language",
        "nav.overview": "Overview",
        "nav.explore": "Explore",
        "nav.section.browse": "Monitor",
        "overview.title": "Socio-economic overview",
        "overview.caption": "Latest figures of the headline indicators. Open a tile for details.",
        "overview.latest": "{period}",
        "overview.vs_year_ago": "on the same period last year",
        "overview.points": "pp",
        "overview.no_yoy": "Not enough data for a year-on-year comparison",
        "overview.target": "Target {year}: {target} ({measure})",
        "overview.target_unconfirmed": "resolution number not confirmed",
        "overview.no_target": "No plan target for this indicator",
        "overview.open": "Open",
        "overview.targets_title": "Plan targets for {year}",
        "overview.targets_caption": (
            "From the National Assembly's resolution on the socio-economic development plan. "
            "Only targets confirmed by a published source are shown."
        ),
        "overview.status.met": "Met",
        "overview.status.not_met": "Not met",
        "overview.status.no_data": "No data yet",
        "overview.column.target": "Target",
        "overview.column.actual": "Published outcome",
        "overview.column.status": "Assessment",
        "overview.column.resolution": "Resolution",
        "overview.as_of": "Data as of {date}",
        "data_age.line": "Newest data on this page: {period} — {age}",
        "data_age.in_progress": "Newest data on this page: {period} (period not yet over)",
        "explore.rate_published": {
            "count": "n",
            "one": "{name}: the growth rate is the source's published figure ({rate}), {n} period.",
            "other": (
                "{name}: the growth rate is the source's published figure ({rate}), {n} periods."
            ),
        },
        "explore.rate_computed": {
            "count": "n",
            "one": "{n} period without a published rate is computed from the levels.",
            "other": "{n} periods without a published rate are computed from the levels.",
        },
        "explore.rate_help": (
            "The Statistics Office compares this period's estimate with the revised figure of a "
            "year before, so a rate computed from the stored levels can differ from the published "
            "one. The Cockpit shows the published rate where there is one and computes it only "
            "where the source publishes none."
        ),
        "data_age.help": (
            "The newest period among the figures this page shows, and how long ago it ended."
        ),
        "overview.vs_year_ago.published": "on a year earlier (as published)",
        "overview.vs_year_ago.computed": "on a year earlier (computed)",
        "tile.gdp": "GDP growth",
        "tile.cpi": "Consumer price index (CPI)",
        "tile.iip": "Industrial production (IIP)",
        "tile.retail": "Retail sales of goods and services",
        "tile.exports": "Merchandise exports",
        "tile.imports": "Merchandise imports",
        "tile.trade_balance": "Merchandise trade balance",
        "tile.fdi": "FDI registered (year to date)",
        "tile.trade_balance.derived_short": "= exports − imports of the month",
        "tile.trade_balance.derived": (
            "Exports less imports of the same month, from the same GSO monthly report"
        ),
        "explore.title": "Explore indicators",
        "explore.search": "Search indicators (name or code, with or without diacritics)",
        "explore.search_placeholder": "e.g. consumer price, exports, GDP",
        "explore.field": "Field (Decision 293/QĐ-TTg)",
        "explore.field_all": "All fields",
        "explore.field_note": (
            "Indicators are filed under the 9 fields by the Cockpit; "
            "not yet checked against the appendix of Decision 293/QĐ-TTg."
        ),
        "explore.results": {
            "count": "n",
            "one": "{n} matching indicator",
            "other": "{n} matching indicators",
        },
        "explore.indicators": "Indicators on the chart (up to 6)",
        "explore.pick_prompt": "Pick one or more indicators to draw a chart.",
        "explore.indicators_placeholder": "Type a name or code to add an indicator",
        "explore.transform": "Transformation",
        "explore.frequency": "Frequency",
        "explore.frequency.native": "As published",
        "explore.aggregation": "Aggregation",
        "explore.window": "Moving-average periods",
        "explore.base_period": "Base period (= 100)",
        "explore.start": "From",
        "explore.end": "To",
        "explore.period_help": "As Mar 2024, Q1 2024, 2024, or 2024-03, 2024-Q1",
        "explore.compare": "Compare",
        "explore.compare.own": "Own axis each",
        "explore.compare.rebased": "Rebased to 100",
        "explore.applied": "Applied: {steps}",
        "explore.table": "Data table",
        "explore.download_csv": "Download CSV",
        "explore.download_xlsx": "Download Excel",
        "explore.meta.source": "Source",
        "explore.meta.unit": "Unit",
        "explore.meta.updated": "Updated",
        "explore.meta.status": "Status of the latest value",
        "explore.meta.agency": "Responsible agency",
        "explore.meta.coverage": "Coverage",
        "explore.no_data_in_range": "{name}: no data in the chosen date range.",
        "explore.column.period": "Period",
        "explore.column.code": "Code",
        "explore.column.name": "Indicator",
        "explore.column.unit": "Unit",
        "explore.column.value": "Value",
        "explore.column.status": "Status",
        "explore.column.source": "Source",
        "explore.column.transform": "Transformation",
        "status.estimate": "estimate",
        "status.preliminary": "preliminary",
        "status.official": "official",
        "status.revised": "revised",
        "transform.level": "Level (as published)",
        "transform.change": "Change on previous period",
        "transform.pct_change": "% on previous period",
        "transform.yoy_pct": "% on same period last year",
        "transform.yoy_change": "Change on same period last year",
        "transform.ytd": "Year-to-date cumulative",
        "transform.ytd_yoy_pct": "Year to date, % on same period last year",
        "transform.moving_average": "Moving average",
        "transform.rebase": "Index (base period = 100)",
        "transform.log": "Natural log",
        "aggregation.mean": "Average",
        "aggregation.sum": "Sum",
        "aggregation.last": "End of period",
        "frequency.M": "Monthly",
        "frequency.Q": "Quarterly",
        "frequency.Y": "Annual",
        "frequency.A": "Annual",
        "step.aggregate": "aggregated to {freq} ({how})",
        "step.transform": "{transform}",
        "step.window": {
            "count": "window",
            "one": "{transform} ({window} period)",
            "other": "{transform} ({window} periods)",
        },
        "step.rebase": "{transform}, base {base}",
        "error.heading": "Could not do that",
        "error.unknown_indicator": "There is no indicator with code {code}. It was left out.",
        "error.too_many_indicators": {
            "count": "limit",
            "one": "At most {limit} indicator can be compared; kept the first {limit}.",
            "other": "At most {limit} indicators can be compared; kept the first {limit}.",
        },
        "error.unknown_option": "{value} is not a valid {name}; the default was used.",
        "error.range_reversed": "Start {start} is after end {end}; the date range was dropped.",
        "error.generic": "Something went wrong while handling the request: {detail}",
        "error.frequency_unknown": "Frequency {freq} is not one of M (month), Q (quarter), Y (year)",
        "error.period_unrecognised": "Period {period} is not a month (Mar 2024, 2024-03), a quarter (Q1 2024, 2024-Q1) or a year (2024)",
        "error.period_invalid": "Period {period} is not a valid month",
        "error.period_invalid_quarter": "Period {period} is not a valid quarter (Q1 to Q4)",
        "error.period_not_month": "Period {period} is not a month (like Mar 2024 or 2024-03)",
        "error.period_not_quarter": "Period {period} is not a quarter (like Q1 2024 or 2024-Q1)",
        "error.period_not_year": "Period {period} is not a year (like 2024)",
        "error.reporting_kind_unknown": "Reporting window {kind} is not one of period, year_to_date",
        "error.half_year_invalid": "Half year {half} is not 1 or 2",
        "error.aggregation_unknown": "Aggregation {how} is not one of {known}",
        "error.aggregate_up": "Cannot aggregate from frequency {from_freq} to the higher frequency {to_freq}; aggregation only goes to a lower frequency",
        "error.transform_unknown": "Transformation {transform} is not one of {known}",
        "error.transform_parameter_unknown": "Transformation {transform} has no parameter {parameter}",
        "error.transform_needs_year": {
            "count": "n",
            "one": "a change on the same period last year needs more than a year of data; {code} has {n} period",
            "other": "a change on the same period last year needs more than a year of data; {code} has {n} periods",
        },
        "error.window_invalid": "Moving-average window {window} is not a whole number of periods of at least 1",
        "error.series_empty": "{code} has no observations",
        "error.rebase_base_missing": "{code} has no value at the base period {period}; choose a period that has data",
        "error.rebase_base_zero": "{code} is 0 at the base period {period}, so it cannot be an index base",
        "error.log_nonpositive": "The logarithm of {code} needs values above 0, but it is {value} at {period}",
        "error.number_unparseable": "{text} is not a number written like 6.5 or 3,900",
        "error.period_in_future": "The period {period} has not begun on {vintage}, the date the value became known; a future period cannot be submitted",
        "error.period_not_ended": "The period {period} has not ended on {vintage}, the date the value became known; before it ends only an estimate can be submitted",
        "supply.unusual": "The value {value} is far from the indicator's {count} values nearest this period (median {median}; values in line with them lie between {low} and {high}). Nothing was recorded: check the separators and the number of digits, or tick the confirmation and submit again.",
        "supply.confirm_unusual": "I confirm that {value} is right for {code} in {period}",
        "error.number_ambiguous": "{text} could be {decimal} or {thousands}; type the one you mean as it is written here",
        "error.target_unparseable": "Plan target {text} is not understood; write it like 'Khoảng 6,5', '6-6,5', 'Trên 90', 'Dưới 4' or 'Từ 10 trở lên'",
        "error.target_value_missing": "There is no value to compare with the target {target}",
        "error.language_unknown": "Language {lang} is not one of vi, en",
    },
}


for _part in (
    accounts_text.TEXT,
    briefing_text.TEXT,
    export_text.TEXT,
    fields_text.TEXT,
    forecast_text.TEXT,
    hardening_text.TEXT,
    intake_text.TEXT,
    kinds_text.TEXT,
    outlook_text.TEXT,
    units_text.TEXT,
    vintages_text.TEXT,
):
    for _lang in LANGUAGES:
        TEXT[_lang].update(_part[_lang])


def plural_categories(lang: str) -> set[str]:
    """The CLDR plural categories a plural entry needs in ``lang``: ``{"one", "other"}`` in
    English, ``{"other"}`` in Vietnamese."""
    return set(locale_of(lang).plural_form.tags) | {"other"}


def _form(entry: Message, lang: str, params: dict[str, Any]) -> str:
    """The text of ``entry`` for the counts in ``params``, whose counts it writes for ``lang``."""
    rule_lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    while isinstance(entry, dict):
        name = entry[PLURAL_COUNT]
        count = params.get(name)
        category = "other"
        if isinstance(count, Integral) and not isinstance(count, bool):
            category = locale_of(rule_lang).plural_form(count)
            params[name] = format_number(count, rule_lang, 0)
        entry = entry.get(category, entry["other"])
    return entry


def translate(key: str, lang: str, **params: Any) -> str:
    """The text of ``key`` in ``lang``, with ``params`` filled in; falls back to Vietnamese.

    For a plural entry the form is the one of the count's CLDR plural category in ``lang``, and
    the count is written with the separators of ``lang``.
    """
    entry = TEXT.get(lang, {}).get(key) or TEXT[DEFAULT_LANGUAGE].get(key) or key
    template = _form(entry, lang, params)
    return template.format(**params) if params else template


def has_text(key: str) -> bool:
    """Whether the translation table has ``key``."""
    return key in TEXT[DEFAULT_LANGUAGE]


def unit_text(unit: str, lang: str) -> str:
    """A unit in ``lang``; units without a translation are shown as published."""
    return TEXT.get(lang, {}).get(f"unit.{unit}", unit)


def written_float(value: float, lang: str) -> str:
    """A number an error quotes, with the separators of ``lang`` and the decimals it has (at most
    six): 3.6 is "3,6" in Vietnamese, 25950.0 is "25.950"."""
    decimals = 0
    if math.isfinite(value):
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
        decimals = min(6, max(0, -exponent)) if isinstance(exponent, int) else 0
    return format_number(value, lang, decimals)
