"""The code proof: 6 digits, 5 minutes, 3 tries, stored hashed, 3 codes per telephone per hour."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.notifications.models import CodePreuve, Notification
from apps.notifications.tests.services.test_evenements import envoyer_tout
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL

pytestmark = pytest.mark.django_db

DEMANDE = "/api/v1/preuves/telephone/"
VERIFIER = "/api/v1/preuves/telephone/verifier/"
TELEPHONE = "+242067770001"


def code_recu(smsc, telephone=TELEPHONE) -> str:
    envoyer_tout()
    dernier = smsc.recus(telephone)[-1]["texte"]
    return re.search(r"votre code est ([0-9]{6})", dernier).group(1)


def test_code_envoye_puis_verifie_donne_un_code_preuve(borne_api, smsc):
    reponse = borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    assert reponse.status_code == 202, reponse.content
    code = code_recu(smsc)
    assert "Ne le donnez à personne" in smsc.recus(TELEPHONE)[-1]["texte"]
    # Stored hashed only: neither the code row nor the sent outbox row holds it.
    preuve = CodePreuve.objects.get(telephone=TELEPHONE)
    assert code not in preuve.code_hache
    assert code not in Notification.objects.get(evenement="code_preuve").texte
    reponse = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": code}, format="json")
    assert reponse.status_code == 200, reponse.content
    assert reponse.json()["code_preuve"]


def test_trois_essais_puis_le_code_est_perdu(borne_api, smsc):
    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    code = code_recu(smsc)
    faux = f"{(int(code) + 1) % 10**6:06d}"
    codes = [borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": faux}, format="json") for _ in range(3)]
    assert [r.status_code for r in codes] == [400, 400, 400]
    assert codes[0].json()["code"] == "code_incorrect"
    quatrieme = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": code}, format="json")
    assert quatrieme.status_code == 400 and quatrieme.json()["code"] == "code_epuise"


def test_code_expire_apres_5_minutes(borne_api, smsc):
    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    code = code_recu(smsc)
    CodePreuve.objects.update(date_expiration=timezone.now() - timedelta(seconds=1))
    reponse = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": code}, format="json")
    assert reponse.status_code == 400 and reponse.json()["code"] == "code_expire"
    preuve = CodePreuve.objects.get()
    assert preuve.date_expiration - preuve.date_creation <= timedelta(minutes=5, seconds=1)


def test_au_plus_trois_codes_par_telephone_et_par_heure(borne_api, smsc):
    statuts = [borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json").status_code for _ in range(4)]
    assert statuts == [202, 202, 202, 429]
    assert CodePreuve.objects.count() == 3
    # Only the latest code is valid.
    assert CodePreuve.objects.filter(date_expiration__gt=timezone.now()).count() == 1


def test_sans_canal_pas_de_code(borne_api):
    reponse = borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    assert reponse.status_code == 409 and reponse.json()["code"] == "canal_indisponible"
    assert CodePreuve.objects.count() == 0


def test_souscription_payee_par_un_proche_avec_code_preuve(borne_api, sandbox, smsc):
    corps = {**NOUVEAU, "numero_payeur": "+242069998877"}
    assert borne_api.post(URL, corps, format="json").status_code == 409
    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    code_preuve = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": code_recu(smsc)}, format="json").json()[
        "code_preuve"
    ]
    # A proof for another telephone does not count.
    autre = {**corps, "client": {**corps["client"], "telephone": "+242067770002"}, "code_preuve": code_preuve}
    assert borne_api.post(URL, autre, format="json").status_code == 409
    reponse = borne_api.post(URL, {**corps, "code_preuve": code_preuve}, format="json")
    assert reponse.status_code == 201, reponse.content


def test_relancer_le_premier_paiement_depuis_un_proche_avec_code_preuve(
    borne_api, sandbox, smsc, django_capture_on_commit_callbacks
):
    """After a refused first payment, a relative may pay the new attempt with the same proof."""
    from apps.souscriptions.tests.apis.test_souscription_borne import regler

    borne_api.post(DEMANDE, {"telephone": TELEPHONE}, format="json")
    code_preuve = borne_api.post(VERIFIER, {"telephone": TELEPHONE, "code": code_recu(smsc)}, format="json").json()[
        "code_preuve"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        corps = borne_api.post(URL, {**NOUVEAU, "numero_payeur": "46733123451"}, format="json").json()
    assert regler(corps["paiement"]["reference"]).statut == "echec"
    relance_url = f"/api/v1/souscriptions/{corps['souscription']['numero_souscription']}/paiement/"
    proche = {"numero_payeur": "+242069998877"}
    refus = borne_api.post(relance_url, proche, format="json")
    assert refus.status_code == 409 and refus.json()["code"] == "preuve_telephone_requise"
    relance = borne_api.post(relance_url, {**proche, "code_preuve": code_preuve}, format="json")
    assert relance.status_code == 202, relance.content


def test_changer_un_beneficiaire_depuis_une_borne_exige_le_code(connecte, settings, smsc, borne_api):
    jean = connecte()
    jean.credentials(
        HTTP_AUTHORIZATION=jean._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    url = "/api/v1/contrats/CG-2024-VIE-001/beneficiaires/"
    nouveau = {"nom": "KONGO", "prenom": "Grace", "lien": "enfant"}
    refus = jean.post(url, nouveau, format="json")
    assert refus.status_code == 409 and refus.json()["code"] == "preuve_telephone_requise"
    assert Notification.objects.filter(evenement="beneficiaire").count() == 0

    borne_api.post(DEMANDE, {"telephone": "+242061234567"}, format="json")
    code = code_recu(smsc, "+242061234567")
    code_preuve = borne_api.post(VERIFIER, {"telephone": "+242061234567", "code": code}, format="json").json()[
        "code_preuve"
    ]
    reponse = jean.post(url, {**nouveau, "code_preuve": code_preuve}, format="json")
    assert reponse.status_code == 201, reponse.content
    envoyer_tout()
    texte = smsc.recus("+242061234567")[-1]["texte"]
    assert texte.startswith(
        "NSIA PASS : bénéficiaire Grace KONGO ajouté sur le contrat CG-2024-VIE-001 (borne BZV-DEMO-01)"
    )
    assert "Si ce n'est pas vous, appelez le" in texte
    suppression = jean.delete(f"{url}{reponse.json()['id']}/", HTTP_X_CODE_PREUVE=code_preuve)
    assert suppression.status_code == 204, suppression.content
    assert Notification.objects.filter(evenement="beneficiaire").count() == 2
