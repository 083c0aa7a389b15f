"""Bénéficiaires on one's own contrat: CRUD, the 6 limit (also under concurrency), parts ≤ 100 %."""

import threading

import pytest
from django.db import connection

from apps.souscriptions.models import Beneficiaire, Souscription

pytestmark = pytest.mark.django_db
URL = "/api/v1/contrats/{police}/beneficiaires/"


def test_lister_ajouter_modifier_supprimer(connecte):
    jean = connecte()
    url = URL.format(police="CG-2024-VIE-001")
    assert {b["prenom"] for b in jean.get(url).json()} == {"Marie", "Junior"}
    # The two demo bénéficiaires hold 50 % each: a third one gets no part.
    cree = jean.post(
        url, {"nom": "KONGO", "prenom": "Grace", "lien": "enfant", "date_naissance": "2015-04-02"}, format="json"
    )
    assert cree.status_code == 201, cree.content
    ident = cree.json()["id"]
    modifie = jean.patch(f"{url}{ident}/", {"telephone": "+242061112233"}, format="json")
    assert modifie.status_code == 200 and modifie.json()["telephone"] == "+242061112233"
    assert jean.delete(f"{url}{ident}/").status_code == 204
    assert not Beneficiaire.objects.filter(pk=ident).exists()


def test_septieme_beneficiaire_409(connecte):
    jean = connecte()
    url = URL.format(police="CG-2024-EPG-001")
    for i in range(6):
        assert jean.post(url, {"nom": "KONGO", "prenom": f"E{i}", "lien": "enfant"}, format="json").status_code == 201
    reponse = jean.post(url, {"nom": "KONGO", "prenom": "E7", "lien": "enfant"}, format="json")
    assert reponse.status_code == 409
    assert reponse.json()["code"] == "beneficiaires_max"
    assert Beneficiaire.objects.filter(souscription__police__numero_police="CG-2024-EPG-001").count() == 6


@pytest.mark.parametrize(
    "corps",
    [
        {"nom": "KONGO", "prenom": "A", "lien": "voisin"},
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "part_pourcentage": 101},
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "part_pourcentage": "beaucoup"},
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "telephone": "0612"},
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "date_naissance": "2999-01-01"},
        {"nom": "", "prenom": "A", "lien": "enfant"},
        {"nom": "K" * 101, "prenom": "A", "lien": "enfant"},
    ],
)
def test_beneficiaire_invalide_400_et_rien_d_ecrit(connecte, corps):
    avant = Beneficiaire.objects.count()
    reponse = connecte().post(URL.format(police="CG-2024-VIE-001"), corps, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "donnees_invalides"
    assert Beneficiaire.objects.count() == avant


def test_parts_au_dela_de_100_refusees(connecte):
    reponse = connecte().post(
        URL.format(police="CG-2024-VIE-001"),
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "part_pourcentage": 10},
        format="json",
    )
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "parts_superieures_a_100"


def test_beneficiaire_d_un_autre_client_404(connecte):
    marie_claire = connecte("CG-2024-SAN-001", "+242059876543")
    junior = Beneficiaire.objects.get(prenom="Junior")
    for url in [URL.format(police="CG-2024-VIE-001"), URL.format(police="CG-2024-SAN-001") + f"{junior.pk}/"]:
        assert marie_claire.get(url).status_code in {404, 405}
        assert marie_claire.delete(url).status_code == 404 if url.endswith(f"{junior.pk}/") else True
    assert Beneficiaire.objects.filter(pk=junior.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_sept_ajouts_simultanes_en_laissent_au_plus_6(settings):
    from apps.demo.services import charger_demo
    from apps.souscriptions.services import beneficiaire_ajouter

    charger_demo()
    souscription = Souscription.objects.get(police__numero_police="CG-2024-EPG-001")
    depart = threading.Barrier(7)
    erreurs = []

    def ajouter(i):
        try:
            depart.wait()
            beneficiaire_ajouter(
                souscription=souscription, donnees={"nom": "KONGO", "prenom": f"Simultane{i}", "lien": "enfant"}
            )
        except Exception as exc:  # noqa: BLE001 - collected and checked below
            erreurs.append(exc)
        finally:
            connection.close()

    fils = [threading.Thread(target=ajouter, args=(i,)) for i in range(7)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    assert Beneficiaire.objects.filter(souscription=souscription).count() == 6
    assert len(erreurs) == 1 and getattr(erreurs[0], "code", "") == "beneficiaires_max"


def test_chaque_changement_depuis_une_borne_est_journalise(connecte, settings, admin_client):
    from apps.souscriptions.models import JournalBeneficiaire

    jean = connecte()
    jean.credentials(
        HTTP_AUTHORIZATION=jean._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    url = URL.format(police="CG-2024-VIE-001")
    ident = jean.post(url, {"nom": "KONGO", "prenom": "Grace", "lien": "enfant"}, format="json").json()["id"]
    jean.patch(f"{url}{ident}/", {"telephone": "+242061112233"}, format="json")
    jean.delete(f"{url}{ident}/")

    journal = list(JournalBeneficiaire.objects.order_by("date", "pk"))
    assert [j.action for j in journal] == ["ajout", "modification", "suppression"]
    ajout, modification, suppression = journal
    assert {j.beneficiaire_id for j in journal} == {ident}
    assert all(j.borne.identifiant == "BZV-DEMO-01" and j.client.telephone == "+242061234567" for j in journal)
    assert all(j.session_id is not None for j in journal)
    assert ajout.avant is None and ajout.apres["prenom"] == "Grace"
    assert (modification.avant["telephone"], modification.apres["telephone"]) == (None, "+242061112233")
    assert suppression.avant["telephone"] == "+242061112233" and suppression.apres is None
    # Visible read-only by agents.
    page = admin_client.get(f"/admin/souscriptions/journalbeneficiaire/{ajout.pk}/change/")
    assert page.status_code == 200 and b"Grace" in page.content
    assert admin_client.post(f"/admin/souscriptions/journalbeneficiaire/{ajout.pk}/delete/").status_code == 403


def test_beneficiaire_d_un_autre_contrat_404(connecte):
    """Jean's own bénéficiaire reached through his other contrat, or an unknown one: the same 404."""
    jean = connecte()
    d_un_autre_contrat = Beneficiaire.objects.filter(souscription__police__numero_police="CG-2024-VIE-001").first()
    for ident in (d_un_autre_contrat.pk, 999_999):
        reponse = jean.patch(f"{URL.format(police='CG-2024-EPG-001')}{ident}/", {"prenom": "X"}, format="json")
        assert reponse.status_code == 404 and reponse.json()["code"] == "beneficiaire_introuvable"
    assert Beneficiaire.objects.filter(prenom="X").count() == 0
