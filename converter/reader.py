"""Read a text filing: bytes to decoded, line-addressable text, or a clear error."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .model import Document


class InputError(Exception):
    """A filing that cannot be converted; ``str()`` is the one-line message users see."""

    def __init__(self, source: str, message: str, line: int | None = None):
        super().__init__(message)
        self.source = source
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"

    def __reduce__(self):  # pickled whole (it crosses from a worker process): source, message, line and extras
        return type(self), (self.source, self.message, self.line), dict(self.__dict__)


MAX_FILE_BYTES = 20_000_000  # a release is tens of kilobytes; a bigger file is not one filing
MAX_LINE_CHARS = 100_000  # longer lines are not read (a dump, not text); the rest of the file is

# C0 controls other than tab and newline, DEL and C1 controls cannot appear in XML
# output; they are blanked (same length, so column positions stay true).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Text and the encoding used; raises InputError for empty or binary input."""
    if not data:
        raise InputError(source, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 text ({exc.reason})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary file (contains NUL bytes), not a text filing")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    # Mostly control bytes and high bytes that are not text in any 8-bit encoding.
    junk = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if junk > len(sample) * 0.05:
        raise InputError(source, "binary file, not a text filing")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def document_from_bytes(data: bytes, name: str) -> Document:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"file is too large ({len(data) / 1e6:.1f} MB; one filing is at most "
                               f"{MAX_FILE_BYTES / 1e6:.0f} MB)")
    text, encoding = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "file has no text (only whitespace)")
    text = _CONTROL.sub(" ", text)
    lines = text.split("\n")
    too_long = [i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS]
    for i in too_long:
        lines[i] = ""
    return Document(
        name=name,
        lines=lines,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        long_lines=tuple(i + 1 for i in too_long),
    )


def document_from_text(text: str, name: str = "filing.txt") -> Document:
    return document_from_bytes(text.encode("utf-8"), name)


def read_document(path: Path) -> Document:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return document_from_bytes(data, Path(path).name)
