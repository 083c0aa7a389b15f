"""Development on a workstation: DEBUG, demo kiosk and demo agent, embedded PostgreSQL."""

from decouple import config

from nsia_pass_api.settings.base import *  # noqa: F403
from nsia_pass_api.settings.base import DATABASE_URL, database_from_url

DEBUG = config("DJANGO_DEBUG", default=True, cast=bool)
# Development-only key; production.py refuses to start with it.
SECRET_KEY = config("DJANGO_SECRET_KEY", default="dev-only-insecure-key-nsia-pass-never-in-production")

# Demo credentials live here and in the demo data only.
DEMO_BORNE_KEY = config("DEMO_BORNE_KEY", default="demo-borne-bzv-01-cle")
DEMO_AGENT_PASSWORD = config("DEMO_AGENT_PASSWORD", default="agent-demo-2024")
BORNE_WEB_CONFIG = config("BORNE_WEB_CONFIG", default=True, cast=bool)
# The project's MoMo sandbox, started by scripts/run.sh with these credentials.
MOMO_SUBSCRIPTION_KEY = config("MOMO_SUBSCRIPTION_KEY", default="sandbox-cle-abonnement")
MOMO_API_USER = config("MOMO_API_USER", default="9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f")
MOMO_API_KEY = config("MOMO_API_KEY", default="0123456789abcdef0123456789abcdef")
MOMO_CALLBACK_URL = config("MOMO_CALLBACK_URL", default="http://127.0.0.1:8000/api/v1/mtn/callback/")
# The project's Airtel sandbox, started by scripts/run.sh with the same credentials.
AIRTEL_CLIENT_ID = config("AIRTEL_CLIENT_ID", default="sandbox-client-id")
AIRTEL_CLIENT_SECRET = config("AIRTEL_CLIENT_SECRET", default="sandbox-client-secret")
# The project's SMS centre and WhatsApp stand-in (apps/notifications/simulateurs), started by
# scripts/run.sh with these development credentials.
NOTIFICATIONS_SMS = config("NOTIFICATIONS_SMS", default="smpp")
SMPP_PORT = config("SMPP_PORT", default=2775, cast=int)
SMPP_SYSTEM_ID = config("SMPP_SYSTEM_ID", default="nsiapass")
SMPP_MOT_DE_PASSE = config("SMPP_MOT_DE_PASSE", default="smsc-dev")
WHATSAPP_API_URL = config("WHATSAPP_API_URL", default="http://127.0.0.1:8096/v21.0")
WHATSAPP_PHONE_NUMBER_ID = config("WHATSAPP_PHONE_NUMBER_ID", default="100000000000001")
WHATSAPP_JETON = config("WHATSAPP_JETON", default="whatsapp-jeton-dev")
WHATSAPP_APP_SECRET = config("WHATSAPP_APP_SECRET", default="whatsapp-secret-dev")


def _database_url() -> str:
    if DATABASE_URL:
        return DATABASE_URL
    from nsia_pass_api import embedded_db

    return embedded_db.ensure_running()


DATABASE_URL_LOCAL = _database_url()
DATABASES = {"default": database_from_url(DATABASE_URL_LOCAL)}
