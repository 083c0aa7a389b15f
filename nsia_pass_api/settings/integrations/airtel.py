from decouple import Csv, config

# Defaults point at the project's own Airtel sandbox (python -m apps.airtel_integration.sandbox).
# Moving to Airtel's UAT (https://openapiuat.airtel.cg) or production (https://openapi.airtel.cg)
# is configuration only: base URL, credentials, AIRTEL_ENVIRONNEMENT, signing, msisdn format.
AIRTEL_BASE_URL = config("AIRTEL_BASE_URL", default="http://127.0.0.1:8095")
AIRTEL_CLIENT_ID = config("AIRTEL_CLIENT_ID", default="")
AIRTEL_CLIENT_SECRET = config("AIRTEL_CLIENT_SECRET", default="")
# sandbox (test payers 0500000xx accepted), uat or production.
AIRTEL_ENVIRONNEMENT = config("AIRTEL_ENVIRONNEMENT", default="sandbox")
AIRTEL_COUNTRY = config("AIRTEL_COUNTRY", default="CG")
AIRTEL_CURRENCY = config("AIRTEL_CURRENCY", default="XAF")
# v2 signed payments (x-signature / x-key); whether Congo requires them is not public.
AIRTEL_SIGNATURE = config("AIRTEL_SIGNATURE", default=False, cast=bool)
# "national" (9 digits, 05…) or "international" (242…): Congo's format is not confirmed publicly.
AIRTEL_FORMAT_MSISDN = config("AIRTEL_FORMAT_MSISDN", default="national")
# The secret of Airtel's callback authentication; empty: callbacks carry no hash.
AIRTEL_CALLBACK_SECRET = config("AIRTEL_CALLBACK_SECRET", default="")
AIRTEL_TIMEOUT_SECONDS = config("AIRTEL_TIMEOUT_SECONDS", default=10.0, cast=float)

# mode_paiement → its gateway (apps/paiements/passerelles.py).
PAIEMENT_PASSERELLES = {
    "mtn_momo": "apps.mtn_integration.passerelle.PasserelleMomo",
    "airtel_money": "apps.airtel_integration.passerelle.PasserelleAirtel",
}
# Which operator serves a number, by its first two national digits ("06:mtn_momo,…").
# 04 was Warid's, whose network Airtel bought: Airtel by default.
OPERATEUR_PAR_PREFIXE = dict(
    paire.split(":", 1)
    for paire in config("OPERATEUR_PAR_PREFIXE", default="06:mtn_momo,05:airtel_money,04:airtel_money", cast=Csv())
)
