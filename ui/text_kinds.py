"""Translations of why an operation makes no sense for an indicator's kind (``analytics.kinds``),
and the kinds' names; merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str | dict]] = {
    "vi": {
        "kind.flow": "Lượng phát sinh trong kỳ",
        "admin.users.column.username": "Tên đăng nhập",
        "admin.users.column.display_name": "Họ tên",
        "admin.users.column.email": "Thư điện tử",
        "admin.users.column.role": "Vai trò",
        "admin.users.column.agency": "Cơ quan",
        "admin.users.column.active": "Đang hoạt động",
        "admin.users.column.created_at": "Tạo lúc",
        "admin.users.column.failed_attempts": "Số lần đăng nhập sai liên tiếp",
        "admin.users.column.locked_until": "Tạm khóa đến",
        "admin.users.yes": "Có",
        "admin.users.no": "Không",
        "audit.action.sign_in": "Đăng nhập (thành công và không thành công)",
        "agency.note.GSO": "Quyết định 384/QĐ-BTC ngày 26/02/2025: Tổng cục Thống kê trở thành Cục Thống kê thuộc Bộ Tài chính (DOMAIN.md §5.1, ĐÃ XÁC NHẬN).",
        "agency.note.MPI": "Sáp nhập vào Bộ Tài chính; Cục Thống kê của Bộ Tài chính đã công bố kết quả năm 2025. Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.note.MONRE": "Hợp nhất với Bộ NN&PTNT thành Bộ Nông nghiệp và Môi trường. Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.note.MARD": "Hợp nhất với Bộ TN&MT thành Bộ Nông nghiệp và Môi trường. Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.note.MOLISA": "Chức năng chuyển sang các Bộ Nội vụ (lao động), Y tế và Giáo dục; Bộ Nội vụ được coi là cơ quan kế thừa. Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.note.MAE": "Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.note.MOHA": "Kế thừa Bộ LĐ-TB&XH. Chưa truy xuất được nghị quyết của Quốc hội về cơ cấu Chính phủ năm 2025 (thường được dẫn là 176/2025/QH15, hiệu lực 1/3/2025); tài liệu miền (DOMAIN.md §5.1) ghi việc này là CHƯA XÁC NHẬN.",
        "agency.evidence.confirmed": "đã xác nhận",
        "agency.evidence.secondary": "nguồn thứ cấp",
        "agency.evidence.unconfirmed": "chưa xác nhận",
        "agency.column.code": "Mã",
        "agency.column.name": "Cơ quan",
        "agency.column.valid_from": "Từ ngày",
        "agency.column.valid_to": "Đến ngày",
        "agency.column.successor": "Cơ quan kế thừa",
        "agency.column.evidence": "Mức xác nhận",
        "agency.column.note": "Căn cứ",
        "agency.title": "Cơ quan sau sắp xếp năm 2025",
        "agency.responsible": "{agency}: {start} – {end}",
        "agency.until_now": "nay",
        "agency.history_title": "Cơ quan chịu trách nhiệm qua thời gian",
        "supply.agency_merged": (
            "Cơ quan của tài khoản này ({agency}) đã được sáp nhập vào {successor} ({evidence}); "
            "các chỉ tiêu của cơ quan đã chuyển sang {successor}. Hãy đề nghị quản trị viên gán "
            "lại tài khoản cho cơ quan kế thừa."
        ),
        "kind.stock": "Số dư tại thời điểm",
        "kind.level": "Mức (giá, tỷ giá…)",
        "kind.index": "Chỉ số",
        "kind.rate": "Tỷ lệ, tốc độ (%)",
        "kind.ytd": "Cộng dồn từ đầu năm",
        "catalogue.kind": "Loại số liệu",
        "catalogue.kind_placeholder": "Theo đơn vị (tự động)",
        "catalogue.kind_help": (
            "Quyết định các cách gộp và biến đổi mà trang Khám phá cho phép, ví dụ không cộng các "
            "tỷ lệ. Để trống: Cockpit xác định theo đơn vị, mã và tên."
        ),
        "error.kind_unknown": "Loại số liệu {kind} không có trong danh sách.",
        "error.kind.flow_last": (
            "{code} là lượng phát sinh trong kỳ: giá trị của tháng cuối không phải là của cả quý "
            "hay cả năm. Đã dùng cách gộp phù hợp."
        ),
        "error.kind.sum_of_stock": (
            "{code} là số dư tại thời điểm: cộng các kỳ lại sẽ tính trùng. Đã dùng cách gộp phù "
            "hợp."
        ),
        "error.kind.sum_of_level": (
            "{code} là một mức (giá, tỷ giá, chỉ số): cộng các kỳ lại không có ý nghĩa. Đã dùng "
            "cách gộp phù hợp."
        ),
        "error.kind.sum_of_rate": (
            "{code} là một tỷ lệ hay tốc độ: cộng các kỳ lại không có ý nghĩa. Đã dùng cách gộp "
            "phù hợp."
        ),
        "error.kind.ytd_not_last": (
            "{code} đã cộng dồn từ đầu năm: giá trị của quý hay năm là giá trị của kỳ cuối. Đã "
            "dùng kỳ cuối."
        ),
        "error.kind.no_cumulation": (
            "{code} không phải là lượng phát sinh trong kỳ, nên không cộng dồn từ đầu năm được. "
            "Đã hiển thị số liệu gốc."
        ),
        "error.kind.pct_of_rate": (
            "{code} đã là một tỷ lệ hay tốc độ: phần trăm thay đổi của nó không phải là tốc độ "
            "tăng. Hãy xem mức thay đổi (điểm phần trăm). Đã hiển thị số liệu gốc."
        ),
        "error.kind.rebase_rate": (
            "{code} là một tỷ lệ hay tốc độ: đưa về gốc 100 không có ý nghĩa. Đã hiển thị số liệu "
            "gốc."
        ),
        "error.kind.log_of_rate": (
            "{code} là một tỷ lệ hay tốc độ, có thể âm: lấy logarit không có ý nghĩa. Đã hiển thị "
            "số liệu gốc."
        ),
        "error.kind.ytd_straddles": (
            "{code} đã cộng dồn từ đầu năm: so với kỳ trước hay trung bình trượt sẽ lẫn qua tháng "
            "Giêng. Hãy so với cùng kỳ năm trước. Đã hiển thị số liệu gốc."
        ),
        "error.kind.ytd_twice": (
            "{code} đã cộng dồn từ đầu năm; không cộng dồn thêm lần nữa. Đã hiển thị số liệu gốc."
        ),
        "error.kind.rebase_not_level": (
            "Không thể đưa {code} về gốc 100 để so sánh: số liệu hiển thị là tỷ lệ hoặc mức thay "
            "đổi, không phải một mức. Mỗi chỉ tiêu giữ trục riêng."
        ),
        "error.kind.no_common_aggregation": (
            "Các chỉ tiêu đã chọn không có chung một cách gộp có ý nghĩa (ví dụ một lượng phát "
            "sinh và một số cộng dồn), nên giữ tần suất gốc của từng chỉ tiêu."
        ),
    },
    "en": {
        "kind.flow": "Flow over the period",
        "admin.users.column.username": "User name",
        "admin.users.column.display_name": "Full name",
        "admin.users.column.email": "E-mail",
        "admin.users.column.role": "Role",
        "admin.users.column.agency": "Agency",
        "admin.users.column.active": "Active",
        "admin.users.column.created_at": "Created",
        "admin.users.column.failed_attempts": "Failed sign-ins in a row",
        "admin.users.column.locked_until": "Locked until",
        "admin.users.yes": "Yes",
        "admin.users.no": "No",
        "audit.action.sign_in": "Sign-in (successful or not)",
        "agency.note.GSO": "Decision 384/QĐ-BTC of 26/02/2025: the General Statistics Office is the Statistics Office under the Ministry of Finance (DOMAIN.md §5.1, CONFIRMED).",
        "agency.note.MPI": "Merged into the Ministry of Finance, whose Statistics Office published the 2025 outcomes. The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.note.MONRE": "Merged with MARD into the Ministry of Agriculture and Environment. The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.note.MARD": "Merged with MONRE into the Ministry of Agriculture and Environment. The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.note.MOLISA": "Its functions moved to the Ministries of Home Affairs (labour), Health and Education; Home Affairs is taken as the successor. The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.note.MAE": "The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.note.MOHA": "Successor of MOLISA. The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force 1/3/2025) was not retrieved; the domain notes (DOMAIN.md §5.1) tag this UNCONFIRMED.",
        "agency.evidence.confirmed": "confirmed",
        "agency.evidence.secondary": "secondary source",
        "agency.evidence.unconfirmed": "unconfirmed",
        "agency.column.code": "Code",
        "agency.column.name": "Agency",
        "agency.column.valid_from": "From",
        "agency.column.valid_to": "To",
        "agency.column.successor": "Successor",
        "agency.column.evidence": "Evidence",
        "agency.column.note": "Basis",
        "agency.title": "Agencies after the 2025 restructuring",
        "agency.responsible": "{agency}: {start} – {end}",
        "agency.until_now": "now",
        "agency.history_title": "Responsible agency over time",
        "supply.agency_merged": (
            "This account's agency ({agency}) was merged into {successor} ({evidence}); its "
            "indicators moved to {successor}. Ask an administrator to assign the account to the "
            "successor."
        ),
        "kind.stock": "Stock at a moment",
        "kind.level": "Level (price, exchange rate…)",
        "kind.index": "Index",
        "kind.rate": "Rate or share (%)",
        "kind.ytd": "Year-to-date cumulative",
        "catalogue.kind": "Kind of figures",
        "catalogue.kind_placeholder": "By its unit (automatic)",
        "catalogue.kind_help": (
            "Decides which aggregations and transformations Explore offers: rates are never "
            "summed, say. Left empty, the Cockpit reads it from the unit, code and name."
        ),
        "error.kind_unknown": "Kind {kind} is not one of the list.",
        "error.kind.flow_last": (
            "{code} is a flow over each period: its last month is not the quarter's or the "
            "year's. A suitable aggregation is used instead."
        ),
        "error.kind.sum_of_stock": (
            "{code} is a stock at a moment: adding periods up counts it several times. A suitable "
            "aggregation is used instead."
        ),
        "error.kind.sum_of_level": (
            "{code} is a level (a price, a rate of exchange, an index): adding periods up means "
            "nothing. A suitable aggregation is used instead."
        ),
        "error.kind.sum_of_rate": (
            "{code} is a rate: adding periods up means nothing. A suitable aggregation is used "
            "instead."
        ),
        "error.kind.ytd_not_last": (
            "{code} is cumulated from the start of the year: a quarter's or year's value is its "
            "last period's. The last period is used."
        ),
        "error.kind.no_cumulation": (
            "{code} is not a flow over each period, so it cannot be cumulated over the year. The "
            "values as published are shown."
        ),
        "error.kind.pct_of_rate": (
            "{code} is already a rate: its % change is not a growth rate. See its change in "
            "percentage points instead. The values as published are shown."
        ),
        "error.kind.rebase_rate": (
            "{code} is a rate: setting it to 100 means nothing. The values as published are shown."
        ),
        "error.kind.log_of_rate": (
            "{code} is a rate, which can be negative: its logarithm means nothing. The values as "
            "published are shown."
        ),
        "error.kind.ytd_straddles": (
            "{code} is cumulated from the start of the year: a change on the previous period or a "
            "moving average straddles January. Compare with the same period a year earlier. The "
            "values as published are shown."
        ),
        "error.kind.ytd_twice": (
            "{code} is already cumulated from the start of the year and is not cumulated again. "
            "The values as published are shown."
        ),
        "error.kind.rebase_not_level": (
            "{code} cannot be rebased to 100 to compare: the values shown are a rate or a change, "
            "not a level. Each indicator keeps its own axis."
        ),
        "error.kind.no_common_aggregation": (
            "The chosen indicators share no aggregation that makes sense (a flow and a "
            "year-to-date amount, say), so each keeps its own frequency."
        ),
    },
}
