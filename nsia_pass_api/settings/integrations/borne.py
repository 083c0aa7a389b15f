from decouple import config

# Sign-in, subscriptions and payments require a registered, active kiosk (X-Borne-Id/Key).
BORNE_REQUIRED = config("BORNE_REQUIRED", default=True, cast=bool)
# Development only: the demo kiosk's key (the demo loader registers BZV-DEMO-01 with it).
DEMO_BORNE_KEY = config("DEMO_BORNE_KEY", default="")
# Development only: serve /borne/config.json with the demo kiosk's credentials so the
# kiosk runs in a plain browser. Never on in production.
BORNE_WEB_CONFIG = config("BORNE_WEB_CONFIG", default=False, cast=bool)
# Behind NSIA's reverse proxy (nginx) the client address is the last X-Forwarded-For entry,
# the one the proxy itself appended. Off by default: the header is then ignored.
PROXY_DE_CONFIANCE = config("PROXY_DE_CONFIANCE", default=False, cast=bool)
# The agents' home page flags an active kiosk silent for longer than this (it signals every few minutes).
BORNE_HORS_LIGNE_MINUTES = config("BORNE_HORS_LIGNE_MINUTES", default=15, cast=int)
