#!/usr/bin/env bash
# The one test command: sets up .venv (first run), then ruff, mypy and pytest.
# Usage: bash scripts/test.sh [extra pytest args]   e.g.  bash scripts/test.sh --snapshot-update
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '==> %s\n' "$*"; }
loud() { printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! %s\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n' "$*" >&2; }

# Toolchains that live outside a login shell's PATH on many machines.
for dir in "$HOME/.cargo/bin" /usr/local/go/bin; do
  if [[ -d "$dir" && ":$PATH:" != *":$dir:"* ]]; then PATH="$PATH:$dir"; fi
done
export PATH

# --- Python environment -------------------------------------------------------------------------
python_bin=""
for candidate in python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python_bin="$candidate"; break
  fi
done
if [[ ! -x .venv/bin/python ]]; then
  if [[ -z "$python_bin" ]]; then loud "Python >= 3.11 not found (need python3.11)"; exit 1; fi
  say "creating .venv with $python_bin"
  "$python_bin" -m venv .venv || { loud "could not create .venv"; exit 1; }
fi
py=.venv/bin/python
# Let Python cache bytecode even where the shell exports PYTHONDONTWRITEBYTECODE: go2rs is installed
# editable, so without .pyc every `python -m go2rs` a test starts recompiles all of go2rs (>100 ms).
unset PYTHONDONTWRITEBYTECODE

# Reinstall only when the dependency list changed (the install is editable: code changes need none).
stamp=.venv/.go2rs-install-stamp
want="$("$py" -c 'import hashlib; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())')"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  say "installing go2rs and its test dependencies into .venv"
  "$py" -m pip install --quiet --disable-pip-version-check -e '.[test]' || {
    loud "pip install -e '.[test]' failed"; exit 1; }
  echo "$want" > "$stamp"
fi

# --- External tools the checks use --------------------------------------------------------------
# Debian's chromium for the `go2rs serve` browser tests (Playwright drives it; it never downloads
# a browser). Installed when missing and we are root with apt-get, as in CI.
if [[ ! -x /usr/bin/chromium && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's chromium for the browser tests"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      chromium fonts-dejavu-core; } >/tmp/go2rs-apt.log 2>&1 ||
    loud "apt-get install chromium failed (see /tmp/go2rs-apt.log)"
fi
missing=()
[[ -x /usr/bin/chromium ]] || missing+=("chromium (browser tests of go2rs serve: apt-get install chromium)")
command -v cargo >/dev/null 2>&1 || missing+=("cargo (Rust compile checks)")
command -v rustfmt >/dev/null 2>&1 || missing+=("rustfmt (format stability checks)")
if command -v cargo >/dev/null 2>&1 && ! cargo clippy --version >/dev/null 2>&1; then
  missing+=("clippy (rustup component add clippy)")
fi
command -v gofmt >/dev/null 2>&1 || missing+=("gofmt (Go case validity)")
if ((${#missing[@]})); then
  loud "MISSING TOOLS: ${missing[*]} -- those tests will SKIP${CI:+ (CI is set: they FAIL)}"
fi

# --- Checks: run them all, fail if any failed -----------------------------------------------------
status=0
say "ruff check src tests"
"$py" -m ruff check src tests || status=1
say "mypy"
"$py" -m mypy || status=1
say "pytest"
"$py" -m pytest -q "$@" || status=1

if ((status)); then say "FAILED"; else say "all checks passed"; fi
exit "$status"
