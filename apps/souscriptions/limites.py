"""How many new PASS a borne may start, and how many may wait for a first payment per telephone.

See docs/securite-identite.md, « Limites ».
"""

import math
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from apps.core.limites import Limite, LimiteAtteinte, limites_consommer, verrouiller
from apps.souscriptions.models import Souscription, StatutSouscription


def souscription_limites_appliquer(*, telephone: str, borne=None) -> None:
    """Count one new souscription, or refuse it (429). Call it inside the souscription's transaction."""
    from apps.souscriptions.services import DELAI_ABANDON

    verrouiller([f"souscriptions:telephone:{telephone}"])
    en_attente = list(
        Souscription.objects.filter(client__telephone=telephone, statut=StatutSouscription.EN_ATTENTE_PAIEMENT)
        .order_by("date_souscription")
        .values_list("date_souscription", flat=True)
    )
    maximum = settings.LIMITE_SOUSCRIPTIONS_EN_ATTENTE_PAR_TELEPHONE
    if len(en_attente) >= maximum:
        # Room again when the oldest one is abandoned (or sooner, once one of them is paid).
        attente = math.ceil((en_attente[0] + DELAI_ABANDON - timezone.now()).total_seconds())
        raise LimiteAtteinte(
            f"Ce téléphone a déjà {len(en_attente)} souscriptions en attente de leur premier paiement : "
            "relancez leur paiement à la borne qui les a créées ou adressez-vous à un agent NSIA.",
            max(1, attente),
        )
    if borne is not None:
        limites_consommer(
            [
                Limite(
                    f"souscriptions:borne:{borne.identifiant}",
                    settings.LIMITE_SOUSCRIPTIONS_PAR_BORNE_HEURE,
                    timedelta(hours=1),
                    "Trop de souscriptions depuis cette borne.",
                )
            ]
        )
