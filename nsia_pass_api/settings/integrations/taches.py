from decouple import config

# Procrastinate (job queue on the product's PostgreSQL): see docs/paiements.md.
# Tasks live in each app's tasks.py (autodiscovered).
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "tasks"
# A pending payment is checked with capped backoff for this long; after that, the operator
# having never given a final answer, it is listed for agents as "à vérifier" (never echec).
MOMO_VERIFICATION_JOURS = config("MOMO_VERIFICATION_JOURS", default=7, cast=int)
# Longest wait between two status checks of one pending payment.
MOMO_VERIFICATION_MAX_SECONDES = config("MOMO_VERIFICATION_MAX_SECONDES", default=300, cast=int)
