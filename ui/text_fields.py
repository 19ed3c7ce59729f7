"""The names of the stored fields an audit row can quote, in both languages; merged into ui.i18n.
A test checks that every column of the audited tables has one."""

from __future__ import annotations

_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Mã số", "Id"),
    "username": ("Tên đăng nhập", "User name"),
    "email": ("Thư điện tử", "E-mail"),
    "display_name": ("Họ tên", "Full name"),
    "password_hash": ("Mật khẩu (đã băm)", "Password (hashed)"),
    "role": ("Vai trò", "Role"),
    "agency_code": ("Cơ quan", "Agency"),
    "active": ("Đang hoạt động", "Active"),
    "created_at": ("Tạo lúc", "Created"),
    "failed_attempts": ("Số lần đăng nhập sai", "Failed sign-ins"),
    "locked_until": ("Tạm khóa đến", "Locked until"),
    "last_failed_at": ("Lần sai gần nhất", "Last failed at"),
    "oidc_subject": ("Định danh OIDC", "OIDC subject"),
    "indicator_code": ("Chỉ tiêu", "Indicator"),
    "geography_code": ("Địa bàn", "Geography"),
    "period_start": ("Đầu kỳ", "Period start"),
    "period_end": ("Cuối kỳ", "Period end"),
    "value": ("Giá trị", "Value"),
    "status": ("Tình trạng", "Status"),
    "vintage": ("Ngày biết đến", "Known on"),
    "source": ("Nguồn", "Source"),
    "recorded_at": ("Ghi lúc", "Recorded at"),
    "recorded_by": ("Người ghi", "Recorded by"),
    "code": ("Mã", "Code"),
    "name_vi": ("Tên tiếng Việt", "Vietnamese name"),
    "name_en": ("Tên tiếng Anh", "English name"),
    "unit": ("Đơn vị", "Unit"),
    "frequency": ("Tần suất", "Frequency"),
    "field_code": ("Lĩnh vực", "Field"),
    "definition": ("Định nghĩa", "Definition"),
    "legal_basis": ("Căn cứ pháp lý", "Legal basis"),
    "regime": ("Chế độ báo cáo", "Reporting regime"),
    "dataset": ("Bộ dữ liệu", "Dataset"),
    "higher_is_better": ("Cao hơn là tốt hơn", "Higher is better"),
    "kind": ("Loại", "Kind"),
    "plan_year": ("Năm kế hoạch", "Plan year"),
    "target_text": ("Mục tiêu (nguyên văn)", "Target (as worded)"),
    "target_low": ("Mục tiêu: cận dưới", "Target: low"),
    "target_high": ("Mục tiêu: cận trên", "Target: high"),
    "operator": ("Kiểu mục tiêu", "Target type"),
    "approximate": ("Xấp xỉ", "Approximate"),
    "actual_text": ("Kết quả (nguyên văn)", "Outcome (as worded)"),
    "resolution": ("Nghị quyết", "Resolution"),
    "resolution_confirmed": ("Nghị quyết đã xác nhận", "Resolution confirmed"),
    "target_transform": ("Đại lượng dự báo", "Forecast quantity"),
    "method": ("Phương pháp", "Method"),
    "model": ("Mô hình", "Model"),
    "params_json": ("Tham số", "Parameters"),
    "horizon": ("Số kỳ dự báo", "Horizon"),
    "levels": ("Mức tin cậy", "Confidence levels"),
    "origin_period": ("Kỳ gốc", "Origin period"),
    "data_version": ("Phiên bản số liệu", "Data version"),
    "data_vintage": ("Số liệu đến ngày", "Data as of"),
    "author": ("Người lập", "Author"),
    "forecast_month": ("Tháng dự báo", "Forecast month"),
    "backtest_json": ("Kiểm định lùi", "Backtest"),
    "saved_by": ("Người lưu", "Saved by"),
    "saved_at": ("Lưu lúc", "Saved at"),
}

_TARGETS: dict[str, tuple[str, str]] = {
    "user": ("Tài khoản", "Account"),
    "observation": ("Số liệu", "Observation"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "plan_target": ("Mục tiêu kế hoạch", "Plan target"),
    "forecast_run": ("Dự báo", "Forecast"),
    "forecast_config": ("Cấu hình dự báo", "Forecast set-up"),
    "session": ("Phiên đăng nhập", "Session"),
}

TEXT: dict[str, dict[str, str | dict]] = {
    lang: {
        **{f"field.{name}": names[index] for name, names in _FIELDS.items()},
        **{f"audit.target.{kind}": names[index] for kind, names in _TARGETS.items()},
    }
    for index, lang in enumerate(("vi", "en"))
}
