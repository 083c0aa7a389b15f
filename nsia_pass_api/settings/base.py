"""Settings shared by every environment. Every value comes from the environment."""

from pathlib import Path

import dj_database_url
from decouple import Csv, config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = config("DJANGO_SECRET_KEY", default="")
DEBUG = config("DJANGO_DEBUG", default=False, cast=bool)
ALLOWED_HOSTS = config("DJANGO_ALLOWED_HOSTS", default="127.0.0.1,localhost", cast=Csv())

INSTALLED_APPS = [
    "apps.agents.admin_site.EspaceAgentsAdminConfig",  # django.contrib.admin with the agents' home page
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # The job queue on our own PostgreSQL (docs/paiements.md): operator calls and periodic jobs.
    "procrastinate.contrib.django",
    "apps.core",
    "apps.produits",
    "apps.clients",
    "apps.borne_auth",
    "apps.agents",
    "apps.souscriptions",
    "apps.paiements",
    "apps.sinistres",
    "apps.mtn_integration",
    "apps.airtel_integration",
    "apps.notifications",
    "apps.parcours",  # the kiosk journeys, above paiements and souscriptions
    "apps.demo",  # demo data and the benchmark generator (refused in production)
    "axes",  # staff sign-in lockout (settings/integrations/axes.py)
]

MIDDLEWARE = [
    # Trust (docs/securite.md): every failure under /api/ answers the JSON error body, and
    # bad input is refused before anything else reads it.
    "apps.core.middleware.ErreursApiMiddleware",
    "apps.core.entrees.EntreesApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "apps.core.middleware.PasDeCacheApiMiddleware",
    "apps.core.middleware.PolitiqueContenuMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# Shared by every server process (DRF throttles): a table of the database, no extra service.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cache_pass",
    }
}

ROOT_URLCONF = "nsia_pass_api.urls"
WSGI_APPLICATION = "nsia_pass_api.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "nsia_pass_api" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# Connections to PostgreSQL (docs/architecture.md, « Connexions à PostgreSQL »): a pool per
# server process (psycopg_pool, through Django), whose connections keep their prepared statements.
DB_POOL = config("DB_POOL", default=True, cast=bool)
DB_POOL_MIN_CONNEXIONS = config("DB_POOL_MIN_CONNEXIONS", default=2, cast=int)
# At least the threads of a process (gunicorn --threads, the worker's --concurrency raises it).
DB_POOL_MAX_CONNEXIONS = config("DB_POOL_MAX_CONNEXIONS", default=16, cast=int)
# How long a request waits for a connection (PostgreSQL down: the 503 comes after this).
DB_POOL_ATTENTE_SECONDES = config("DB_POOL_ATTENTE_SECONDES", default=5.0, cast=float)
# Server-side binding, and psycopg prepares a query run this many times on a connection: the plan
# of the nested contrats/cotisations views is then made once per connection, not per request.
# Off behind a PgBouncer in transaction mode older than 1.21 (no prepared statements there).
DB_REQUETES_PREPAREES = config("DB_REQUETES_PREPAREES", default=True, cast=bool)
DB_PREPARER_APRES = config("DB_PREPARER_APRES", default=2, cast=int)


def database_from_url(url: str, *, pool: bool = DB_POOL) -> dict:
    db = dj_database_url.parse(url, conn_max_age=0 if pool else config("DB_CONN_MAX_AGE", default=60, cast=int))
    # Django's backend, whose pool checks a connection when lending it with a round trip only
    # when the connection may be broken (nsia_pass_api/connexions.py).
    db["ENGINE"] = "nsia_pass_api.postgresql"
    db["CONN_HEALTH_CHECKS"] = True  # with the pool: every connection is checked when taken
    options = db.setdefault("OPTIONS", {})
    options["connect_timeout"] = 5
    if DB_REQUETES_PREPAREES:
        options["server_side_binding"] = True
        options["prepare_threshold"] = DB_PREPARER_APRES
    if pool:
        options["pool"] = {
            "min_size": DB_POOL_MIN_CONNEXIONS,
            "max_size": max(DB_POOL_MAX_CONNEXIONS, DB_POOL_MIN_CONNEXIONS),
            "timeout": DB_POOL_ATTENTE_SECONDES,
            # A connection lost (PostgreSQL restarted) is replaced with backoff; giving up after
            # 5 s lets the next request try at once, so the service is back within seconds of
            # PostgreSQL (psycopg_pool's default, 5 min, would let the backoff grow to minutes).
            "reconnect_timeout": 5.0,
        }
    return db


DATABASE_URL = config("DATABASE_URL", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
TIME_ZONE = "Africa/Brazzaville"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".run" / "static"
# The kiosk's Vite build, served by the API at /borne/ (see nsia_pass_api/urls.py).
KIOSK_DIST_DIR = BASE_DIR / "kiosk-electron" / "dist"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Business settings
# When on, a souscription that becomes activee receives the next free police number at once.
PASS_ATTRIBUTION_AUTOMATIQUE = config("PASS_ATTRIBUTION_AUTOMATIQUE", default=True, cast=bool)

from nsia_pass_api.settings.integrations.airtel import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.axes import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.borne import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.cors import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.drf import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.jwt import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.limites import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.logging import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.momo import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.notifications import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.securite import *  # noqa: E402,F403
from nsia_pass_api.settings.integrations.taches import *  # noqa: E402,F403
