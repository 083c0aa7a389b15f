# Shared by scripts/run.sh and scripts/test.sh: the virtualenv and its packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

trouver_python() {
  for candidat in "${PYTHON:-}" python3.11 python3; do
    if [ -n "$candidat" ] && command -v "$candidat" >/dev/null 2>&1 &&
       "$candidat" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      echo "$candidat"; return 0
    fi
  done
  echo "Python 3.11 est requis (python3.11 introuvable)." >&2
  return 1
}

preparer_venv() {  # $1: requirements file
  local requirements=$1
  if [ ! -x .venv/bin/python ]; then
    echo "==> Création de l'environnement Python (.venv)"
    "$(trouver_python)" -m venv .venv
  fi
  # Reinstall only when the requirements changed since the last install.
  local empreinte; empreinte=$(cat requirements*.txt | sha256sum | cut -c1-16)-$requirements
  if [ "$(cat .venv/.installe 2>/dev/null)" != "$empreinte" ]; then
    echo "==> Installation des dépendances ($requirements)"
    # (the machine's pip config may list local mirrors that do not exist: hide those warnings)
    .venv/bin/pip install -q --disable-pip-version-check -r "$requirements" 2> >(grep -v "^WARNING: Location" >&2)
    echo "$empreinte" > .venv/.installe
  fi
}

construire_borne() {  # the kiosk's web build, served by the API at /borne/
  if ! command -v npm >/dev/null 2>&1; then
    echo "!! npm introuvable : la borne (/borne/) ne sera pas construite." >&2; return 0
  fi
  echo "==> Construction de la borne (kiosk-electron)"
  (cd kiosk-electron && export ELECTRON_SKIP_BINARY_DOWNLOAD=1 &&
     { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } &&
     npm run build --silent)
}

attendre_url() {  # $1 url, $2 seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do
    if .venv/bin/python -c "import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "!! $1 ne répond pas après $2 s" >&2; return 1
}
