"""SMS and WhatsApp notifications (docs/sms-whatsapp.md). Nothing configured: nothing is sent,
the outbox rows wait (and the code proof is not offered)."""

from decouple import Csv, config

# SMS adapter: "smpp" (an SMPP connection to the operator's SMS centre), "http" (a provider's
# HTTP API) or "" (no SMS).
NOTIFICATIONS_SMS = config("NOTIFICATIONS_SMS", default="")
SMPP_HOTE = config("SMPP_HOTE", default="127.0.0.1")
SMPP_PORT = config("SMPP_PORT", default=2775, cast=int)
SMPP_SYSTEM_ID = config("SMPP_SYSTEM_ID", default="")
SMPP_MOT_DE_PASSE = config("SMPP_MOT_DE_PASSE", default="")
SMS_HTTP_URL = config("SMS_HTTP_URL", default="")
SMS_HTTP_JETON = config("SMS_HTTP_JETON", default="")
SMS_EXPEDITEUR = config("SMS_EXPEDITEUR", default="NSIA PASS")

# WhatsApp Business Cloud API: on when the number id and the token are set.
WHATSAPP_API_URL = config("WHATSAPP_API_URL", default="https://graph.facebook.com/v21.0")
WHATSAPP_PHONE_NUMBER_ID = config("WHATSAPP_PHONE_NUMBER_ID", default="")
WHATSAPP_JETON = config("WHATSAPP_JETON", default="")
WHATSAPP_APP_SECRET = config("WHATSAPP_APP_SECRET", default="")
WHATSAPP_VERIFY_TOKEN = config("WHATSAPP_VERIFY_TOKEN", default="")
WHATSAPP_LANGUE = config("WHATSAPP_LANGUE", default="fr")

# Order in which channels are tried for a message (the first one configured that accepts it).
NOTIFICATIONS_CANAUX = config("NOTIFICATIONS_CANAUX", default="whatsapp,sms", cast=Csv())
NOTIFICATIONS_DELAI_SECONDES = config("NOTIFICATIONS_DELAI_SECONDES", default=10, cast=int)
# Told to a client who did not make a change themselves.
NOTIFICATIONS_TELEPHONE_SERVICE_CLIENT = config("NOTIFICATIONS_TELEPHONE_SERVICE_CLIENT", default="05 500 00 00")
# Reminders leave between these hours, Brazzaville time.
RAPPELS_HEURE_DEBUT = config("RAPPELS_HEURE_DEBUT", default=8, cast=int)
RAPPELS_HEURE_FIN = config("RAPPELS_HEURE_FIN", default=20, cast=int)
# Code proofs a telephone may ask per hour (docs/securite-identite.md); the live e2e stage of
# scripts/test.sh raises it: its checks ask more codes for the demo client than one person would.
CODES_PREUVE_PAR_HEURE = config("CODES_PREUVE_PAR_HEURE", default=3, cast=int)
