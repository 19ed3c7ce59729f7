"""Translations of Explore's "as known on" view and revision history; merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "explore.asof": "Số liệu như đã biết vào ngày",
        "explore.asof_help": (
            "Vẽ lại mọi chuỗi bằng những giá trị đã được công bố đến ngày này, như một cuộc họp "
            "khi đó đã thấy. Để trống: số mới nhất."
        ),
        "explore.asof_shown": (
            "Đang hiển thị số liệu **như đã biết vào ngày {date}**, không phải số mới nhất."
        ),
        "error.asof_invalid": "Ngày {value} trong đường dẫn không đúng dạng năm-tháng-ngày.",
        "error.asof_future": "Ngày {value} trong đường dẫn ở tương lai; đã dùng số mới nhất.",
        "error.asof_too_early": (
            "Ngày {value} trong đường dẫn trước {first}, khi Cockpit chưa có số liệu nào; đã dùng "
            "số mới nhất."
        ),
        "explore.asof_nothing": (
            "Vào ngày {date} chưa có số liệu nào của các chỉ tiêu đã chọn được công bố."
        ),
        "revisions.title": "Lịch sử công bố và điều chỉnh",
        "revisions.indicator": "Chỉ tiêu",
        "revisions.count": {
            "count": "n",
            "other": "{code}: {n} trong {total} kỳ đã được điều chỉnh sau lần công bố đầu.",
        },
        "revisions.revised_only": "Chỉ các kỳ đã điều chỉnh",
        "revisions.none": "Không kỳ nào được điều chỉnh sau lần công bố đầu.",
        "revisions.chart.first": "Lần công bố đầu",
        "revisions.chart.latest": "Số mới nhất",
        "revisions.chart.period": "Kỳ",
        "revisions.chart.release": "Lần công bố",
        "revisions.chart.vintage": "Ngày công bố",
        "revisions.column.period": "Kỳ",
        "revisions.column.first": "Công bố đầu",
        "revisions.column.first_date": "Ngày công bố đầu",
        "revisions.column.revisions": "Các lần điều chỉnh (ngày: giá trị)",
        "revisions.column.latest": "Số mới nhất",
        "revisions.column.latest_date": "Ngày của số mới nhất",
        "revisions.column.total": "Chênh lệch (mới nhất − đầu)",
    },
    "en": {
        "explore.asof": "As known on",
        "explore.asof_help": (
            "Redraw every series with the values published up to this day, as a meeting then "
            "saw them. Empty: the latest."
        ),
        "explore.asof_shown": "Showing the figures **as known on {date}**, not the latest.",
        "error.asof_invalid": "The day {value} in the link is not a year-month-day date.",
        "error.asof_future": "The day {value} in the link is in the future; the latest is shown.",
        "error.asof_too_early": (
            "The day {value} in the link is before {first}, earlier than any figure the Cockpit "
            "holds; the latest is shown."
        ),
        "explore.asof_nothing": "No figure of the chosen indicators had been published by {date}.",
        "revisions.title": "Release and revision history",
        "revisions.indicator": "Indicator",
        "revisions.count": {
            "count": "n",
            "one": "{code}: {n} of {total} periods was revised after its first release.",
            "other": "{code}: {n} of {total} periods were revised after their first release.",
        },
        "revisions.revised_only": "Revised periods only",
        "revisions.none": "No period was revised after its first release.",
        "revisions.chart.first": "First release",
        "revisions.chart.latest": "Latest",
        "revisions.chart.period": "Period",
        "revisions.chart.release": "Release",
        "revisions.chart.vintage": "Released on",
        "revisions.column.period": "Period",
        "revisions.column.first": "First release",
        "revisions.column.first_date": "First released on",
        "revisions.column.revisions": "Revisions (date: value)",
        "revisions.column.latest": "Latest",
        "revisions.column.latest_date": "Latest released on",
        "revisions.column.total": "Revision (latest − first)",
    },
}
