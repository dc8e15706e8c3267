"""The bundle's build tools: what the rules leave out, and the Debian package's layout.

The bundle itself is built and run by `bash build/dev.sh bundle` and `check-bundle` (CI, after
the tests); these tests check the tools on small made-up bundles, in a second.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build"))

import bundle_rules  # noqa: E402
import make_deb  # noqa: E402

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is missing")


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),  # Qt's own buttons in Chinese
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),  # the icons are SVG
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),  # self-test without a screen
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),  # the print preview
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("libcairo.so.2", True),
        ("libcups.so.2", True),
        ("libfontconfig.so.1", False),
        ("PySide6\\Qt\\translations\\qt_fr.qm", True),  # as Windows writes the path
    ],
)
def test_the_rules_drop_what_the_app_never_loads(dest: str, dropped: bool) -> None:
    assert any(rule.drops(dest) for rule in bundle_rules.FILE_RULES) is dropped


def test_each_rule_counts_what_it_saved(tmp_path: Path) -> None:
    big, small = tmp_path / "big", tmp_path / "small"
    big.write_bytes(b"x" * 3000)
    small.write_bytes(b"x" * 100)
    toc = [
        ("libcairo.so.2", str(big), "BINARY"),
        ("libpango-1.0.so.0", str(small), "BINARY"),
        ("libfontconfig.so.1", str(small), "BINARY"),
    ]
    kept, saved = bundle_rules.apply_rules(toc)
    assert [entry[0] for entry in kept] == ["libfontconfig.so.1"]
    assert saved["GTK's libraries"] == 3100
    assert "GTK's libraries" in bundle_rules.report(saved, "shuren")


def test_the_app_keeps_every_qt_module_it_imports() -> None:
    """A Qt module the app imports must not be among those the bundle excludes."""
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= {word for word in text.split() if word.startswith("PySide6.Qt")}
    used = {name.rstrip(",;:()") for name in used}
    assert used
    assert not used & set(bundle_rules.UNUSED_QT)


def _fake_bundle(folder: Path) -> Path:
    """A bundle whose program is a copy of a real ELF file (so its libraries can be read)."""
    bundle = folder / "shuren"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "shuren"
    shutil.copy(sys.executable if Path(sys.executable).is_file() else "/bin/ls", program)
    shutil.copy("/bin/ls", bundle / "_internal" / "helper")
    program.chmod(0o755)
    return bundle


@needs_dpkg
def test_the_package_installs_under_opt_with_a_command_and_a_menu_entry(tmp_path: Path) -> None:
    deb = make_deb.build(_fake_bundle(tmp_path), tmp_path, "9.8.7")
    assert deb.name == "shuren-xiaoqu_9.8.7_amd64.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    assert "./opt/shuren-xiaoqu/shuren" in listing
    assert "./usr/bin/shuren -> ../../opt/shuren-xiaoqu/shuren" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/shuren-xiaoqu.svg" in listing
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    entry = (root / "usr/share/applications/shuren-xiaoqu.desktop").read_text(encoding="utf-8")
    assert "Name=熟人小区" in entry.splitlines()
    assert "Exec=shuren" in entry.splitlines()
    assert "Icon=shuren-xiaoqu" in entry.splitlines()
    assert (root / "usr/bin/shuren").resolve() == root / "opt/shuren-xiaoqu/shuren"


@needs_dpkg
def test_removing_the_package_cannot_touch_her_data(tmp_path: Path) -> None:
    """No maintainer script at all: dpkg removes the files it installed and nothing else."""
    deb = make_deb.build(_fake_bundle(tmp_path), tmp_path, "1.0")
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert sorted(p.name for p in control.iterdir()) == ["control"]
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    assert ".local" not in listing and "ShurenXiaoqu" not in listing


@needs_dpkg
def test_depends_names_glibc_and_the_libraries_the_bundle_does_not_carry(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    field = make_deb.depends(bundle)
    assert field.startswith("libc6 (>= 2.")
    assert "libcups2" in field
    major, minor = make_deb.glibc_needed(make_deb.elf_files(bundle))
    assert (major, minor) >= (2, 17)


def test_glibc_needed_reads_the_newest_symbol_version(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_bytes(b"\x7fELF...GLIBC_2.17\x00GLIBC_2.28\x00")
    two.write_bytes(b"\x7fELF...GLIBC_2.34\x00GLIBC_2.4\x00GLIBC_PRIVATE\x00")
    assert make_deb.glibc_needed([one, two]) == (2, 34)
