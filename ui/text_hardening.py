"""Translations of the messages that keep bad input at the edge: values outside what the data
model holds, and the short notice shown in place of an unexpected error. Merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
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
