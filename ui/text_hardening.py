"""Translations of the messages that keep bad input at the edge: values outside what the data
model holds, and the short notice shown in place of an unexpected error. Merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "error.period_out_of_range": (
            "Kỳ {period} nằm ngoài khoảng năm {first}–{last} mà Cockpit lưu trữ."
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
        "error.unexpected": (
            "Something unexpected went wrong and this part of the page could not be shown. "
            "Please give the administrator the error id {id}."
        ),
    },
}
