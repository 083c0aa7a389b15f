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

# --- Backups: pg_dump -Fc of a demo database, pg_restore into a fresh one, the same figures on both
# (docs/exploitation.md). In the full run, on the live end-to-end database (below); alone, on a
# demo database of its own: SEULEMENT=restauration bash scripts/test.sh
exercice_restauration() {  # $@: options of scripts/exercice_restauration.py
  .venv/bin/python scripts/exercice_restauration.py "$@" 2> >(grep -v '^.*INFO axes' >&2)
}
if [ "${SEULEMENT:-}" = restauration ]; then
  etape "sauvegarde et restauration d'une base de démo (pg_dump -Fc, pg_restore)" exercice_restauration --demo
  if [ -z "$PG_DEJA_DEMARRE" ] && [ -z "${DATABASE_URL_INITIALE:-}" ]; then
    .venv/bin/python -m nsia_pass_api.embedded_db stop
  fi
  printf '%s\n' "${RESULTATS[@]}"
  exit "$ECHECS"
fi

# SEULEMENT=proxy bash scripts/test.sh: only the product live behind nginx and the proxy's checks
# (one way to run a part, as SEULEMENT=restauration above).
PROXY_SEUL=$([ "${SEULEMENT:-}" = proxy ] && echo oui || true)
if [ -z "$PROXY_SEUL" ]; then
etape "ruff (style Python)" .venv/bin/ruff check .
# Layers between apps: gateways never call up into the domain (pyproject.toml, [tool.importlinter]).
etape "import-linter (couches : passerelles, cœur des paiements)" .venv/bin/lint-imports --no-cache
etape "pytest (API, base PostgreSQL, bacs à sable MoMo et Airtel)" .venv/bin/python -m pytest --create-db -q

if [ -f kiosk-electron/package.json ]; then
  etape "borne : installation npm" bash -c "cd kiosk-electron && npm ci --no-audit --no-fund --loglevel=error"
  etape "borne : tests unitaires (Vitest, Electron)" bash -c "cd kiosk-electron && npm test --silent"
  # ESLint: recommended rules and bulletproof-react's import boundaries (eslint.config.mjs).
  etape "borne : ESLint (frontières entre fonctions)" bash -c "cd kiosk-electron && npm run --silent lint"
  # The kiosk's API types are generated from the API's OpenAPI schema (no database needed):
  # regenerating them must change nothing, so the API and the kiosk cannot drift apart.
  etape "borne : types de l'API à jour (OpenAPI → openapi-typescript)" bash scripts/types_api_borne.sh --verifier
  # The production build must carry no test knob; the e2e tests then use a test build
  # (VITE_REGLAGES_TEST=1: short inactivity delays from the page address).
  etape "borne : construction" bash -c "cd kiosk-electron && npm run build --silent && npm run --silent verifier:production"
  # --- Trust: the page served at /borne/ runs under CSP default-src 'self': nothing inline. ---
  etape "borne : aucun script ni style en ligne" bash -c \
    "! grep -oE '<script[^>]*>|<style|style=' kiosk-electron/dist/index.html | grep -v 'src='"
  etape "borne : construction pour les tests de bout en bout" bash -c "cd kiosk-electron && npm run build:test --silent"
fi
fi

