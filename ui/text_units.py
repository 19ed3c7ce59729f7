"""Units of measure as the catalogue stores them (the sources' own words, in English), written
for a reader in each language.

The key is ``unit.<unit as stored>``; :func:`ui.i18n.unit_text` looks it up. A test lists the units
of a freshly seeded catalogue and fails if any has no text here.
"""

from __future__ import annotations

UNITS_VI: dict[str, str] = {
    "%": "%",
    "% gross": "% (tỷ lệ chung)",
    "% of GDP": "% GDP",
    "% of land area": "% diện tích đất",
    "% of people ages 15 and above": "% dân số từ 15 tuổi trở lên",
    "% of population": "% dân số",
    "% of relevant age group": "% nhóm tuổi tương ứng",
    "% of total employment": "% tổng số người có việc làm",
    "% of total final energy consumption": "% tổng tiêu thụ năng lượng cuối cùng",
    "% of total labor force": "% tổng lực lượng lao động",
    "% of total population": "% tổng dân số",
    "% of working-age population": "% dân số trong độ tuổi lao động",
    "VND per USD": "đồng/USD",
    "annual %": "%/năm",
    "billion VND": "tỷ đồng",
    "births per woman": "số con/phụ nữ",
    "current US$": "USD (giá hiện hành)",
    "current international $": "đô la quốc tế (giá hiện hành)",
    "index": "chỉ số",
    "index (0-100)": "chỉ số (0–100)",
    "index (2015=100)": "chỉ số (2015 = 100)",
    "index (2019=100)": "chỉ số (2019 = 100)",
    "index (base 14/7/2005)": "chỉ số (gốc 14/7/2005)",
    "index (base 24/10/2016)": "chỉ số (gốc 24/10/2016)",
    "index (base 6/2/12)": "chỉ số (gốc 6/2/2012)",
    "index (base 9/7/12)": "chỉ số (gốc 9/7/2012)",
    "index (base Jul-28-2000)": "chỉ số (gốc 28/7/2000)",
    "index (comparison period = 100)": "chỉ số (kỳ so sánh = 100)",
    "index (same period previous year = 100)": "chỉ số (cùng kỳ năm trước = 100)",
    "kg of oil equivalent per capita": "kg dầu quy đổi/người",
    "male births per female births": "số bé trai/bé gái khi sinh",
    "million USD": "triệu USD",
    "people per sq. km of land area": "người/km² đất liền",
    "per 1,000 live births": "trên 1.000 trẻ đẻ sống",
    "per 1,000 people": "trên 1.000 dân",
    "percent": "%",
    "percent change": "% thay đổi",
    "persons": "người",
    "projects": "dự án",
    "scale 0-1": "thang điểm 0–1",
    "sq. km": "km²",
    "thousand VND per month": "nghìn đồng/tháng",
    "thousand arrivals": "nghìn lượt khách",
    "thousand persons": "nghìn người",
    "weight (per mille of CPI basket)": "quyền số (phần nghìn rổ CPI)",
    "years": "năm",
}

UNITS_EN: dict[str, str] = {unit: unit for unit in UNITS_VI} | {
    "index (base 6/2/12)": "index (base 6/2/2012)",
    "index (base 9/7/12)": "index (base 9/7/2012)",
    "index (base Jul-28-2000)": "index (base 28/7/2000)",
    "% gross": "% (gross)",
}

TEXT: dict[str, dict[str, str]] = {
    "vi": {f"unit.{unit}": text for unit, text in UNITS_VI.items()},
    "en": {f"unit.{unit}": text for unit, text in UNITS_EN.items()},
}
