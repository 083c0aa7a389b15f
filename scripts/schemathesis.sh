#!/usr/bin/env bash
# Schemathesis against a live NSIA PASS (demo data): every operation of /api/schema/, once
# anonymous and once as a signed-in client at the demo borne. Fails on any server error (5xx
# other than the documented 503) or any status code the schema does not document.
#   bash scripts/schemathesis.sh https://127.0.0.1:8443 [certificate.pem]
# Bounded: a few examples per operation, so that both runs stay well under 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?URL de base attendue}
CA=${2:-}
EXEMPLES=${SCHEMATHESIS_EXEMPLES:-8}
tls=(); curl_tls=()
if [ -n "$CA" ]; then tls=(--tls-verify "$CA"); curl_tls=(--cacert "$CA"); fi

CLE_BORNE=$(.venv/bin/python -c "import django; django.setup(); from django.conf import settings; print(settings.DEMO_BORNE_KEY)")
JETON=$(curl -sS "${curl_tls[@]}" -H "X-Borne-Id: BZV-DEMO-01" -H "X-Borne-Key: $CLE_BORNE" \
  -H "Content-Type: application/json" -d '{"police": "CG-2024-VIE-001", "telephone": "+242061234567"}' \
  "$BASE/api/v1/auth/login/" | .venv/bin/python -c "import json, sys; print(json.load(sys.stdin)['access'])")

commun=(run "$BASE/api/schema/?format=json" "${tls[@]}" --checks not_a_server_error,status_code_conformance
  --max-examples "$EXEMPLES" --request-timeout 10 --generation-deterministic --workers 2)
echo "--- anonyme"
.venv/bin/st --no-color "${commun[@]}"
echo "--- client connecté, borne de démonstration"
.venv/bin/st --no-color "${commun[@]}" -H "Authorization: Bearer $JETON" -H "X-Borne-Id: BZV-DEMO-01" -H "X-Borne-Key: $CLE_BORNE"
