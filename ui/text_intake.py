"""Translations of the monthly intake: templates, uploads, GSO workbook imports, the staged
preview and the supply monitor; merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "page.gso_import": "Nhập biểu GSO",
        "page.monitor": "Tình hình cung cấp",
        "action.intake.upload": "nộp biểu số liệu",
        "action.intake.gso_import": "nhập biểu số liệu của GSO",
        "action.intake.confirm": "xác nhận bản nộp",
        "action.intake.reject": "từ chối bản nộp",
        "action.monitor.read": "xem tình hình cung cấp",
        "audit.action.intake.upload": "Nộp biểu số liệu",
        "audit.action.intake.gso_import": "Nhập biểu GSO",
        "audit.action.intake.confirm": "Xác nhận bản nộp",
        "audit.action.intake.reject": "Từ chối bản nộp",
        "action.obligation.change": "sửa nghĩa vụ báo cáo",
        "audit.action.obligation.change": "Sửa nghĩa vụ báo cáo",
        "obligation.title": "Nghĩa vụ báo cáo",
        "obligation.intro": (
            "Cơ quan nào báo cáo chỉ tiêu nào, cho địa bàn nào, theo chế độ nào. Khởi tạo từ cơ "
            "quan chịu trách nhiệm trong danh mục và các chuỗi theo tỉnh; kết thúc một nghĩa vụ "
            "không xóa nó."
        ),
        "obligation.agency": "Cơ quan",
        "obligation.indicator": "Chỉ tiêu",
        "obligation.geography": "Địa bàn",
        "obligation.regime": "Chế độ",
        "obligation.valid_from": "Từ ngày",
        "obligation.valid_to": "Đến ngày",
        "obligation.add": "Giao nghĩa vụ",
        "obligation.end": "Kết thúc nghĩa vụ",
        "obligation.end_pick": "Nghĩa vụ",
        "obligation.end_day": "Ngày cuối",
        "obligation.added": "Đã giao {code} ({geography}) cho {agency}.",
        "obligation.ended": "Đã kết thúc nghĩa vụ từ ngày {day}.",
        "regime.statistical": "Báo cáo thống kê (GSO)",
        "regime.decree_09": "Báo cáo định kỳ (Nghị định 09)",
        "api.deadline.statistical": (
            "Tổng cục Thống kê công bố vào ngày 6 tháng sau kỳ (trước tháng 3/2025: ngày 29 của "
            "tháng báo cáo)"
        ),
        "api.deadline.decree_09": (
            "Gửi Chính phủ chậm nhất ngày 25 tháng cuối kỳ (kỳ từ ngày 15 tháng trước đến ngày 14); "
            "gặp ngày nghỉ thì lùi sang ngày làm việc kế tiếp"
        ),
        "error.obligation_exists": "{agency} đã báo cáo {code} cho {geography} từ trước.",
        "error.obligation_unknown": "Không có nghĩa vụ số {id}.",
        "error.unknown_regime": "{regime} không phải là một chế độ báo cáo.",
        "error.obligation_end_before_start": "Ngày cuối {day} trước ngày bắt đầu {start}.",
        "intake.template_title": "Nộp theo biểu mẫu",
        "intake.template_intro": (
            "Tải biểu mẫu của {agency} cho một kỳ, điền cột value (giá trị), rồi tải lên. Hệ thống "
            "kiểm tra từng dòng và cho xem trước; chưa có gì được ghi cho đến khi bạn xác nhận."
        ),
        "intake.template_period": "Kỳ của biểu mẫu",
        "intake.template_xlsx": "Tải biểu mẫu Excel",
        "intake.template_csv": "Tải biểu mẫu CSV",
        "intake.template_guide": "Hướng dẫn",
        "intake.guide.1": "Mỗi dòng là một chỉ tiêu {agency} phải báo cáo cho kỳ {period}.",
        "intake.guide.2": (
            "Điền giá trị vào cột value theo đơn vị ở cột unit; viết số như 1.234,5 hoặc 1,234.5."
        ),
        "intake.guide.3": (
            "Cột status: estimate (ước tính), preliminary (sơ bộ), official (chính thức), "
            "revised (điều chỉnh). Để trống là sơ bộ."
        ),
        "intake.guide.4": (
            "Không dùng công thức, không gộp ô, không đổi tên cột; các cột last_period và "
            "last_value chỉ để tham khảo."
        ),
        "intake.upload": "Tải lên biểu đã điền (CSV, XLSX)",
        "intake.check": "Kiểm tra",
        "intake.staged": "Đã kiểm tra {file}: chưa ghi số liệu nào. Xem trước rồi xác nhận.",
        "intake.already": (
            "Tệp này đã được nộp trước đây (bản nộp số {id}); không có gì được thêm lần nữa."
        ),
        "intake.preview": "Xem trước bản nộp số {id}: {file}",
        "intake.state.staged": "Chờ xác nhận",
        "intake.state.confirmed": "Đã xác nhận",
        "intake.state.rejected": "Đã từ chối",
        "intake.outcome.valid": "Hợp lệ",
        "intake.outcome.warning": "Cần xác nhận",
        "intake.outcome.unchanged": "Không đổi",
        "intake.outcome.empty": "Bỏ trống",
        "intake.outcome.error": "Lỗi",
        "intake.counts": (
            "{valid} hợp lệ · {warning} cần xác nhận · {unchanged} không đổi · {error} lỗi · "
            "{empty} bỏ trống"
        ),
        "intake.only_problems": "Chỉ hiện các dòng có vấn đề",
        "intake.col.row": "Dòng",
        "intake.col.indicator": "Chỉ tiêu",
        "intake.col.geography": "Địa bàn",
        "intake.col.period": "Kỳ",
        "intake.col.value": "Giá trị",
        "intake.col.status": "Tình trạng",
        "intake.col.outcome": "Kết quả kiểm tra",
        "intake.col.reasons": "Lý do",
        "intake.col.cell": "Ô",
        "intake.accept_warnings": "Tôi đã xem các giá trị cần xác nhận và chúng đúng; ghi cả chúng",
        "intake.confirm": "Xác nhận và ghi",
        "intake.reject": "Từ chối bản nộp",
        "intake.reject_reason": "Lý do từ chối",
        "intake.confirmed": {
            "count": "n",
            "other": "Đã ghi {n} giá trị, ngày cập nhật {date}. Số liệu cũ vẫn được giữ.",
        },
        "intake.rejected": "Đã từ chối bản nộp; không có gì được ghi.",
        "intake.decided": "Bản nộp này đã được {state}; không thể xác nhận lại.",
        "intake.history": "Các bản nộp gần đây",
        "intake.col.id": "Số",
        "intake.col.file": "Tệp",
        "intake.col.created": "Nộp lúc",
        "intake.col.by": "Người nộp",
        "intake.col.state": "Trạng thái",
        "intake.col.written": "Số giá trị đã ghi",
        "intake.row_unchanged": "Giá trị này đã có; không thêm gì.",
        "intake.row_unusual": (
            "Khác xa {count} giá trị gần kỳ này nhất (trung vị {median}; thường trong khoảng "
            "{low} đến {high}); cần xác nhận."
        ),
        "intake.not_recognised": "Những phần của tệp không được nhận dạng",
        "gso.title": "Nhập biểu số liệu hằng tháng của GSO",
        "gso.intro": (
            'Tải lên tệp "Biểu số liệu" GSO đính kèm thông cáo báo chí hằng tháng (.xls, .xlsx). '
            "Các biểu được nhận dạng theo tiêu đề; tháng báo cáo lấy từ tiêu đề; ước tính của "
            "tháng và số sơ bộ của tháng trước được ghi thành các phiên bản (vintage) riêng."
        ),
        "gso.file": "Tệp biểu số liệu",
        "gso.release_date": "Ngày GSO công bố",
        "gso.release_help": (
            "Ngày số liệu được công bố: là phiên bản (vintage) của các giá trị. Mặc định lấy từ "
            "ngày ở đầu tên tệp của GSO."
        ),
        "gso.report_month": "Tháng báo cáo (theo tiêu đề các biểu): {period}",
        "error.upload_too_large": "Tệp {name} lớn hơn giới hạn {limit} MB.",
        "error.upload_format": "Tệp {name} không phải là CSV hoặc Excel (.xlsx, .xls).",
        "error.upload_encoding": (
            "Tệp {name} không phải văn bản UTF-8 (ký tự thứ {position}); hãy lưu lại dạng "
            '"CSV UTF-8".'
        ),
        "error.upload_no_header": (
            "Không trang nào có dòng tiêu đề của biểu mẫu (cần các cột {columns})."
        ),
        "error.upload_missing_columns": "Dòng tiêu đề thiếu các cột {columns}.",
        "error.upload_too_many_rows": "Tệp có {count} dòng; mỗi lần chỉ đọc tối đa {limit} dòng.",
        "error.upload_columns_swapped": (
            "Cột period (kỳ) chứa số còn cột value (giá trị) chứa kỳ: có vẻ hai cột bị đổi chỗ."
        ),
        "error.row_formula_cell": "Ô {cell} chứa công thức; hãy nhập chính giá trị.",
        "error.row_merged_cell": "Ô thuộc vùng gộp {cells}; hãy bỏ gộp ô.",
        "error.row_unknown_code": "Không có chỉ tiêu mã {code} trong danh mục.",
        "error.row_not_own_indicator": "Chỉ tiêu {code} không do cơ quan của bạn phụ trách.",
        "error.row_not_owed": "Cơ quan của bạn không báo cáo chỉ tiêu {code} cho địa bàn {geography}.",
        "error.row_unknown_geography": "Không có địa bàn mã {code}.",
        "error.row_future_period": "Kỳ {period} chưa bắt đầu vào ngày {day}; không nộp trước được.",
        "error.row_period_not_ended": (
            "Kỳ {period} chưa kết thúc; trước khi hết kỳ chỉ được nộp số ước tính."
        ),
        "error.row_unit_mismatch": "Đơn vị {unit} khác đơn vị của chỉ tiêu ({expected}).",
        "error.row_duplicate": "Chỉ tiêu {code} kỳ {period} đã có ở dòng {row} của tệp.",
        "error.unknown_submission": "Không có bản nộp số {id}.",
        "error.release_date_future": "Ngày công bố {day} ở tương lai.",
        "supply.owed_title": "Các chuỗi số liệu phải báo cáo",
        "supply.owed": {
            "count": "n",
            "other": "{agency} báo cáo {n} chuỗi số liệu của địa bàn mình; nộp bằng biểu mẫu ở trên.",
        },
        "monitor.title": "Tình hình cung cấp số liệu",
        "monitor.none": "Chưa có nghĩa vụ báo cáo nào.",
        "monitor.count_label": "Số chỉ tiêu hằng tháng đã cung cấp",
        "monitor.count": "{n} trên {m} chỉ tiêu đã có số liệu kỳ {period}",
        "monitor.overdue": "Quá hạn, chưa cung cấp (cho phiên họp tới)",
        "monitor.no_overdue": "Không có kỳ nào quá hạn.",
        "monitor.download": "Tải danh sách quá hạn (CSV)",
        "monitor.timeliness": "Mức độ đúng hạn của từng cơ quan (6 kỳ gần nhất)",
        "monitor.grid": "Từng chỉ tiêu, từng kỳ",
        "monitor.over_time": "Tỷ lệ đúng hạn của từng cơ quan qua các kỳ",
        "monitor.col.agency": "Cơ quan",
        "monitor.col.indicator": "Chỉ tiêu",
        "monitor.col.period": "Kỳ",
        "monitor.col.due": "Hạn",
        "monitor.col.share": "Tỷ lệ đúng hạn",
        "monitor.state.on_time": "Đúng hạn",
        "monitor.state.late": "Muộn",
        "monitor.state.missing": "Chưa có",
        "monitor.state.revised": "Đã điều chỉnh",
        "monitor.state.not_due": "Chưa đến hạn",
        "monitor.rules": "Cách tính kỳ và hạn báo cáo",
        "calendar.rule.gso_sixth": (
            "Báo cáo thống kê của GSO (tháng, quý): hạn là ngày 6 của tháng sau kỳ (Nghị định "
            "62/2024)."
        ),
        "calendar.rule.gso_29th": (
            "Trước đó GSO công bố ngày 29 của chính tháng báo cáo (tháng 2: ngày cuối tháng)."
        ),
        "calendar.rule.gso_switch": (
            "Quy tắc ngày 6 được áp dụng từ kỳ tháng 3/2025 (theo ngày công bố các biểu của GSO "
            "Cockpit có; thời điểm chính thức chưa được xác nhận)."
        ),
        "calendar.rule.decree09_window": (
            "Báo cáo định kỳ theo Nghị định 09: kỳ tháng tính từ ngày 15 tháng trước đến ngày 14."
        ),
        "calendar.rule.decree09_25th": (
            "Hạn gửi Chính phủ chậm nhất ngày 25 của tháng cuối kỳ (ngày 20 hay 25 chưa được "
            "xác nhận trên văn bản gốc)."
        ),
        "calendar.rule.holidays": (
            "Hạn rơi vào thứ Bảy, Chủ nhật hoặc ngày lễ, Tết thì chuyển sang ngày làm việc kế tiếp."
        ),
    },
    "en": {
        "page.gso_import": "GSO workbook import",
        "page.monitor": "Data supply monitor",
        "action.intake.upload": "upload a data template",
        "action.intake.gso_import": "import GSO's workbook",
        "action.intake.confirm": "confirm a submission",
        "action.intake.reject": "reject a submission",
        "action.monitor.read": "see the supply monitor",
        "audit.action.intake.upload": "Template uploaded",
        "audit.action.intake.gso_import": "GSO workbook imported",
        "audit.action.intake.confirm": "Submission confirmed",
        "audit.action.intake.reject": "Submission rejected",
        "action.obligation.change": "change reporting obligations",
        "audit.action.obligation.change": "Reporting obligation changed",
        "obligation.title": "Reporting obligations",
        "obligation.intro": (
            "Which agency reports which indicator, for which geography, under which regime. "
            "Seeded from the catalogue's responsible agencies and the by-province series; ending "
            "an obligation keeps it on record."
        ),
        "obligation.agency": "Agency",
        "obligation.indicator": "Indicator",
        "obligation.geography": "Geography",
        "obligation.regime": "Regime",
        "obligation.valid_from": "From",
        "obligation.valid_to": "To",
        "obligation.add": "Assign the obligation",
        "obligation.end": "End an obligation",
        "obligation.end_pick": "Obligation",
        "obligation.end_day": "Last day",
        "obligation.added": "{agency} now reports {code} ({geography}).",
        "obligation.ended": "The obligation ends on {day}.",
        "regime.statistical": "Statistical report (GSO)",
        "regime.decree_09": "Periodic report (Decree 09)",
        "api.deadline.statistical": (
            "The statistics office releases on the 6th of the month after the period (before "
            "March 2025: on the 29th of the period's month)"
        ),
        "api.deadline.decree_09": (
            "Sent to the Government by the 25th of the period's last month (periods from the 15th "
            "to the 14th); a day off moves it to the next working day"
        ),
        "error.obligation_exists": "{agency} already reports {code} for {geography}.",
        "error.obligation_unknown": "There is no obligation {id}.",
        "error.unknown_regime": "{regime} is not a reporting regime.",
        "error.obligation_end_before_start": "The last day {day} is before the start {start}.",
        "intake.template_title": "Submit with a template",
        "intake.template_intro": (
            "Download {agency}'s template for a period, fill in the value column and upload it. "
            "Every row is checked and shown to you first; nothing is written until you confirm."
        ),
        "intake.template_period": "Template period",
        "intake.template_xlsx": "Download the Excel template",
        "intake.template_csv": "Download the CSV template",
        "intake.template_guide": "Instructions",
        "intake.guide.1": "Each row is an indicator {agency} reports for {period}.",
        "intake.guide.2": (
            "Fill the value column in the unit of the unit column; write numbers like 1,234.5 or "
            "1.234,5."
        ),
        "intake.guide.3": (
            "Status column: estimate, preliminary, official or revised. Left empty, it is "
            "preliminary."
        ),
        "intake.guide.4": (
            "No formulas, no merged cells, do not rename columns; last_period and last_value are "
            "for reference only."
        ),
        "intake.upload": "Upload the filled template (CSV, XLSX)",
        "intake.check": "Check",
        "intake.staged": "Checked {file}: nothing is written yet. Review it, then confirm.",
        "intake.already": (
            "This file was submitted before (submission {id}); nothing is added a second time."
        ),
        "intake.preview": "Preview of submission {id}: {file}",
        "intake.state.staged": "Awaiting confirmation",
        "intake.state.confirmed": "Confirmed",
        "intake.state.rejected": "Rejected",
        "intake.outcome.valid": "Valid",
        "intake.outcome.warning": "Needs confirmation",
        "intake.outcome.unchanged": "Unchanged",
        "intake.outcome.empty": "Left blank",
        "intake.outcome.error": "Error",
        "intake.counts": (
            "{valid} valid · {warning} to confirm · {unchanged} unchanged · {error} errors · "
            "{empty} blank"
        ),
        "intake.only_problems": "Show only rows with a problem",
        "intake.col.row": "Row",
        "intake.col.indicator": "Indicator",
        "intake.col.geography": "Geography",
        "intake.col.period": "Period",
        "intake.col.value": "Value",
        "intake.col.status": "Status",
        "intake.col.outcome": "Check",
        "intake.col.reasons": "Reason",
        "intake.col.cell": "Cell",
        "intake.accept_warnings": "I have reviewed the values to confirm and they are right; write them too",
        "intake.confirm": "Confirm and write",
        "intake.reject": "Reject the submission",
        "intake.reject_reason": "Reason for rejecting",
        "intake.confirmed": {
            "count": "n",
            "one": "Wrote {n} value, dated {date}. Earlier figures are kept.",
            "other": "Wrote {n} values, dated {date}. Earlier figures are kept.",
        },
        "intake.rejected": "Submission rejected; nothing was written.",
        "intake.decided": "This submission is already {state}; it cannot be confirmed again.",
        "intake.history": "Recent submissions",
        "intake.col.id": "No.",
        "intake.col.file": "File",
        "intake.col.created": "Submitted",
        "intake.col.by": "By",
        "intake.col.state": "State",
        "intake.col.written": "Values written",
        "intake.row_unchanged": "This value is already known; nothing is added.",
        "intake.row_unusual": (
            "Far from the {count} values nearest this period (median {median}; usually {low} to "
            "{high}); needs confirmation."
        ),
        "intake.not_recognised": "Parts of the file that were not recognised",
        "gso.title": "Import GSO's monthly workbook",
        "gso.intro": (
            'Upload the "Biểu số liệu" workbook GSO attaches to its monthly press release (.xls, '
            ".xlsx). Tables are recognised by their titles and the report month read from them; "
            "the month's estimate and the previous month's restated figure become separate "
            "vintages."
        ),
        "gso.file": "Workbook",
        "gso.release_date": "GSO release date",
        "gso.release_help": (
            "The day the figures were released: their vintage. By default the date at the front "
            "of GSO's file name."
        ),
        "gso.report_month": "Report month (from the tables' titles): {period}",
        "error.upload_too_large": "{name} is larger than the {limit} MB limit.",
        "error.upload_format": "{name} is not a CSV or Excel file (.xlsx, .xls).",
        "error.upload_encoding": (
            '{name} is not UTF-8 text (character {position}); save it as "CSV UTF-8".'
        ),
        "error.upload_no_header": "No sheet has the template's header row (it needs {columns}).",
        "error.upload_missing_columns": "The header row lacks the columns {columns}.",
        "error.upload_too_many_rows": "The file has {count} rows; at most {limit} are read at once.",
        "error.upload_columns_swapped": (
            "The period column holds numbers and the value column holds periods: the two columns "
            "seem swapped."
        ),
        "error.row_formula_cell": "Cell {cell} holds a formula; type the value itself.",
        "error.row_merged_cell": "The cell is part of the merged range {cells}; unmerge it.",
        "error.row_unknown_code": "There is no indicator with code {code} in the catalogue.",
        "error.row_not_own_indicator": "Indicator {code} is not your agency's.",
        "error.row_not_owed": "Your agency does not report {code} for geography {geography}.",
        "error.row_unknown_geography": "There is no geography with code {code}.",
        "error.row_future_period": (
            "The period {period} has not begun on {day}; it cannot be submitted in advance."
        ),
        "error.row_period_not_ended": (
            "The period {period} has not ended; before it ends only an estimate can be submitted."
        ),
        "error.row_unit_mismatch": "The unit {unit} is not the indicator's unit ({expected}).",
        "error.row_duplicate": "Indicator {code} for {period} is already on row {row} of the file.",
        "error.unknown_submission": "There is no submission {id}.",
        "error.release_date_future": "The release date {day} is in the future.",
        "supply.owed_title": "Series to report",
        "supply.owed": {
            "count": "n",
            "one": "{agency} reports {n} series of its own geography; submit it with the template above.",
            "other": "{agency} reports {n} series of its own geography; submit them with the template above.",
        },
        "monitor.title": "Data supply monitor",
        "monitor.none": "There are no reporting obligations yet.",
        "monitor.count_label": "Monthly indicators supplied",
        "monitor.count": "{n} of {m} indicators supplied for {period}",
        "monitor.overdue": "Overdue, not supplied (for the next meeting)",
        "monitor.no_overdue": "Nothing is overdue.",
        "monitor.download": "Download the overdue list (CSV)",
        "monitor.timeliness": "Each agency's timeliness (last 6 periods)",
        "monitor.grid": "Each indicator, each period",
        "monitor.over_time": "Each agency's share on time, period by period",
        "monitor.col.agency": "Agency",
        "monitor.col.indicator": "Indicator",
        "monitor.col.period": "Period",
        "monitor.col.due": "Due",
        "monitor.col.share": "Share on time",
        "monitor.state.on_time": "On time",
        "monitor.state.late": "Late",
        "monitor.state.missing": "Missing",
        "monitor.state.revised": "Revised",
        "monitor.state.not_due": "Not due yet",
        "monitor.rules": "How periods and deadlines are set",
        "calendar.rule.gso_sixth": (
            "GSO statistical reports (month, quarter): due on the 6th of the month after the "
            "period (Decree 62/2024)."
        ),
        "calendar.rule.gso_29th": (
            "Before that GSO released on the 29th of the report month itself (February: its last "
            "day)."
        ),
        "calendar.rule.gso_switch": (
            "The rule of the 6th is applied from the March 2025 report (read from the release "
            "dates of the GSO workbooks the Cockpit holds; the official start is not confirmed)."
        ),
        "calendar.rule.decree09_window": (
            "Decree 09 periodic reports: a month runs from the 15th of the previous month to the "
            "14th."
        ),
        "calendar.rule.decree09_25th": (
            "Sent to the Government no later than the 25th of the period's last month (whether "
            "the 20th or the 25th is not confirmed against the original text)."
        ),
        "calendar.rule.holidays": (
            "A deadline on a Saturday, Sunday or public holiday (Tết included) moves to the next "
            "working day."
        ),
    },
}