# --- The product live: API (gunicorn) + job worker + MoMo and Airtel sandboxes on a fresh database with the demo data ---
E2E_PORT=${E2E_PORT:-8001}
E2E_MOMO_PORT=${E2E_MOMO_PORT:-8091}
E2E_AIRTEL_PORT=${E2E_AIRTEL_PORT:-8094}
E2E_HTTPS_PORT=${E2E_HTTPS_PORT:-8443}  # nginx (TLS) in front of the API, as in docker-compose
E2E_SMSC_PORT=${E2E_SMSC_PORT:-2776}  # the local SMS centre (SMPP) and its page
E2E_SMSC_WEB_PORT=${E2E_SMSC_WEB_PORT:-8098}
E2E_WHATSAPP_PORT=${E2E_WHATSAPP_PORT:-8099}
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
  export AIRTEL_BASE_URL="http://127.0.0.1:$E2E_AIRTEL_PORT"
  export AIRTEL_SANDBOX_CALLBACK_URL="http://127.0.0.1:$E2E_PORT/api/v1/airtel/callback/"
  export AIRTEL_SANDBOX_PROCESSING_SECONDS=1
  export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
  export PROXY_DE_CONFIANCE=true  # the browser and newman come through nginx (below)
  # The demo client's telephone gets one code from the notifications check, one from Postman and
  # one per screen size in the browser tests; pytest proves the limit of 3 an hour itself.
  export CODES_PREUVE_PAR_HEURE=6
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
  read -r AIRTEL_SANDBOX_CLIENT_ID AIRTEL_SANDBOX_CLIENT_SECRET < <(.venv/bin/python -c \
    "import django; django.setup(); from django.conf import settings as s; print(s.AIRTEL_CLIENT_ID, s.AIRTEL_CLIENT_SECRET)")
  export AIRTEL_SANDBOX_CLIENT_ID AIRTEL_SANDBOX_CLIENT_SECRET
  .venv/bin/python -m apps.airtel_integration.sandbox --host 127.0.0.1 --port "$E2E_AIRTEL_PORT" > .run/e2e-airtel.log 2>&1 &
  PIDS+=($!)
  # The SMS centre and the WhatsApp stand-in: the worker sends the notifications to them.
  export SMPP_PORT=$E2E_SMSC_PORT WHATSAPP_API_URL="http://127.0.0.1:$E2E_WHATSAPP_PORT/v21.0"
  export WHATSAPP_SIM_WEBHOOK_URL="http://127.0.0.1:$E2E_PORT/api/v1/whatsapp/webhook/"
  .venv/bin/python -m apps.notifications.simulateurs.smsc --smpp-port "$E2E_SMSC_PORT" \
    --web-port "$E2E_SMSC_WEB_PORT" > .run/e2e-smsc.log 2>&1 &
  PIDS+=($!)
  .venv/bin/python -m apps.notifications.simulateurs.whatsapp --port "$E2E_WHATSAPP_PORT" > .run/e2e-whatsapp.log 2>&1 &
  PIDS+=($!)
  # The job queue's worker: sends request-to-pay, checks statuses, runs the periodic jobs.
  .venv/bin/python manage.py travailleur --concurrency 8 > .run/e2e-worker.log 2>&1 &
  PIDS+=($!)
  .venv/bin/gunicorn nsia_pass_api.wsgi:application --bind "127.0.0.1:$E2E_PORT" --workers 2 --threads 4 \
    --worker-class gthread --log-level warning > .run/e2e-api.log 2>&1 &
  PIDS+=($!)
  attendre_url "http://127.0.0.1:$E2E_PORT/health/" 30
}

