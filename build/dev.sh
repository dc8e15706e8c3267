#!/usr/bin/env bash
# Developer set-up for a fresh Debian/Ubuntu machine with Python 3.11 and apt.
#   bash build/dev.sh run    install everything, then open the window on demo data
#   bash build/dev.sh test   install everything, then run the whole test suite
#   bash build/dev.sh setup  install only
#   bash build/dev.sh bundle        build dist/shuren, dist/shuren-street and the .deb
#   bash build/dev.sh check-bundle  install the .deb in a temporary root and run it there
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# Shared libraries Qt's xcb platform plugin needs to open a real window, plus the tools we use
# to look at the result (Xvfb, ImageMagick's import, pdftoppm) and makensis, which compiles the
# Windows installer script (build/windows/shuren.nsi) in the tests. The bundle build needs
# binutils (PyInstaller strips libraries, make_deb.py reads what they link) and libcups2
# (the printing plugin links it; the package depends on the system's).
APT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0
  libxcb-xinerama0 libxcb-xkb1 libxcb-sync1 libxrender1 libx11-xcb1 libdbus-1-3 libfontconfig1
  libfreetype6 libglib2.0-0 fonts-dejavu-core xvfb xauth poppler-utils nsis libcups2 binutils)

install_system() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # python3 -m venv needs ensurepip, which Debian ships separately.
  if ! "$PY" -c "import ensurepip" 2>/dev/null; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv
  fi
}

install_python() {
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -c build/constraints.txt -e ".[dev]"
}

build_translations() {
  "$VENV/bin/pyside6-lrelease" -silent resources/translations/shuren_zh_CN.ts \
    -qm resources/translations/shuren_zh_CN.qm
}

setup() {
  install_system
  install_python
  build_translations
}

# Both one-folder bundles (dist/shuren, dist/shuren-street) and the Debian package.
bundle() {
  "$VENV/bin/python" -m pip install -q -c build/constraints.txt -e ".[street,bundle]"
  mkdir -p build/work
  "$VENV/bin/python" -m desktop.build_info build/work/build_info.json
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist \
    --workpath build/work build/shuren.spec
  cp build/street/shuren-street.service dist/shuren-street/
  "$VENV/bin/python" build/make_deb.py dist/shuren dist
}

case "${1:-}" in
  setup) setup ;;
  run)
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: starting the window on a virtual screen (Xvfb :99)."
      exec xvfb-run -n 99 -s "-screen 0 1400x900x24" "$VENV/bin/shuren" --demo
    fi
    exec "$VENV/bin/shuren" --demo
    ;;
  test)
    setup
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  bundle)
    setup
    bundle
    ;;
  check-bundle)
    # The package unpacked into a temporary root, run with no Python of ours on the PATH.
    exec "$VENV/bin/python" build/check_bundle.py dist
    ;;
  *)
    echo "usage: bash build/dev.sh run|test|setup|bundle|check-bundle" >&2
    exit 2
    ;;
esac
