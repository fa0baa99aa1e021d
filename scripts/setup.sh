# Sourced by ./run and ./test: a .venv with requirements.txt, and node_modules from package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
echo "setup: pip install -r requirements.txt"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
echo "setup: npm ci"
npm ci --no-audit --no-fund --loglevel=error
