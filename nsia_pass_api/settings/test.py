"""pytest: same as local, with fast password hashing and no throttling surprises."""

from nsia_pass_api.settings.local import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests assert on figures computed for a fixed day (SET pass.aujourdhui), never on the clock.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# No SMS or WhatsApp unless a test starts the simulators (apps/notifications/tests/conftest.py):
# the outbox rows are written, no sending job is queued.
NOTIFICATIONS_SMS = ""
WHATSAPP_PHONE_NUMBER_ID = ""
