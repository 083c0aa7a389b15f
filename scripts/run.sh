#!/usr/bin/env bash
# Runs NSIA PASS on this machine: environment, PostgreSQL (embedded unless DATABASE_URL is set),
# migrations, demo data, MoMo and Airtel sandboxes, the job worker and the API on http://127.0.0.1:8000.
# Ctrl-C stops everything it started; running it again reuses the data.
source "$(dirname "$0")/_commun.sh"

export DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.local
PORT=${PORT:-8000}
MOMO_PORT=${MOMO_PORT:-8090}
# The API talks to the sandbox started below and gives it its own callback URL.
export MOMO_BASE_URL=${MOMO_BASE_URL:-http://127.0.0.1:$MOMO_PORT}
export MOMO_CALLBACK_URL=${MOMO_CALLBACK_URL:-http://127.0.0.1:$PORT/api/v1/mtn/callback/}
AIRTEL_PORT=${AIRTEL_PORT:-8095}
export AIRTEL_BASE_URL=${AIRTEL_BASE_URL:-http://127.0.0.1:$AIRTEL_PORT}
# Airtel's callback URL is set in the sandbox (as in Airtel's app settings), not per request.
export AIRTEL_SANDBOX_CALLBACK_URL=${AIRTEL_SANDBOX_CALLBACK_URL:-http://127.0.0.1:$PORT/api/v1/airtel/callback/}
# The local SMS centre (SMPP) and WhatsApp stand-in (docs/sms-whatsapp.md).
SMSC_PORT=${SMSC_PORT:-2775}
SMSC_WEB_PORT=${SMSC_WEB_PORT:-8097}
WHATSAPP_PORT=${WHATSAPP_PORT:-8096}
export SMPP_PORT=${SMPP_PORT:-$SMSC_PORT}
export WHATSAPP_API_URL=${WHATSAPP_API_URL:-http://127.0.0.1:$WHATSAPP_PORT/v21.0}
export WHATSAPP_SIM_WEBHOOK_URL=${WHATSAPP_SIM_WEBHOOK_URL:-http://127.0.0.1:$PORT/api/v1/whatsapp/webhook/}
preparer_venv requirements.txt
construire_borne || echo "!! La construction de la borne a échoué : l'API démarre quand même." >&2

PIDS=()
PG_DEJA_DEMARRE=$([ -f .pgdata/postmaster.pid ] && echo oui || true)
arreter() {
  echo; echo "==> Arrêt"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # Stop the embedded PostgreSQL only if this run started it (tests or another run may use it).
  if [ -z "${DATABASE_URL:-}" ] && [ -z "$PG_DEJA_DEMARRE" ]; then .venv/bin/python -m nsia_pass_api.embedded_db stop; fi
  exit 0
}
trap arreter INT TERM

if [ -z "${DATABASE_URL:-}" ]; then
  echo "==> PostgreSQL embarqué dans .pgdata/ (aucun DATABASE_URL défini)"
else
  echo "==> PostgreSQL : DATABASE_URL"
fi
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py charger_demo
.venv/bin/python manage.py collectstatic --noinput -v0
mkdir -p .run

echo "==> Bac à sable MoMo sur http://127.0.0.1:$MOMO_PORT"
# The sandbox knows the API user and keys of settings/local.py (development values only).
read -r MOMO_SANDBOX_SUBSCRIPTION_KEY MOMO_SANDBOX_API_USER MOMO_SANDBOX_API_KEY < <(.venv/bin/python -c \
  "import django; django.setup(); from django.conf import settings as s; print(s.MOMO_SUBSCRIPTION_KEY, s.MOMO_API_USER, s.MOMO_API_KEY)")
export MOMO_SANDBOX_SUBSCRIPTION_KEY MOMO_SANDBOX_API_USER MOMO_SANDBOX_API_KEY
.venv/bin/python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port "$MOMO_PORT" &
PIDS+=($!)

echo "==> Bac à sable Airtel Money sur http://127.0.0.1:$AIRTEL_PORT"
# It knows the client id and secret of settings/local.py (development values only).
read -r AIRTEL_SANDBOX_CLIENT_ID AIRTEL_SANDBOX_CLIENT_SECRET AIRTEL_SANDBOX_CALLBACK_SECRET < <(.venv/bin/python -c \
  "import django; django.setup(); from django.conf import settings as s; print(s.AIRTEL_CLIENT_ID, s.AIRTEL_CLIENT_SECRET, s.AIRTEL_CALLBACK_SECRET)")
export AIRTEL_SANDBOX_CLIENT_ID AIRTEL_SANDBOX_CLIENT_SECRET AIRTEL_SANDBOX_CALLBACK_SECRET
.venv/bin/python -m apps.airtel_integration.sandbox --host 127.0.0.1 --port "$AIRTEL_PORT" &
PIDS+=($!)

echo "==> Centre SMS local : SMPP 127.0.0.1:$SMSC_PORT, messages reçus sur http://127.0.0.1:$SMSC_WEB_PORT/"
.venv/bin/python -m apps.notifications.simulateurs.smsc --smpp-port "$SMSC_PORT" --web-port "$SMSC_WEB_PORT" &
PIDS+=($!)
echo "==> WhatsApp local : messages reçus sur http://127.0.0.1:$WHATSAPP_PORT/"
.venv/bin/python -m apps.notifications.simulateurs.whatsapp --port "$WHATSAPP_PORT" &
PIDS+=($!)

# The job queue's worker (docs/paiements.md): sends each request-to-pay, checks statuses with
# backoff, runs the periodic jobs (reconciliation, abandoned souscriptions, lockout purge).
echo "==> Travailleur de la file de travaux (journal : .run/worker.log)"
.venv/bin/python manage.py travailleur --concurrency 8 > .run/worker.log 2>&1 &
PIDS+=($!)

# gunicorn, as in production, rather than runserver:
# what you try here is what NSIA runs.
echo "==> API sur http://127.0.0.1:$PORT  (borne : http://127.0.0.1:$PORT/borne/)"
.venv/bin/gunicorn nsia_pass_api.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers 2 --threads 4 --worker-class gthread --access-logfile - --log-level warning &
PIDS+=($!)
wait
