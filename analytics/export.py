"""Downloads: what a chart shows, as CSV or Excel, with units and sources, safe to open.

A download carries its *metadata*: what was done to the numbers, where they come from, the vintage
used, when it was made and the link that reopens the view. In Excel it is a second sheet; in CSV it
is a block of two-column rows before the data, each first cell starting with ``#``, then an empty
line, then the data with its header (``pd.read_csv(path, skiprows=n + 1)`` for ``n`` metadata
rows; the first row says which line the data start on).

Spreadsheet programs run a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Following OWASP's rule, such text cells get a leading apostrophe; numbers
(negative ones included) stay numbers, since only text can smuggle a formula.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` made inert for a spreadsheet: text that could start a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and column name neutralised.

    Every column that can hold text is checked (object, string and categorical ones alike);
    numeric, boolean and date columns cannot start a formula and are kept as they are.
    """
    safe = pd.DataFrame(
        {position: _safe_column(frame.iloc[:, position]) for position in range(frame.shape[1])},
        index=frame.index,
    )
    safe.columns = [neutralise(str(c)) for c in frame.columns]
    return safe


def _safe_column(column: pd.Series) -> pd.Series:
    dtype = column.dtype
    inert = (
        pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_datetime64_any_dtype(dtype)
        or pd.api.types.is_timedelta64_dtype(dtype)
    )
    if inert and not isinstance(dtype, pd.CategoricalDtype):
        return column
    return column.astype(object).map(neutralise)


def to_csv_bytes(frame: pd.DataFrame, metadata: list[tuple[str, str]] | None = None) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel shows Vietnamese letters correctly; with
    ``metadata``, its rows come first (``#``-marked), then an empty line, then the data.

    Rows end in CRLF (RFC 4180), which also makes the writer quote any cell holding a carriage
    return: unquoted, a ``\r`` would start a new row whose first cell could be a formula.
    """
    data = safe_frame(frame).to_csv(index=False, lineterminator="\r\n")
    if not metadata:
        return data.encode("utf-8-sig")
    block = metadata_frame(metadata, ("field", "value"))
    block.iloc[:, 0] = ["# " + str(name).lstrip("'") for name in block.iloc[:, 0]]
    head = block.to_csv(index=False, header=False, lineterminator="\r\n")
    return (head + "\r\n" + data).encode("utf-8-sig")


def metadata_frame(items: list[tuple[str, str]], columns: tuple[str, str]) -> pd.DataFrame:
    """The metadata of a download as a two-column frame (name, value), neutralised like data."""
    return safe_frame(pd.DataFrame([(str(k), str(v)) for k, v in items], columns=list(columns)))


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per entry of ``sheets`` (names cut to Excel's 31)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe_frame(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()
