#!/usr/bin/env bash
# Runs every test of NSIA PASS: Python (pytest on PostgreSQL, ruff, migrations), the kiosk's
# unit tests, then the API live with demo data and the MoMo sandbox for the Postman collection
# (newman) and the end-to-end tests in Chromium. Prints one line per step and a summary.
source "$(dirname "$0")/_commun.sh"
set +e

export DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.test
DATABASE_URL_INITIALE=${DATABASE_URL:-}
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
preparer_venv requirements-dev.txt || exit 1

RESULTATS=()
ECHECS=0
# The embedded PostgreSQL is stopped at the end only if this run started it.
PG_DEJA_DEMARRE=$([ -f .pgdata/postmaster.pid ] && echo oui || true)
etape() {  # $1: label, rest: command
  local libelle=$1; shift
  echo; echo "==> $libelle"
  local debut=$SECONDS
  if "$@"; then
    RESULTATS+=("ok     $libelle ($((SECONDS - debut)) s)")
  else
    RESULTATS+=("ÉCHEC  $libelle ($((SECONDS - debut)) s)")
    ECHECS=$((ECHECS + 1))
  fi
}

etape "ruff (style Python)" .venv/bin/ruff check .
etape "pytest (API, base PostgreSQL, bac à sable MoMo)" .venv/bin/python -m pytest --create-db -q

if [ -f kiosk-electron/package.json ]; then
  etape "borne : installation npm" bash -c "cd kiosk-electron && npm ci --no-audit --no-fund --loglevel=error"
  etape "borne : tests unitaires (Vitest, Electron)" bash -c "cd kiosk-electron && npm test --silent"
  # The production build must carry no test knob; the e2e tests then use a test build
  # (VITE_REGLAGES_TEST=1: short inactivity delays from the page address).
  etape "borne : construction" bash -c "cd kiosk-electron && npm run build --silent && npm run --silent verifier:production && npm run build:test --silent"
fi

# --- The product live: API (gunicorn) + MoMo sandbox on a fresh database with the demo data ---
E2E_PORT=${E2E_PORT:-8001}
E2E_MOMO_PORT=${E2E_MOMO_PORT:-8091}
PIDS=()
arreter_serveurs() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  PIDS=()
}
trap arreter_serveurs EXIT

demarrer_produit() {
  export DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.local
  # A fresh database of its own, never the developer's (see scripts/base_e2e.py).
  DATABASE_URL=$(.venv/bin/python scripts/base_e2e.py) || return 1
  export DATABASE_URL
  export MOMO_BASE_URL="http://127.0.0.1:$E2E_MOMO_PORT"
  export MOMO_CALLBACK_URL="http://127.0.0.1:$E2E_PORT/api/v1/mtn/callback/"
  export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
  # Short sandbox delays so the browser sees payments settle quickly.
  export MOMO_SANDBOX_PROCESSING_SECONDS=1 MOMO_SANDBOX_CALLBACK_DELAY_SECONDS=0.2
  .venv/bin/python manage.py migrate --noinput -v0 || return 1
  .venv/bin/python manage.py charger_demo >/dev/null || return 1
  .venv/bin/python manage.py collectstatic --noinput -v0 || return 1
  read -r MOMO_SANDBOX_SUBSCRIPTION_KEY MOMO_SANDBOX_API_USER MOMO_SANDBOX_API_KEY < <(.venv/bin/python -c \
    "import django; django.setup(); from django.conf import settings as s; print(s.MOMO_SUBSCRIPTION_KEY, s.MOMO_API_USER, s.MOMO_API_KEY)")
  export MOMO_SANDBOX_SUBSCRIPTION_KEY MOMO_SANDBOX_API_USER MOMO_SANDBOX_API_KEY
  .venv/bin/python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port "$E2E_MOMO_PORT" > .run/e2e-sandbox.log 2>&1 &
  PIDS+=($!)
  .venv/bin/gunicorn nsia_pass_api.wsgi:application --bind "127.0.0.1:$E2E_PORT" --workers 2 --threads 4 \
    --worker-class gthread --log-level warning > .run/e2e-api.log 2>&1 &
  PIDS+=($!)
  attendre_url "http://127.0.0.1:$E2E_PORT/health/" 30
}

mkdir -p .run
etape "produit en marche (API + bac à sable MoMo + démo)" demarrer_produit
if [ -f postman/package.json ]; then
  etape "Postman (newman) contre l'API en marche" bash -c \
    "cd postman && npm ci --no-audit --no-fund --loglevel=error && npm run --silent newman -- --env-var baseUrl=http://127.0.0.1:$E2E_PORT"
fi
if [ -d kiosk-electron/e2e ]; then
  etape "borne : bout en bout dans Chromium" bash -c \
    "cd kiosk-electron && E2E_BASE_URL=http://127.0.0.1:$E2E_PORT npm run --silent e2e"
fi
arreter_serveurs

if [ -z "$PG_DEJA_DEMARRE" ] && [ -z "${DATABASE_URL_INITIALE:-}" ]; then
  .venv/bin/python -m nsia_pass_api.embedded_db stop
fi

echo; echo "==================== Résumé ===================="
printf '%s\n' "${RESULTATS[@]}"
echo "$(( ${#RESULTATS[@]} - ECHECS )) étapes réussies, $ECHECS en échec."
[ "$ECHECS" -eq 0 ]
