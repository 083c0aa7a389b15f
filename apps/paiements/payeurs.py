"""Who may pay: the operator of a number and the sandboxes' test payers (docs/paiements.md).

Settings and the phone format only, so that the telephone proof (apps.clients.preuves) can ask
without importing the payment services.
"""

import re

from django.conf import settings

from apps.core.telephone import FORMAT_TELEPHONE
from apps.paiements.models import ModePaiement

# The operators' sandbox test payers, accepted only while that operator is a sandbox:
# MTN's are not Congo numbers; Airtel's are national 0500000xx numbers.
NUMERO_TEST_MTN = re.compile(r"^46733123[0-9]{3}$")
NUMERO_TEST_AIRTEL = re.compile(r"^\+2420500000[0-9]{2}$")


def operateur_est_bac_a_sable(mode: str = ModePaiement.MTN_MOMO) -> bool:
    if mode == ModePaiement.AIRTEL_MONEY:
        return settings.AIRTEL_ENVIRONNEMENT == "sandbox"
    return settings.MOMO_TARGET_ENVIRONMENT == "sandbox"


def operateur_du_numero(numero: str) -> str | None:
    """The operator serving a +242 number by its prefix (setting OPERATEUR_PAR_PREFIXE), or None."""
    return settings.OPERATEUR_PAR_PREFIXE.get(numero[4:6]) if FORMAT_TELEPHONE.match(numero or "") else None
