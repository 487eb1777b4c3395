"""Bytes from disk to str, with errors that say which byte on which line is wrong."""

from __future__ import annotations

from pathlib import Path

from incidentkb.errors import InputError

# A NUL byte never occurs in a text report in UTF-8, but it is in nearly every binary
# format (PDF, images, office files, archives): looking at the first 8 KiB is enough.
_SNIFF_BYTES = 8192


def read_bytes(path: Path) -> bytes:
    """The file's bytes; an unreadable file is an InputError naming the OS's reason."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from err


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:_SNIFF_BYTES]


def decode_utf8(path: Path, data: bytes, first_line: int = 1) -> str:
    """Text decoded as UTF-8 (a leading BOM dropped); bad bytes name their line and the fix."""
    if is_binary(data):
        raise InputError(path, "binary file (it contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = first_line + data.count(b"\n", 0, err.start)
        byte = data[err.start : err.start + 1].hex()
        raise InputError(
            path, f"not UTF-8 (byte 0x{byte} cannot be decoded); save the file as UTF-8", line
        ) from err


def read_utf8(path: Path) -> str:
    """The whole file as UTF-8 text, or an InputError."""
    return decode_utf8(path, read_bytes(path))
