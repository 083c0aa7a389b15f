"""MTN's failure reasons told in plain French to the person at the kiosk.

The kiosk shows these sentences as they are: short, in "vous", saying what happened and, when
useful, what to do. Configuration errors (ours, not the customer's) send them to an agent.
"""

A_CONFIGURER = "Le paiement mobile est momentanément indisponible sur cette borne. Merci de prévenir un agent NSIA."

MOTIFS: dict[str, str] = {
    "APPROVAL_REJECTED": "Vous avez refusé le paiement sur votre téléphone.",
    "NOT_ENOUGH_FUNDS": "Solde insuffisant sur votre compte Mobile Money.",
    "EXPIRED": ("Le délai de validation est dépassé : le paiement n'a pas été confirmé sur le téléphone."),
    "PAYER_NOT_FOUND": "Ce numéro n'a pas de compte MTN Mobile Money.",
    "PAYER_LIMIT_REACHED": "Le plafond de votre compte Mobile Money est atteint.",
    "TRANSACTION_CANCELED": "Le paiement a été annulé.",
    "PAYEE_NOT_ALLOWED_TO_RECEIVE": (
        "Le compte NSIA ne peut pas recevoir ce paiement pour le moment. Réessayez plus tard."
    ),
    "NOT_ALLOWED": "MTN Mobile Money n'autorise pas ce paiement.",
    "NOT_ALLOWED_TARGET_ENVIRONMENT": A_CONFIGURER,
    "INVALID_CALLBACK_URL_HOST": A_CONFIGURER,
    "INVALID_CURRENCY": A_CONFIGURER,
    "INTERNAL_PROCESSING_ERROR": (
        "MTN Mobile Money n'a pas pu traiter le paiement. Vérifiez votre solde, puis réessayez."
    ),
    "SERVICE_UNAVAILABLE": ("MTN Mobile Money est momentanément indisponible. Réessayez dans quelques minutes."),
    "COULD_NOT_PERFORM_TRANSACTION": (
        "Le paiement n'a pas pu être effectué : il n'a pas été validé à temps. Réessayez."
    ),
}
MOTIF_PAR_DEFAUT = "Le paiement n'a pas abouti. Réessayez ou adressez-vous à un agent NSIA."


def motif_francais(code: str | None) -> str:
    """The sentence for an MTN reason code; a default one for codes MTN may add later."""
    return MOTIFS.get((code or "").strip().upper(), MOTIF_PAR_DEFAUT)
