"""Abuse limits on payment prompts and subscriptions (docs/securite-identite.md, « Limites »)."""

from decouple import config

# Payment requests (first payments and contrat payments alike).
LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN = config("LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN", default=3, cast=int)
LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR = config("LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR", default=10, cast=int)
LIMITE_PAIEMENTS_PAR_SESSION_HEURE = config("LIMITE_PAIEMENTS_PAR_SESSION_HEURE", default=10, cast=int)
LIMITE_PAIEMENTS_PAR_BORNE_HEURE = config("LIMITE_PAIEMENTS_PAR_BORNE_HEURE", default=60, cast=int)
# New subscriptions.
LIMITE_SOUSCRIPTIONS_PAR_BORNE_HEURE = config("LIMITE_SOUSCRIPTIONS_PAR_BORNE_HEURE", default=30, cast=int)
LIMITE_SOUSCRIPTIONS_EN_ATTENTE_PAR_TELEPHONE = config(
    "LIMITE_SOUSCRIPTIONS_EN_ATTENTE_PAR_TELEPHONE", default=2, cast=int
)
# A first payment is relaunched only from the borne that created the souscription, this long.
RELANCE_PREMIER_PAIEMENT_JOURS = config("RELANCE_PREMIER_PAIEMENT_JOURS", default=7, cast=int)
