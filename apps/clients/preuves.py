"""Who may attach a souscription to a telephone: only whoever proves they hold it.

Police numbers follow a pattern and telephones are public, so a subscription paid from another
number must not open someone else's account (docs/securite-identite.md, « Preuve du téléphone »).
"""

from apps.core.exceptions import Conflict
from apps.notifications.codes import code_preuve_valide
from apps.paiements.payeurs import NUMERO_TEST_MTN, operateur_est_bac_a_sable

MESSAGE_PREUVE_REQUISE = (
    "Pour souscrire, le premier paiement doit être validé depuis le téléphone du souscripteur : "
    "indiquez son propre numéro MTN ou Airtel comme numéro du payeur, ou saisissez le code "
    "reçu sur ce téléphone. Un proche pourra ensuite payer les cotisations suivantes."
)


class PreuveTelephoneRequise(Conflict):
    def __init__(self, message: str = MESSAGE_PREUVE_REQUISE, details: dict | None = None):
        super().__init__(
            "preuve_telephone_requise",
            message,
            details=details
            or {"numero_payeur": ["Le payeur du premier paiement doit être le téléphone du souscripteur."]},
        )


def preuve_par_code_valide(*, telephone: str, code_preuve: str | None) -> bool:
    """A fresh one-time code typed at the kiosk for this telephone (`code_preuve` in the body)."""
    return code_preuve_valide(telephone=telephone, code_preuve=code_preuve)


def telephone_prouve(*, telephone: str, numero_payeur: str, code_preuve: str | None = None) -> bool:
    """Mobile money proof (the operator's PIN prompt on that very phone) or a code proof."""
    if numero_payeur == telephone:
        return True
    # MTN's sandbox test payers can never be a client's telephone: they exist only to play
    # refusals and delays against a sandbox (refused by payeur_valider in production).
    if operateur_est_bac_a_sable() and NUMERO_TEST_MTN.match(numero_payeur):
        return True
    return preuve_par_code_valide(telephone=telephone, code_preuve=code_preuve)


def preuve_telephone_exiger(*, telephone: str, numero_payeur: str, code_preuve: str | None = None) -> None:
    """Refuse (409) before anything is written or sent when the telephone is not proven."""
    if not telephone_prouve(telephone=telephone, numero_payeur=numero_payeur, code_preuve=code_preuve):
        raise PreuveTelephoneRequise()