# --- Trust: Debian's nginx in front of the live API over HTTPS (throwaway certificate), with
# deploy/nginx's template, the one docker-compose ships: the browser and newman go through it.
PROXY_TLS=.run/nginx
attendre_proxy() {  # $1: port, $2: certificate
  for _ in $(seq 1 50); do
    curl -fsS --cacert "$2" -o /dev/null "https://127.0.0.1:$1/health/" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "!! nginx ne répond pas sur https://127.0.0.1:$1" >&2; return 1
}
demarrer_proxy_tls() {
  OPERATEURS_ADRESSES_AUTORISEES="" bash scripts/proxy_tls.sh "$PROXY_TLS" "$E2E_HTTPS_PORT" "127.0.0.1:$E2E_PORT" &
  PIDS+=($!)
  attendre_proxy "$E2E_HTTPS_PORT" "$PROXY_TLS/certificat.pem"
}
verifier_proxy_tls() {  # what the proxy itself guarantees: body limit (JSON error), HSTS
  local url="https://127.0.0.1:$E2E_HTTPS_PORT" entetes corps
  entetes=$(curl -sS --cacert "$PROXY_TLS/certificat.pem" -D - -o /dev/null "$url/api/v1/produits/") || return 1
  grep -qi '^strict-transport-security: max-age=31536000' <<<"$entetes" || { echo "!! HSTS absent" >&2; return 1; }
  grep -qi "^content-security-policy: default-src 'none'" <<<"$entetes" || { echo "!! CSP absente" >&2; return 1; }
  corps=$(head -c 100000 /dev/zero | tr '\0' x | curl -sS --cacert "$PROXY_TLS/certificat.pem" -w ' %{http_code}' \
    -H 'Content-Type: application/json' --data-binary @- "$url/api/v1/auth/login/") || return 1
  [[ "$corps" == *'"corps_trop_volumineux"'*' 413' ]] || { echo "!! 413 attendu : $corps" >&2; return 1; }
}
BASE_E2E="https://127.0.0.1:$E2E_HTTPS_PORT"
# --- Trust: forged operator callbacks stop at nginx (limit per address: 429), the operator's
# callbacks still get through; with an address list, the other addresses get 403 from nginx.
E2E_HTTPS_PORT_OPERATEURS=${E2E_HTTPS_PORT_OPERATEURS:-8444}  # a second nginx, with an address list
rappels_forges() {  # $1: base URL, $2: certificate, $3: count; MTN and Airtel in turn, all at once from 127.0.0.1
  local i
  rm -rf .run/rappels; mkdir -p .run/rappels
  for i in $(seq 1 "$3"); do
    printf 'url = "%s/api/v1/%s/callback/?ref=forge-%s"\noutput = ".run/rappels/%s"\n' \
      "$1" "$([ $((i % 2)) = 0 ] && echo mtn || echo airtel)" "$i" "$i"
  done | curl -sS --cacert "$2" --parallel --parallel-max 20 --no-progress-meter -X POST -H 'Content-Type: application/json' \
    -d '{"status": "SUCCESSFUL"}' -w '%{http_code}\n' -K -
}
rappel_operateur() {  # $1: base URL, $2: certificate, $3: source address; prints the status
  # An unknown reference: gunicorn answers 404, nginx never does on this path (only 429 or 403).
  curl -sS --cacert "$2" --interface "$3" -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
    -d "{\"externalId\": \"PAY-OPERATEUR-$RANDOM\", \"status\": \"SUCCESSFUL\"}" "$1/api/v1/mtn/callback/"
}
verifier_limite_rappels() {
  local url="https://127.0.0.1:$E2E_HTTPS_PORT" ca="$PROXY_TLS/certificat.pem" codes n429 json corps code pid
  # 200 forged callbacks at once from one address: the burst (10) and ~5 a second reach
  # gunicorn (404: unknown reference), the rest get nginx's 429 with the API's JSON error body.
  codes=$(rappels_forges "$url" "$ca" 200) || return 1
  echo "200 rappels forgés d'une même adresse :" $(sort <<<"$codes" | uniq -c)
  n429=$(grep -c '^429$' <<<"$codes"); json=$(grep -l '"code": "trop_de_requetes"' .run/rappels/* | wc -l)
  [ "$n429" -ge 100 ] && [ "$json" -eq "$n429" ] && [ "$(grep -c '^404$' <<<"$codes")" -eq $((200 - n429)) ] ||
    { echo "!! attendu : 404 de gunicorn dans la rafale, 429 JSON de nginx au-delà ($json corps JSON)" >&2; return 1; }
# Meanwhile the operator, from its own address, is not slowed down by the flood of another.
  code=$(rappel_operateur "$url" "$ca" 127.0.0.2)
  [ "$code" = 404 ] || { echo "!! rappel de l'opérateur : 404 de gunicorn attendu, reçu $code" >&2; return 1; }
  # With OPERATEURS_ADRESSES_AUTORISEES: only the listed addresses reach the callbacks.
  OPERATEURS_ADRESSES_AUTORISEES="127.0.0.2, 10.0.0.0/8" bash scripts/proxy_tls.sh .run/nginx-operateurs \
    "$E2E_HTTPS_PORT_OPERATEURS" "127.0.0.1:$E2E_PORT" &
  pid=$!
  attendre_proxy "$E2E_HTTPS_PORT_OPERATEURS" .run/nginx-operateurs/certificat.pem || { kill "$pid"; return 1; }
  url="https://127.0.0.1:$E2E_HTTPS_PORT_OPERATEURS"; ca=.run/nginx-operateurs/certificat.pem
  corps=$(curl -sS --cacert "$ca" -w ' %{http_code}' -X POST "$url/api/v1/airtel/callback/")
  code=$(rappel_operateur "$url" "$ca" 127.0.0.2)
  kill "$pid"; wait "$pid" 2>/dev/null
  [[ "$corps" == *'"interdit"'*' 403' ]] || { echo "!! adresse hors liste : 403 attendu : $corps" >&2; return 1; }
  [ "$code" = 404 ] || { echo "!! adresse de la liste : 404 de gunicorn attendu, reçu $code" >&2; return 1; }
}

mkdir -p .run
etape "produit en marche (API + travailleur + bacs à sable MoMo et Airtel + démo)" demarrer_produit
# While the product writes: the figures and the dump come from one snapshot of the database.
etape "sauvegarde et restauration de la base de démo en marche (pg_dump -Fc, pg_restore)" \
  exercice_restauration --source "$DATABASE_URL"
etape "proxy TLS (nginx) devant l'API" demarrer_proxy_tls
etape "proxy TLS : limite de corps, HSTS, CSP" verifier_proxy_tls
etape "proxy TLS : rappels opérateurs limités par adresse (429), liste d'adresses (403)" verifier_limite_rappels
if [ -z "$PROXY_SEUL" ]; then
etape "notifications : un code demandé arrive au centre SMS (SMPP) et sur WhatsApp" \
  .venv/bin/python scripts/e2e_notifications.py "http://127.0.0.1:$E2E_PORT" \
  "http://127.0.0.1:$E2E_SMSC_WEB_PORT" "http://127.0.0.1:$E2E_WHATSAPP_PORT"
# The collection reads the proof codes where a developer would: on the local simulators' pages.
if [ -f postman/package.json ]; then
  etape "Postman (newman) contre l'API en marche, via nginx (HTTPS)" bash -c \
    "cd postman && npm ci --no-audit --no-fund --loglevel=error && npm run --silent newman -- --insecure --env-var baseUrl=$BASE_E2E \
     --env-var smscUrl=http://127.0.0.1:$E2E_SMSC_WEB_PORT --env-var whatsappUrl=http://127.0.0.1:$E2E_WHATSAPP_PORT"
fi
if [ -d kiosk-electron/e2e ]; then
  etape "borne : bout en bout dans Chromium, via nginx (HTTPS)" bash -c \
    "cd kiosk-electron && E2E_BASE_URL=$BASE_E2E E2E_IGNORER_CERTIFICAT=1 \
     E2E_SMSC_URL=http://127.0.0.1:$E2E_SMSC_WEB_PORT E2E_WHATSAPP_URL=http://127.0.0.1:$E2E_WHATSAPP_PORT npm run --silent e2e"
fi
# --- Trust: Schemathesis, every operation, anonymous then signed in, through nginx (last: its
# wrong inputs fill the anonymous limits of 127.0.0.1). 0 server error, 0 undocumented status.
etape "Schemathesis contre l'API en marche, via nginx (HTTPS)" \
  timeout 170 bash scripts/schemathesis.sh "$BASE_E2E" "$PROXY_TLS/certificat.pem"
fi
arreter_serveurs

if [ -z "$PG_DEJA_DEMARRE" ] && [ -z "${DATABASE_URL_INITIALE:-}" ]; then
  .venv/bin/python -m nsia_pass_api.embedded_db stop
fi

echo; echo "==================== Résumé ===================="
printf '%s\n' "${RESULTATS[@]}"
echo "$(( ${#RESULTATS[@]} - ECHECS )) étapes réussies, $ECHECS en échec."
[ "$ECHECS" -eq 0 ]
