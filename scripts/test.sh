#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (system
# services through scripts/setup.d/*.sh, Python packages into .venv), then runs
# every test, slow ones included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# apt_install PKG...: installs Debian packages that are missing (apt-get update once).
_apt_updated=""
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ -z "$_apt_updated" ]; then
        $sudo apt-get update -qq
        _apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# each part that needs a system package or a service sets it up in its own file
for setup in scripts/setup.d/*.sh; do
    [ -e "$setup" ] || continue
    # shellcheck source=/dev/null
    . "$setup"
done

exec .venv/bin/python -m pytest "$@"
