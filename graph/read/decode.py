"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, then charset-normalizer's best
guess (cp1251, latin-1, ...). Binary files raise :class:`DecodeError`, empty ones :class:`ReadError`.

Line ends are normalised to ``\\n`` so every reader sees one convention; offsets index the result.
"""

from __future__ import annotations

import codecs
import re

from graph.errors import DecodeError, ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
)


def decode(data: bytes, path: str = "") -> str:
    """The text of a file's bytes.

    >>> decode("Громыко сказал, что это невозможно.".encode("cp1251"))
    'Громыко сказал, что это невозможно.'
    >>> decode(b"caf\\xe9 au lait, d\\xe9j\\xe0 vu")
    'café au lait, déjà vu'
    """
    if not data.strip():
        raise ReadError("empty file", path=path or None)
    text = _decode(data, path)
    if not text.strip():  # white space only once decoded: a BOM, UTF-16 spaces, no-break spaces
        raise ReadError("empty file", path=path or None)
    if "\x00" in text or _control_share(text) > 0.02:
        raise DecodeError("binary file, not text", path=path or None)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"bad {codec} text after byte-order mark: {err.reason}", path=path or None
                ) from err
    if data.startswith(_MAGIC):
        raise DecodeError("binary file, not text (PDF, image, archive or executable)", path=path or None)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file, not text (NUL bytes)", path=path or None)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, path)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NUL in every other byte of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > 0.1 * half and other < 0.02 * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _control_share(text) < 0.02 else None
    return None


def _guess(data: bytes, path: str) -> str:
    """Legacy 8-bit text: prefer charset-normalizer, fall back to cp1252 then latin-1."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(
            data,
            cp_isolation=[
                "cp1251",
                "cp1252",
                "latin_1",
                "koi8_r",
                "cp1253",
                "gb18030",
                "shift_jis",
                "euc_jp",
                "big5",
            ],
        ).best()
        if best is not None and not best.encoding.startswith("utf") and not _mixed_script(str(best)):
            return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mixed_script(text: str) -> bool:
    """Words mixing Latin and Cyrillic letters ("déjŕ"): the sign of a wrong 8-bit code page."""
    return bool(re.search(r"[A-Za-z\u00c0-\u00ff][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z\u00c0-\u00ff]", text))


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)
