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


def database_from_url(url: str) -> dict:
    db = dj_database_url.parse(url, conn_max_age=config("DB_CONN_MAX_AGE", default=60, cast=int))
    db["CONN_HEALTH_CHECKS"] = True
    db.setdefault("OPTIONS", {})["connect_timeout"] = 5
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
