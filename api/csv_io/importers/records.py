"""A file's bytes to records: UTF-8 decoding, the delimiter, (line, cells) per record and the
row count checked before any row is validated."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import Final

from api.csv_io.importers.limits import MAX_ROWS
from api.csv_io.importers.results import CsvEncodingError, CsvFormatError, CsvTooLarge

_UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also the UTF-32 BOMs' start
_ZIP_MAGIC: Final = b"PK\x03\x04"


def decode_text(data: bytes) -> str:
    """UTF-8 text, a leading byte order mark dropped; `CsvEncodingError` for anything else."""
    if data.startswith(_UTF16_BOMS):
        raise CsvEncodingError(
            "file is not UTF-8 encoded: it starts with a UTF-16 byte order mark"
            " (save it as CSV UTF-8)"
        )
    if data.startswith(_ZIP_MAGIC):
        raise CsvEncodingError(
            "file is not UTF-8 encoded text: it is a ZIP archive, such as an Excel workbook"
            " (save it as CSV UTF-8)"
        )
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", offset)
    if nul >= 0:
        raise CsvEncodingError(
            f"file is not UTF-8 encoded text (NUL byte at offset {nul}, line {_line_at(data, nul)};"
            " a UTF-16 file must be saved as CSV UTF-8)"
        )
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        position = offset + exc.start
        raise CsvEncodingError(
            f"file is not UTF-8 encoded (byte 0x{data[position]:02X} at offset {position},"
            f" line {_line_at(data, position)}); save it as CSV UTF-8"
        ) from None


def _line_at(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def sniff_delimiter(text: str) -> str:
    """The most frequent of comma, semicolon and tab outside quotes on the header line."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(counts, key=lambda candidate: (counts[candidate], candidate == ","))


def read_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) per record; a quoted cell may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last_line = 0
    try:
        for cells in reader:
            yield last_line + 1, cells
            last_line = reader.line_num
    except csv.Error as exc:
        raise CsvFormatError(f"line {last_line + 1}: {exc}") from exc


def check_row_count(data: bytes, max_rows: int = MAX_ROWS) -> None:
    """`CsvTooLarge` when `parse` would refuse the file for its number of data rows, found
    without validating any row (a file of few enough lines is not even split into cells);
    `CsvFormatError` when it cannot be read as text."""
    text = decode_text(data)
    check_text_row_count(text, sniff_delimiter(text), max_rows)


def check_text_row_count(text: str, delimiter: str, max_rows: int) -> None:
    """`CsvTooLarge` when the file has more than `max_rows` non-blank data rows (a cheap pass
    before any row is validated)."""
    # A record takes at least one line: a file of few enough lines needs no csv pass. Lines end
    # in "\r\n", "\n" or "\r"; counting them is C-speed.
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    lines = breaks if text.endswith(("\n", "\r")) else breaks + 1
    if lines - 1 <= max_rows:
        return
    rows = -1  # the header
    for _, cells in read_records(text, delimiter):
        if any(cell.strip() for cell in cells):
            rows += 1
            if rows > max_rows:
                raise CsvTooLarge(f"the file has more than {max_rows:,} data rows")
