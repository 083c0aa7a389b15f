"""Production: every secret from the environment, no demo credential, refuses to start otherwise."""

from django.core.exceptions import ImproperlyConfigured

from nsia_pass_api.settings.base import *  # noqa: F403
from nsia_pass_api.settings.base import DATABASE_URL, SECRET_KEY, database_from_url
from nsia_pass_api.settings.integrations.borne import BORNE_WEB_CONFIG, DEMO_BORNE_KEY

DEBUG = False

_KNOWN_DEV_SECRETS = {"", "dev-only-insecure-key-nsia-pass-never-in-production", "change-me"}
if SECRET_KEY in _KNOWN_DEV_SECRETS or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY manquant ou trop faible (50 caractères au moins) : refus de démarrer."
    )
if DEMO_BORNE_KEY or BORNE_WEB_CONFIG:
    raise ImproperlyConfigured(
        "Identifiants de démonstration (DEMO_BORNE_KEY / BORNE_WEB_CONFIG) interdits en production."
    )
from decouple import config  # noqa: E402

if config("DEMO_AGENT_PASSWORD", default=""):
    raise ImproperlyConfigured("DEMO_AGENT_PASSWORD est interdit en production.")
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL est obligatoire en production.")

DATABASES = {"default": database_from_url(DATABASE_URL)}
REFUSER_DONNEES_DEMO = True

# Served over TLS only, by the nginx of docker-compose (deploy/nginx/). Its X-Forwarded-Proto
# and X-Forwarded-For are trusted only when DERRIERE_PROXY_TLS says that nginx is the only way
# in (gunicorn not published): else anyone could claim "https" or any address.
DERRIERE_PROXY_TLS = config("DERRIERE_PROXY_TLS", default=False, cast=bool)
if DERRIERE_PROXY_TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    PROXY_DE_CONFIANCE = True
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", default=True, cast=bool)
# The container's health check calls gunicorn directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", default=31536000, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = config("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True, cast=bool)
SECURE_HSTS_PRELOAD = config("SECURE_HSTS_PRELOAD", default=True, cast=bool)
