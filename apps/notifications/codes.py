"""The code proof of a telephone (docs/securite-identite.md, « Preuve du téléphone »).

A 6-digit code, valid 5 minutes, 3 tries, stored hashed (Django's password hasher), at most 3
codes per telephone per hour. A right code gives a `code_preuve`: a signed token naming the
telephone, valid 15 minutes, that a subscription or a bénéficiaire change presents.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core import signing
from django.db import transaction
from django.utils import timezone

from apps.core.exceptions import ApplicationError, Conflict
from apps.core.limites import Limite, limites_consommer
from apps.notifications import textes
from apps.notifications.models import CodePreuve, Evenement
from apps.notifications.services import canal_configure, notifier

VALIDITE_CODE = timedelta(minutes=5)
ESSAIS_MAX = 3
VALIDITE_PREUVE = timedelta(minutes=15)
SEL_PREUVE = "preuve-telephone"


class CodeRefuse(ApplicationError):
    def __init__(self, code: str, message: str):
        super().__init__(code, message, details={"code": [message]})


@transaction.atomic
def code_demander(*, telephone: str) -> CodePreuve:
    """Write the code (hashed) and its message in one transaction; earlier codes stop counting."""
    if not canal_configure():
        raise Conflict(
            "canal_indisponible",
            "L'envoi de codes par SMS ou WhatsApp n'est pas disponible : payez depuis le téléphone du souscripteur.",
        )
    limites_consommer(
        [
            Limite(
                cle=f"code_preuve:{telephone}",
                maximum=settings.CODES_PREUVE_PAR_HEURE,
                fenetre=timedelta(hours=1),
                message="Trop de codes demandés pour ce téléphone.",
            )
        ]
    )
    maintenant = timezone.now()
    CodePreuve.objects.filter(telephone=telephone, date_verification__isnull=True).update(date_expiration=maintenant)
    code = f"{secrets.randbelow(10**6):06d}"
    preuve = CodePreuve.objects.create(
        telephone=telephone, code_hache=make_password(code), date_expiration=maintenant + VALIDITE_CODE
    )
    notifier(
        cle=f"code:{preuve.pk}",
        evenement=Evenement.CODE_PREUVE,
        telephone=telephone,
        message=textes.code_preuve(code=code),
    )
    return preuve


def code_verifier(*, telephone: str, code: str) -> str:
    """The `code_preuve` for this telephone, or a 400 (a wrong try is counted even so)."""
    with transaction.atomic():
        preuve = (
            CodePreuve.objects.select_for_update()
            .filter(telephone=telephone, date_verification__isnull=True, date_expiration__gt=timezone.now())
            .order_by("-date_creation")
            .first()
        )
        if preuve is None:
            refus = CodeRefuse("code_expire", "Aucun code valide pour ce téléphone : demandez un nouveau code.")
        elif preuve.essais >= ESSAIS_MAX:
            refus = CodeRefuse("code_epuise", "Trop d'essais pour ce code : demandez un nouveau code.")
        else:
            preuve.essais += 1
            if check_password(code, preuve.code_hache):
                preuve.date_verification = timezone.now()
                refus = None
            else:
                restants = ESSAIS_MAX - preuve.essais
                refus = CodeRefuse(
                    "code_incorrect",
                    f"Code incorrect. Essais restants : {restants}."
                    if restants
                    else "Code incorrect. Demandez un nouveau code.",
                )
            preuve.save(update_fields=["essais", "date_verification"])
    if refus:
        raise refus
    return signing.dumps({"telephone": telephone, "preuve": preuve.pk}, salt=SEL_PREUVE)


def code_preuve_valide(*, telephone: str, code_preuve: str | None) -> bool:
    if not code_preuve:
        return False
    try:
        contenu = signing.loads(code_preuve, salt=SEL_PREUVE, max_age=VALIDITE_PREUVE)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return isinstance(contenu, dict) and contenu.get("telephone") == telephone
