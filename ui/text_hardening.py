"""Translations of the messages that keep bad input at the edge: values outside what the data
model holds, and the short notice shown in place of an unexpected error. Merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "error.workbook_macros": "Tệp {name} có thể chứa macro nên không được nhận.",
        "error.workbook_format": "Tệp {name} không phải là bảng tính .xls hoặc .xlsx.",
        "error.workbook_too_large": "Tệp {name} lớn hơn giới hạn {limit} MB.",
        "error.workbook_bomb": "Tệp {name} khi giải nén sẽ vượt quá {limit} MB nên không được nhận.",
        "error.workbook_unreadable": "Không đọc được tệp {name}: tệp hỏng hoặc không đúng định dạng.",
        "error.release_date_needed": "Tệp {name} không cho biết ngày công bố; hãy nhập ngày công bố.",
        "error.release_date_invalid": "{value} không phải là một ngày (năm-tháng-ngày).",
        "error.period_out_of_range": (
            "Kỳ {period} nằm ngoài khoảng năm {first}–{last} mà Cockpit lưu trữ."
        ),
        "error.period_has_value": (
            "{code} đã có giá trị {value} cho kỳ này (biết đến ngày {vintage}). Giá trị thứ hai "
            "cho cùng kỳ là một điều chỉnh: hãy chọn «Điều chỉnh» và nêu lý do."
        ),
        "error.nul_character": (
            "Văn bản có ký tự NUL (\\x00), không phải văn bản hợp lệ; hãy gõ lại hoặc dán lại "
            "mà không có ký tự đó."
        ),
        "error.unexpected": (
            "Đã xảy ra lỗi ngoài dự kiến; trang không hiển thị được phần này. Hãy báo cho quản "
            "trị viên mã lỗi {id}."
        ),
    },
    "en": {
        "error.workbook_macros": "File {name} may hold macros and is refused.",
        "error.workbook_format": "File {name} is not an .xls or .xlsx workbook.",
        "error.workbook_too_large": "File {name} is larger than the {limit} MB limit.",
        "error.workbook_bomb": "File {name} would unpack to more than {limit} MB and is refused.",
        "error.workbook_unreadable": "File {name} cannot be read: it is damaged or not a workbook.",
        "error.release_date_needed": "File {name} does not say when it was released; give the date.",
        "error.release_date_invalid": "{value} is not a date (year-month-day).",
        "error.period_out_of_range": (
            "Period {period} is outside the years {first}–{last} that the Cockpit holds."
        ),
        "error.period_has_value": (
            "{code} already has the value {value} for this period (known on {vintage}). A second "
            "value for the same period is a correction: choose “Correction” and give a reason."
        ),
        "error.nul_character": (
            "The text holds a NUL character (\\x00), which is not text; type or paste it again "
            "without it."
        ),
        "error.unexpected": (
            "Something unexpected went wrong and this part of the page could not be shown. "
            "Please give the administrator the error id {id}."
        ),
    },
}
