"""Limits on input, in one table: name, default, help and the environment variable that sets it.

The defaults are far above anything a real report needs (the longest national report is about
40,000 characters; the largest collection file in the corpus is a few MB), so they only stop
hostile or broken input — a zip bomb, a 900 MB text run, JSON nested 100,000 deep — with a
clear message instead of exhausting memory or time.

    from baogao.settings import limit
    if size > limit("max_file_bytes"): ...

A user raises a limit with its environment variable (``BAOGAO_MAX_FILE_BYTES=1G``) or, on the
command line, ``baogao --limit max_file_bytes=1G ingest …``. Values accept K/M/G suffixes
(powers of 1024). Worker processes inherit the environment, so an override reaches them too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from baogao.errors import QueryError

_K = 1024
_M = 1024 * 1024


@dataclass(frozen=True)
class Setting:
    """One limit: its name, default, meaning and environment variable."""

    name: str
    default: int
    help: str

    @property
    def env(self) -> str:
        """The environment variable that overrides the default."""
        return "BAOGAO_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("max_file_bytes", 256 * _M,
            "Largest input file read, in bytes; larger files are refused unread."),
    Setting("max_unpacked_bytes", 256 * _M,
            "Largest total size of the parts of a .docx once inflated, in bytes; counted "
            "while inflating, so a zip bomb is stopped before it takes memory."),
    Setting("max_office_xml_bytes", 64 * _M,
            "Largest XML part of a .docx once inflated, in bytes (a 1,000-page report's "
            "document.xml is about 30 MB)."),
    Setting("max_document_chars", 5_000_000,
            "Most characters in one document (a long report has 100,000)."),
    Setting("max_json_depth", 64,
            "Deepest nesting of arrays and objects in a .json or .jsonl file."),
    Setting("max_csv_field_chars", 20_000_000,
            "Most characters in one CSV field."),
    Setting("max_numeral_chars", 40,
            "Longest numeral read as a value (digits and Chinese numerals); longer runs are "
            "not values."),
    Setting("http_header_seconds", 10,
            "`baogao serve`: seconds a client has to send a request's headers (slowloris)."),
    Setting("http_body_seconds", 30,
            "`baogao serve`: seconds the server waits for the next piece of a request body."),
    Setting("http_connections", 256,
            "`baogao serve`: most connections and requests at once; more get 503."),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_SUFFIX = {"": 1, "k": _K, "m": _M, "g": 1024 * _M}


def parse_value(name: str, value: str) -> int:
    """The integer meant by ``value`` (``1000``, ``1_000``, ``64K``, ``1G``) for ``name``."""
    m = re.fullmatch(r"\s*([0-9][0-9_]{0,17})\s*([kKmMgG]?)[bB]?\s*", value)
    if not m or int(m.group(1)) <= 0:
        raise QueryError(f"setting {name}: {value!r} is not a positive whole number "
                         "(K, M and G suffixes allowed)")
    return int(m.group(1)) * _SUFFIX[m.group(2).lower()]


def setting(name: str) -> Setting:
    """The declared setting called ``name``."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise QueryError(f"no setting {name!r}; settings: {', '.join(_BY_NAME)}") from None


def limit(name: str) -> int:
    """The value of limit ``name``: its environment variable if set, else the default."""
    s = setting(name)
    raw = os.environ.get(s.env)
    if raw is None or not raw.strip():
        return s.default
    return parse_value(name, raw)


def override(assignment: str) -> Setting:
    """Apply ``name=value`` for this process and the processes it starts."""
    name, sep, value = assignment.partition("=")
    s = setting(name.strip())
    if not sep:
        raise QueryError(f"--limit takes name=value, e.g. {s.name}={s.default}")
    os.environ[s.env] = str(parse_value(s.name, value))
    return s


def describe() -> list[dict[str, object]]:
    """Every setting with its current value (for ``baogao limits`` and the docs)."""
    return [{"name": s.name, "value": limit(s.name), "default": s.default, "env": s.env,
             "help": s.help} for s in SETTINGS]


__all__ = ["SETTINGS", "Setting", "describe", "limit", "override", "parse_value", "setting"]
