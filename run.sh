#!/usr/bin/env bash
# HomeAssess quick start. On a fresh Debian or Ubuntu machine with Python 3.11+:
#   ./run.sh          set everything up, then open HomeAssess (the demo assessment is there on a new store)
#   ./run.sh test     set everything up, then run the whole test suite (in parallel; extra arguments go to pytest)
#   ./run.sh build    build the desktop bundle dist/HomeAssess/ (PyInstaller, clean venv) and run its self-test
# Anything else is passed to the homeassess command line, e.g. ./run.sh check door_clear_width "30 1/2".
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '%s\n' "run.sh: $*" >&2; }

pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "HomeAssess needs Python 3.11 or newer; install it (e.g. apt-get install python3) and run again."
  exit 1
}

apt_install() {
  # Installs the Debian packages named, if any is missing (as root, or through sudo).
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || { say "please install: ${missing[*]}"; return 0; }
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Libraries Qt links to (offscreen and on a desktop), a font, and venv support.
QT_LIBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
DESKTOP_LIBS=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
              libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1)
mode="${1:-start}"
if [ "$mode" = "test" ]; then apt_install "${QT_LIBS[@]}"; else apt_install "${QT_LIBS[@]}" "${DESKTOP_LIBS[@]}"; fi

PY=$(pick_python)

build_bundle() {
  # A separate venv with only the runtime dependencies, so nothing from development leaks into the bundle.
  if [ ! -x .venv-build/bin/python ]; then "$PY" -m venv .venv-build; fi
  .venv-build/bin/python -m pip install --quiet --upgrade pip
  .venv-build/bin/python -m pip install --quiet . "pyinstaller>=6.10,<7"
  rm -rf build/HomeAssess dist/HomeAssess
  .venv-build/bin/pyinstaller --noconfirm --log-level WARN homeassess.spec
  say "bundle: $(du -sh dist/HomeAssess | cut -f1) in dist/HomeAssess/"
  QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" dist/HomeAssess/homeassess selftest
}

if [ "$mode" = "build" ]; then build_bundle; exit $?; fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv "$(basename "$PY")-venv" 2>/dev/null || apt_install python3-venv
    "$PY" -m venv .venv
  fi
fi
# Reinstall when pyproject.toml changes.
stamp=.venv/.homeassess-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing HomeAssess and its dependencies into .venv (first run takes a few minutes)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi

case "$mode" in
  test)
    shift || true
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    # Bytecode once up front: the suite starts many `python -m homeassess` processes, which would each
    # compile the sources again where PYTHONDONTWRITEBYTECODE is set.
    .venv/bin/python -m compileall -q homeassess benchmarks >/dev/null
    # Every test, spread over the CPUs (pytest-xdist; worksteal evens out the long ones).
    exec .venv/bin/python -m pytest -n auto --dist worksteal "$@"
    ;;
  start)
    shift || true
    exec .venv/bin/homeassess "$@"
    ;;
  *)
    exec .venv/bin/homeassess "$@"
    ;;
esac
