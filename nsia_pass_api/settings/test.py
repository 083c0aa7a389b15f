"""pytest: same as local, with fast password hashing and no throttling surprises."""

from decouple import config

from nsia_pass_api.settings.local import *  # noqa: F403
from nsia_pass_api.settings.local import DATABASE_URL_LOCAL, database_from_url

# No pool in the pytest process: pytest-django keeps one connection per test (inside its
# transaction) and the tests' own threads would each hold a pool slot until they close it. The
# servers and workers the tests start (gunicorn, manage.py travailleur) run with the pool, and the
# prepared statements are on here too, so the whole suite runs on server-side binding.
DATABASES = {"default": database_from_url(DATABASE_URL_LOCAL, pool=config("DB_POOL", default=False, cast=bool))}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests assert on figures computed for a fixed day (SET pass.aujourdhui), never on the clock.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# No SMS or WhatsApp unless a test starts the simulators (apps/notifications/tests/conftest.py):
# the outbox rows are written, no sending job is queued.
NOTIFICATIONS_SMS = ""
WHATSAPP_PHONE_NUMBER_ID = ""
