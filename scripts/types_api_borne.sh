#!/usr/bin/env bash
# The kiosk's API types (kiosk-electron/src/api/schema.d.ts, checked in) generated from the API's
# OpenAPI schema: drf-spectacular writes the schema from the code, openapi-typescript turns it
# into TypeScript. With --verifier, nothing is written: fails if the checked-in file is not what
# the API describes today (the API and the kiosk cannot drift apart).
source "$(dirname "$0")/_commun.sh"

TYPES=kiosk-electron/src/api/schema.d.ts
mkdir -p .run
# The schema comes from the code alone: this database address is never opened (and the
# embedded PostgreSQL is not started for it).
DATABASE_URL=postgresql://schema@127.0.0.1:9/aucune DJANGO_SETTINGS_MODULE=nsia_pass_api.settings.test \
  .venv/bin/python manage.py spectacular --file .run/openapi.yaml --validate --fail-on-warn

cible=$TYPES
[ "${1:-}" = --verifier ] && cible=.run/schema.d.ts
(cd kiosk-electron && npx --no-install openapi-typescript ../.run/openapi.yaml --output "../$cible")

if [ "$cible" != "$TYPES" ] && ! diff -u "$TYPES" "$cible"; then
  echo "!! $TYPES ne correspond plus au schéma de l'API : lancer « npm run api:types » dans kiosk-electron et commiter." >&2
  exit 1
fi
