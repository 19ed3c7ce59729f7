"""TCVN3 (ABC), the 8-bit font encoding of Vietnamese that GSO's workbooks used before 2013: the
text is stored as Latin-1 characters that a TCVN3 font draws as Vietnamese letters ("Tæng møc
b¸n lÎ" is "Tổng mức bán lẻ"). Read as Unicode it is garbled; :func:`decode_tcvn3` maps it back.

Some TCVN3 codes are Latin-1 letters that Unicode Vietnamese uses too ("á" is "ỏ" in TCVN3, "á" in
Unicode), so a cell is decoded in full only when it has a character that Unicode Vietnamese never
has (:data:`STRONG`, such as "¸", "µ", "æ") and none of the letters only Unicode has ("ư", "ạ",
"ế"). Cells converted by half (a Unicode label with a few TCVN3 letters left, "B×nh Dương",
"TP. Hồ ChÝ Minh") get their unambiguous letters decoded, and an ambiguous capital inside a word
that is not written in capitals ("ChÝ", "BÕn") too.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.workbook import Workbook

TABLE = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
    "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
    "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
    "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
    "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
    "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
    "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
    "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
    "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
    "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
    "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
    "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
}  # fmt: skip
"""TCVN3 code (as the Latin-1 character a non-TCVN3 reader shows) → the Vietnamese letter."""

VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
"""Latin-1 letters that Unicode Vietnamese writes too, and so do not prove TCVN3 alone."""
STRONG = frozenset(TABLE) - VIETNAMESE_LATIN1
"""TCVN3 codes that Unicode Vietnamese text never has."""


def _unicode_only(text: str) -> bool:
    return any("\u0100" <= c <= "\u1eff" for c in text)


def looks_tcvn3(text: str) -> bool:
    """Whether ``text`` is TCVN3 through and through: a strong TCVN3 code and no letter that only
    Unicode Vietnamese has."""
    return any(c in STRONG for c in text) and not _unicode_only(text)


def decode_tcvn3(text: str) -> str:
    """``text`` in Unicode: decoded in full if it is TCVN3, else only its unambiguous TCVN3 codes
    (and an ambiguous capital inside a word that is not in capitals: "BÕn", "ChÝ"); Unicode text
    is left as it is."""
    if looks_tcvn3(text):
        return "".join(TABLE.get(c, c) for c in text)
    if not any(c in TABLE for c in text):
        return text
    out = []
    for index, c in enumerate(text):
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        inside = before.isalpha() and (before.islower() or after.islower())
        if c in STRONG or (c in TABLE and c.isupper() and inside):
            out.append(TABLE[c])
        else:
            out.append(c)
    return "".join(out)


def decode_book(book: Workbook) -> Workbook:
    """``book`` with every text cell decoded (:func:`decode_tcvn3`); numbers and sheet names as
    they are."""
    sheets = {
        name: [[decode_tcvn3(c) if isinstance(c, str) else c for c in row] for row in rows]
        for name, rows in book.sheets.items()
    }
    return replace(book, sheets=sheets)
