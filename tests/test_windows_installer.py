"""The Windows installer script (build/windows/shuren.nsi) compiles with makensis into a real
installer, and what its uninstaller removes is the program only, never the secretary's data.

Running the installer needs Windows; compiling it does not (Debian's ``nsis`` package).
"""

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "build" / "windows" / "shuren.nsi"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis is not installed (apt-get install nsis; build/dev.sh does)"
)


def fake_bundle(folder: Path) -> Path:
    """What PyInstaller's one-folder build leaves: the program and its library folder."""
    bundle = folder / "shuren"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "shuren.exe").write_bytes(b"MZ placeholder")
    (bundle / "_internal" / "base_library.zip").write_bytes(bytes(range(256)) * 64)
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"placeholder")
    return bundle


def makensis(*defines: str) -> subprocess.CompletedProcess:
    # -WX: a warning fails the build, as an error would.
    command = [MAKENSIS, "-V2", "-WX", *(f"-D{d}" for d in defines), str(SCRIPT)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@needs_makensis
def test_the_script_compiles_into_a_windows_installer(tmp_path):
    bundle = fake_bundle(tmp_path)
    setup = tmp_path / "out" / "shuren-xiaoqu-0.1.0-setup.exe"
    setup.parent.mkdir()
    result = makensis(f"BUNDLE={bundle}", "VERSION=0.1.0", f"OUTFILE={setup}")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset : pe_offset + 4] == b"PE\0\0"
    assert b"NullsoftInst" in data  # the installer's own header: the payload is attached
    # The version resource (uncompressed) names the product in Chinese, as UTF-16: the
    # script's Chinese text reached the installer unmangled.
    assert "熟人小区".encode("utf-16-le") in data


@needs_makensis
def test_without_a_bundle_folder_makensis_says_what_is_missing(tmp_path):
    result = makensis("VERSION=0.1.0", f"OUTFILE={tmp_path / 'setup.exe'}")
    assert result.returncode != 0
    assert "BUNDLE is not set" in result.stdout + result.stderr
    assert not (tmp_path / "setup.exe").exists()


def test_the_script_is_utf8_with_a_byte_order_mark():
    """makensis on Windows reads a script without the mark in the ANSI code page, which
    would garble every Chinese name (on Linux it assumes UTF-8, so only this check sees it)."""
    data = SCRIPT.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "熟人小区" in data.decode("utf-8-sig")


def script_lines() -> list[str]:
    lines = SCRIPT.read_text(encoding="utf-8-sig").splitlines()
    return [line.split(";")[0].strip() for line in lines if line.split(";")[0].strip()]


def test_it_installs_for_the_user_alone_without_administrator_rights():
    lines = script_lines()
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in lines
    assert "Unicode true" in lines
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in lines
    registry = [line for line in lines if line.startswith(("WriteReg", "DeleteReg"))]
    assert registry and all(" HKCU " in f" {line} " for line in registry)  # never HKLM


def test_removing_touches_the_program_folder_and_the_shortcuts_only():
    """Every Delete and RMDir names the library folder, one of the installer's own files or
    a shortcut; the program folder itself goes only when empty (RMDir without /r), so the data
    folder — or anything she put next to the program — is never removed."""
    allowed = {
        'Delete "$INSTDIR\\${APP_EXE}"',
        'Delete "$INSTDIR\\${UNINSTALLER}"',
        'Delete "$INSTDIR\\${CLI_EXE}"',
        'Delete "$SMPROGRAMS\\${APP_NAME}.lnk"',
        'Delete "$DESKTOP\\${APP_NAME}.lnk"',
        'RMDir /r "$INSTDIR\\_internal"',
        'RMDir "$INSTDIR"',
    }
    removals = {line for line in script_lines() if re.match(r"(Delete|RMDir)\b", line)}
    assert removals and removals <= allowed, removals - allowed
    uninstall = SCRIPT.read_text(encoding="utf-8-sig").split('Section "Uninstall"')[1]
    assert "DATA_DIR" in uninstall.split("SectionEnd")[0]  # and it says where the data stays


def test_the_windows_build_script_is_ascii_and_names_files_that_exist():
    """Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page:
    ASCII reads the same everywhere. The installer script, the translations and the pins it
    uses are where it looks (relative to the repository, as it runs from there)."""
    script = ROOT / "build" / "windows" / "build.ps1"
    text = script.read_bytes().decode("ascii")
    named = set(re.findall(r"(?:build|resources)\\[\w\\]+\.(?:nsi|ts|txt)\b", text))
    assert {"build\\windows\\shuren.nsi", "build\\constraints.txt"} <= named
    missing = [name for name in named if not (ROOT / name.replace("\\", "/")).is_file()]
    assert not missing, missing
