"""MTN's failure reasons, told in plain French to the person at the kiosk."""

MOTIFS = {
    "APPROVAL_REJECTED": "Vous avez refusé le paiement sur votre téléphone.",
    "NOT_ENOUGH_FUNDS": "Solde insuffisant sur votre compte MTN Mobile Money.",
    "EXPIRED": "Le paiement n'a pas été validé à temps sur le téléphone. Vous pouvez réessayer.",
    "PAYER_NOT_FOUND": "Ce numéro n'a pas de compte MTN Mobile Money.",
    "PAYEE_NOT_ALLOWED_TO_RECEIVE": "Le compte de NSIA ne peut pas recevoir ce paiement pour le moment.",
    "NOT_ALLOWED": "Ce paiement n'est pas autorisé par MTN Mobile Money.",
    "NOT_ALLOWED_TARGET_ENVIRONMENT": "Ce paiement n'est pas autorisé par MTN Mobile Money.",
    "INVALID_CALLBACK_URL_HOST": "Le service de paiement est mal configuré. Merci de prévenir un agent NSIA.",
    "INVALID_CURRENCY": "Le service de paiement est mal configuré. Merci de prévenir un agent NSIA.",
    "TRANSACTION_CANCELED": "Le paiement a été annulé.",
    "INTERNAL_PROCESSING_ERROR": "MTN Mobile Money n'a pas pu traiter le paiement. Réessayez dans un instant.",
    "SERVICE_UNAVAILABLE": "MTN Mobile Money est momentanément indisponible. Réessayez dans un instant.",
    "COULD_NOT_PERFORM_TRANSACTION": "MTN Mobile Money n'a pas pu effectuer le paiement. Réessayez plus tard.",
}
MOTIF_PAR_DEFAUT = "Le paiement n'a pas abouti. Réessayez ou adressez-vous à un agent NSIA."


def motif_francais(code: str | None) -> str:
    return MOTIFS.get((code or "").upper(), MOTIF_PAR_DEFAUT)
