"""The Debian package of the secretary's app, from the bundle PyInstaller made.

    python build/make_deb.py dist/shuren dist   ->  dist/shuren-xiaoqu_<version>_amd64.deb

It installs the bundle under /opt/shuren-xiaoqu, a `shuren` command in /usr/bin, and a
desktop entry 熟人小区 with its icon in the office menu. It has no maintainer scripts: removing
the package removes the program and leaves every user's data (~/.local/share/ShurenXiaoqu)
where it is.

Depends is worked out from the bundle itself: the libraries its programs need that it does not
carry, each mapped to the Debian package that holds it on the build machine (`dpkg -S`), and
the newest glibc symbol version any of them asks for.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "shuren-xiaoqu"
INSTALL_DIR = Path("opt") / PACKAGE
ROOT = Path(__file__).resolve().parents[1]

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=熟人小区
GenericName=小区党支部工作台
Comment=需求、资源、项目三张清单，协商议事、接待走访与邻里公约
Exec=shuren
Icon={package}
Terminal=false
Categories=Office;
StartupWMClass=shuren
"""

CONTROL = """Package: {package}
Version: {version}
Architecture: amd64
Maintainer: 熟人小区 <shuren-xiaoqu@localhost>
Installed-Size: {size_kib}
Depends: {depends}
Section: misc
Priority: optional
Homepage: https://example.invalid/shuren-xiaoqu
Description: 熟人小区：小区党支部工作台
 需求、资源、项目三张清单，协商议事、接待走访、邻里公约与共建单位，
 离线可用，数据保存在本机，网络畅通时同步到街道办。
 The app is self-contained (Python and Qt are inside); it needs the desktop's
 own graphics, fonts and printing libraries, listed in Depends.
"""

_GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")
# Libraries the C library itself provides (found through libc6 whatever their file name).
_LIBC_PARTS = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return [
        p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)
    ]


def glibc_needed(files: list[Path]) -> tuple[int, int]:
    """The newest GLIBC_x.y symbol version any of the files asks for."""
    newest = (2, 17)
    for path in files:
        for match in _GLIBC.finditer(path.read_bytes()):
            newest = max(newest, (int(match[1]), int(match[2])))
    return newest


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file (`objdump -p`)."""
    out = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def system_libraries(files: list[Path]) -> set[str]:
    """The libraries the bundle's programs need that the bundle does not carry."""
    carried = {p.name for p in files}
    wanted = {name for path in files for name in needed_libraries(path)}
    return {name for name in wanted - carried if not name.startswith(_LIBC_PARTS)}


def debian_package_of(library: str) -> str | None:
    """The installed package holding ``library`` on this machine, or None."""
    found = subprocess.run(
        ["dpkg", "-S", f"*/{library}"], capture_output=True, text=True, check=False
    )
    for line in found.stdout.splitlines():
        package = line.split(":", 1)[0].strip()
        if package and " " not in package:
            return package
    return None


def depends(bundle: Path, extra: tuple[str, ...] = ("libcups2",)) -> str:
    """The Depends field: glibc at the version needed, then the system libraries' packages."""
    files = elf_files(bundle)
    major, minor = glibc_needed(files)
    packages = {p for p in map(debian_package_of, system_libraries(files)) if p}
    packages -= {"libc6"}
    packages |= set(extra)
    return ", ".join([f"libc6 (>= {major}.{minor})", *sorted(packages)])


def stage(bundle: Path, staging: Path, version: str, depends_field: str) -> None:
    """The package's file tree under ``staging``."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / "shuren").symlink_to(Path("..", "..", INSTALL_DIR, "shuren"))
    applications = staging / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{PACKAGE}.desktop").write_text(
        DESKTOP_ENTRY.format(package=PACKAGE), encoding="utf-8"
    )
    icons = staging / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "app.svg", icons / f"{PACKAGE}.svg")
    doc = staging / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "README").write_text(
        "熟人小区安装在 /opt/shuren-xiaoqu。卸载软件不会删除数据：数据在每位用户的\n"
        "~/.local/share/ShurenXiaoqu 文件夹。安装后可运行 shuren self-test 自检。\n",
        encoding="utf-8",
    )
    files = [p for p in staging.rglob("*") if p.is_file() and not p.is_symlink()]
    size_kib = sum(p.stat().st_size for p in files) // 1024
    (staging / "DEBIAN").mkdir()
    (staging / "DEBIAN" / "control").write_text(
        CONTROL.format(package=PACKAGE, version=version, size_kib=size_kib, depends=depends_field),
        encoding="utf-8",
    )
    for path in staging.rglob("*"):  # dpkg-deb refuses group- or world-writable folders
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or _executable(path) else 0o644)


def _executable(path: Path) -> bool:
    return bool(path.stat().st_mode & 0o111)


def build(bundle: Path, out_dir: Path, version: str) -> Path:
    staging = out_dir / f"{PACKAGE}-staging"
    stage(bundle, staging, version, depends(bundle))
    deb = out_dir / f"{PACKAGE}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(staging)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    deb = build(args.bundle, args.out_dir, __version__)
    print(f"{deb}  {deb.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
