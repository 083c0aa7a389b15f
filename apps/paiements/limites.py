"""How many payment prompts may leave, per payer number, client session and borne.

A payer other than the client's own telephone is allowed (someone may pay for a parent) but
counts against the same limits. See docs/securite-identite.md, « Limites ».
"""

from datetime import timedelta

from django.conf import settings

from apps.core.limites import Limite, limites_consommer

MESSAGE_PAYEUR = "Trop de demandes de paiement vers ce numéro."
MESSAGE_SESSION = "Trop de demandes de paiement pendant cette session."
MESSAGE_BORNE = "Trop de demandes de paiement depuis cette borne."


def paiement_limites_appliquer(*, numero_payeur: str, borne=None, session_id=None) -> None:
    """Count one payment request, or refuse it (429). Call it inside the paiement's transaction."""
    limites = [
        Limite(
            f"paiements:payeur:{numero_payeur}:10min",
            settings.LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN,
            timedelta(minutes=10),
            MESSAGE_PAYEUR,
        ),
        Limite(
            f"paiements:payeur:{numero_payeur}:jour",
            settings.LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR,
            timedelta(days=1),
            MESSAGE_PAYEUR,
        ),
    ]
    if session_id:
        limites.append(
            Limite(
                f"paiements:session:{session_id}",
                settings.LIMITE_PAIEMENTS_PAR_SESSION_HEURE,
                timedelta(hours=1),
                MESSAGE_SESSION,
            )
        )
    if borne is not None:
        limites.append(
            Limite(
                f"paiements:borne:{borne.identifiant}",
                settings.LIMITE_PAIEMENTS_PAR_BORNE_HEURE,
                timedelta(hours=1),
                MESSAGE_BORNE,
            )
        )
    limites_consommer(limites)
