#!/usr/bin/env bash
# Screenshots of the agents' workspace into docs/captures/ (home page, client page, attribution
# in series), taken in headless Chromium after signing in through the admin's login form.
# Uses the development database (.pgdata, demo data) and PORT (default 8000) like run.sh, and
# playwright-core from the kiosk's node_modules (npm ci in kiosk-electron first).
source "$(dirname "$0")/_commun.sh"

export DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.local
PORT=${PORT:-8000}
preparer_venv requirements.txt
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py charger_demo >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
# A few more souscriptions waiting for a police, so that the series shows several numbers.
.venv/bin/python scripts/captures_donnees.py

.venv/bin/gunicorn nsia_pass_api.wsgi:application --bind "127.0.0.1:$PORT" --workers 1 --log-level warning &
SERVEUR=$!
trap 'kill $SERVEUR 2>/dev/null || true' EXIT
attendre_url "http://127.0.0.1:$PORT/health/" 30
NODE_PATH=${NODE_PATH:-$ROOT/kiosk-electron/node_modules} BASE_URL="http://127.0.0.1:$PORT" \
  CHROMIUM=${CHROMIUM:-/usr/bin/chromium} node scripts/captures_admin.cjs
