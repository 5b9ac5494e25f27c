"""Project files: reading, atomic writing, format versions and migrations (no Qt)."""

from .projectfile import (
    EXTENSION,
    FORMAT_NAME,
    FORMAT_VERSION,
    atomic_write_bytes,
    dump_project,
    parse_project,
    read_project,
    read_project_with_meta,
    write_project,
)

__all__ = [
    "EXTENSION", "FORMAT_NAME", "FORMAT_VERSION", "atomic_write_bytes", "dump_project", "parse_project",
    "read_project", "read_project_with_meta", "write_project",
]
