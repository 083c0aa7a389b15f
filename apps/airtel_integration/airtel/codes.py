"""Airtel Money's codes: which ones are ambiguous, which are "not found", and plain French."""

# After these the outcome is unknown: ask the enquiry endpoint with the same id, never resend.
AMBIGUOUS = frozenset({"ESB000001", "ESB000004", "DP00800001000", "ROUTER117"})
# The enquiry's "Airtel never received this id": only then may a new id be sent.
NOT_FOUND = frozenset({"ESB000045", "DP00800001025"})
DUPLICATE = "ESB000041"
# Enquiry statuses (data.transaction.status).
SUCCESS = "TS"
FINAL_FAILURES = frozenset({"TF", "TE"})
IN_PROGRESS = frozenset({"TIP", "TI", "TA"})

A_CONFIGURER = "Le paiement mobile est momentanément indisponible sur cette borne. Merci de prévenir un agent NSIA."

MOTIFS: dict[str, str] = {
    "DP00800001002": "Code PIN Airtel Money incorrect : recommencez en saisissant le bon code.",
    "DP00800001003": "Le plafond de votre compte Airtel Money est atteint.",
    "DP00800001004": "Le montant est inférieur au minimum accepté par Airtel Money.",
    "DP00800001005": "Le code PIN n'a pas été saisi : le paiement n'a pas été validé.",
    "DP00800001007": "Solde insuffisant sur votre compte Airtel Money.",
    "DP00800001008": "Airtel Money a refusé le paiement.",
    "DP00800001009": "Airtel Money a refusé le paiement : contactez le service client Airtel.",
    "DP00800001010": "Le compte NSIA ne peut pas recevoir ce paiement pour le moment. Réessayez plus tard.",
    "DP00800001024": "Le délai de validation est dépassé : le paiement n'a pas été confirmé sur le téléphone.",
    "DP00800001029": "Le délai de validation est dépassé : le paiement n'a pas été confirmé sur le téléphone.",
    "ESB000008": A_CONFIGURER,
    "ESB000033": "Ce numéro n'a pas de compte Airtel Money.",
    "ESB000036": "Ce numéro n'a pas de compte Airtel Money.",
    "ESB000034": A_CONFIGURER,
    "ESB000035": A_CONFIGURER,
    "DP00800001026": A_CONFIGURER,
}
MOTIF_PAR_DEFAUT = "Le paiement Airtel Money n'a pas abouti. Réessayez ou adressez-vous à un agent NSIA."


def motif_francais(code: str | None) -> str:
    return MOTIFS.get((code or "").strip().upper(), MOTIF_PAR_DEFAUT)
