"""Trust settings: input limits at the door of the API (see docs/securite.md)."""

from decouple import config

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
# its own files only, nothing inline (the Vite build has no inline script or style).
CSP_BORNE = (
    "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# API answers are JSON or PDF: nothing to load, never framed.
CSP_API = "default-src 'none'; frame-ancestors 'none'"
