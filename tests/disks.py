"""Real full and read-only disks for tests (Linux, as root: CI runs so on a fresh Debian).

Root ignores file permissions, so a read-only data dir is made with a read-only bind mount
(the kernel refuses every write: EROFS), or with ``chmod a-w`` and a command run without root's
power to override permissions (``setpriv``). A full disk is a small tmpfs filled up. Where
mounting is not allowed (not root, not Linux, a container without CAP_SYS_ADMIN) the test is
skipped, saying why.
"""

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


def _skip_unless_mounting_possible() -> None:
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount(8) to make a small or read-only disk")
    if os.geteuid() != 0:
        pytest.skip("mounting a small or read-only disk needs root (CI runs as root)")


@contextmanager
def _unmounted_after(target: Path) -> Iterator[Path]:
    try:
        yield target
    finally:
        if subprocess.run(["umount", str(target)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(target)], check=True)  # still busy: detach


@contextmanager
def small_disk(target: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``target`` (created)."""
    _skip_unless_mounting_possible()
    target.mkdir(parents=True, exist_ok=True)
    result = _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target))
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    with _unmounted_after(target):
        yield target


@contextmanager
def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``target`` through a bind mount."""
    _skip_unless_mounting_possible()
    target.mkdir(parents=True, exist_ok=True)
    result = _mount("--bind", str(source), str(target))
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {result.stderr.strip()}")
    with _unmounted_after(target):
        result = _mount("-o", "remount,ro,bind", str(target))
        if result.returncode != 0:
            pytest.skip(f"cannot make a bind mount read-only here: {result.stderr.strip()}")
        yield target


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill ``disk`` up, leaving about ``leave`` bytes free; returns the filler file."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for chunk in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def without_root_override() -> list[str]:
    """A command prefix under which file permissions apply, even to root: setpriv drops the
    capabilities that let root read and write past them. Empty when not root."""
    if sys.platform != "linux":
        pytest.skip("runs a command with fewer capabilities: Linux only")
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("as root, permissions apply only without CAP_DAC_OVERRIDE: needs setpriv")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
