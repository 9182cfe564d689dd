"""read_guarded reads a file showguide keeps whole, and nothing past its limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showguide.core.guarded import UnusableFile, read_guarded


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 65_537, 3 * 1024 * 1024 + 7])
def test_a_file_is_read_whole_whatever_its_size(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "kept"
    path.write_bytes(data)

    assert read_guarded(path, size) == data  # exactly at the limit: read
    assert read_guarded(path, size + 10) == data


def test_a_file_over_its_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    path.write_bytes(b"x" * 100)

    with pytest.raises(UnusableFile, match="over the limit of 99"):
        read_guarded(path, 99)


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    os.mkfifo(path)

    with pytest.raises(UnusableFile, match="not a regular file"):
        read_guarded(path, 100)
