"""Trust settings: input limits at the door of the API (see docs/securite.md)."""

import json
from pathlib import Path

from decouple import config

_RACINE = Path(__file__).resolve().parents[3]  # the project (settings/integrations/ is 3 below)

# Request bodies under /api/: larger → 413 before reading; deeper JSON → 400 before parsing.
API_CORPS_MAX_OCTETS = config("API_CORPS_MAX_OCTETS", default=64 * 1024, cast=int)
API_JSON_PROFONDEUR_MAX = config("API_JSON_PROFONDEUR_MAX", default=20, cast=int)
# Database unreachable → 503 with this Retry-After; Django reconnects on the next request.
API_RETRY_AFTER_BASE_SECONDES = config("API_RETRY_AFTER_BASE_SECONDES", default=5, cast=int)

# Public endpoints, per client address (apps.core.api.ThrottleAnonyme): "N/s|min|hour|day".
THROTTLE_ANONYME = config("THROTTLE_ANONYME", default="120/min")
# Wrong kiosk keys: this many failures for one X-Borne-Id lock that id for the window (429).
BORNE_ECHECS_MAX = config("BORNE_ECHECS_MAX", default=10, cast=int)
BORNE_ECHECS_FENETRE_MINUTES = config("BORNE_ECHECS_FENETRE_MINUTES", default=15, cast=int)
# Production only (production.py): the system checks and the WSGI start refuse a database
# holding demo data (its credentials are public).
REFUSER_DONNEES_DEMO = False

# Content-Security-Policy (apps.core.middleware.PolitiqueContenuMiddleware). The kiosk page:
# the directives its build and its Electron shell use (kiosk-electron/commun/, one list for
# all three), the API being its own origin; a header can also forbid framing, a meta tag cannot.
_POLITIQUE_BORNE = _RACINE / "kiosk-electron" / "commun" / "politique-contenu.json"
CSP_BORNE = "; ".join(
    [
        *json.loads(_POLITIQUE_BORNE.read_text(encoding="utf-8"))["directives"],
        "connect-src 'self'",
        "frame-ancestors 'none'",
    ]
)
# API answers are JSON or PDF: nothing to load, never framed.
CSP_API = "default-src 'none'; frame-ancestors 'none'"
