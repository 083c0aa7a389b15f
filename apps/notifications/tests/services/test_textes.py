"""Every text fits one SMS (160 GSM-7 characters) at its longest; longer ones are split whole."""

import pytest
from smpplib.gsm import make_parts

from apps.notifications import textes

GROS = 99_999_999
POLICE = "CG-2026-VIE-123456"
REF = "PAY-20261125-ABCDEFGHIJ"

TOUS = {
    "code_preuve": textes.code_preuve(code="123456"),
    "police_attribuee": textes.police_attribuee(produit="PASS SALISA (santé) très long nom", police=POLICE),
    "paiement_succes": textes.paiement_succes(montant=GROS, police=POLICE, solde=GROS, reference=REF),
    "paiement_echec": textes.paiement_echec(montant=GROS, motif="Le payeur n'a pas validé sur son téléphone " * 3),
    "echeance_proche": textes.echeance_proche(montant=GROS, date="31/12/2026", police=POLICE),
    "echeance_manquee": textes.echeance_manquee(montant=GROS, date="31/12/2026", police=POLICE),
    "expiration_proche": textes.expiration_proche(police=POLICE, date="31/12/2026"),
    "expiration": textes.expiration(police=POLICE),
    "beneficiaire": textes.beneficiaire(
        action="modification",
        nom="Françoise-Hélène NGOUABI-MASSAMBA",
        police=POLICE,
        borne="BZV-POTO-POTO-012",
        service_client="05 500 00 00",
    ),
    "sinistre_statut": textes.sinistre_statut(date="31/12/2026", statut="En instruction"),
}


@pytest.mark.parametrize("nom", TOUS)
def test_un_seul_sms_gsm7(nom):
    texte, _ = TOUS[nom]
    longueur = textes.longueur_gsm7(texte)
    assert longueur is not None, f"{nom} : caractère hors GSM-7 dans {texte!r}"
    assert longueur <= textes.LONGUEUR_SMS, (nom, longueur, texte)
    parties, codage, _ = make_parts(texte)
    assert (len(parties), codage) == (1, 0)


def test_un_texte_trop_long_est_coupe_en_parties_reassemblees(demo, smsc):
    from django.db import transaction

    from apps.notifications.services import notifier
    from apps.notifications.tests.services.test_evenements import envoyer_tout

    long = "NSIA PASS : " + "message très long " * 20
    with transaction.atomic():
        notifier(cle="long", evenement="expiration", telephone="+242059876543", message=(long, []))
    envoyer_tout()
    (recu,) = smsc.recus()
    assert recu["texte"] == long and recu["parties"] == 3
