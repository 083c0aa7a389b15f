"""The printable relevé: its text holds the views' figures; someone else's → 404."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from apps.core.formats import fcfa
from apps.souscriptions.models import Contrat

pytestmark = pytest.mark.django_db


def texte_pdf(contenu: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(contenu)).pages)


def test_releve_de_jean_baptiste(connecte, settings):
    jean = connecte()
    jean.credentials(
        HTTP_AUTHORIZATION=jean._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    reponse = jean.get("/api/v1/clients/CG-2024-VIE-001/releve.pdf", HTTP_ACCEPT="application/pdf")
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    texte = texte_pdf(reponse.content)
    assert "Jean Baptiste KONGO" in texte and "+242061234567" in texte
    assert "BZV-DEMO-01" in texte
    for contrat in Contrat.objects.filter(client_telephone="+242061234567"):
        assert contrat.numero_police in texte
        assert f"solde {fcfa(contrat.solde)}" in texte
    assert f"{fcfa(-10000)} (en retard)" in texte
    assert "CG-2024-EPG-001-001" in texte  # its échéances are listed
    assert "MOUKOKO" not in texte


def test_releve_d_un_autre_client_404(connecte):
    reponse = connecte().get("/api/v1/clients/CG-2024-SAN-001/releve.pdf", HTTP_ACCEPT="application/pdf")
    assert reponse.status_code == 404
    assert reponse.json()["code"] == "contrat_introuvable"


def test_releve_sans_jeton_401(api, demo):
    assert api.get("/api/v1/clients/CG-2024-VIE-001/releve.pdf").status_code == 401


def test_le_releve_echappe_les_textes_tapes_par_une_personne(connecte, settings):
    # ReportLab reads markup: an unescaped tag in a name broke the relevé (or pulled in a file).
    from apps.clients.models import Client

    Client.objects.filter(telephone="+242061234567").update(nom="KONGO </b>")
    jean = connecte()
    jean.credentials(
        HTTP_AUTHORIZATION=jean._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    reponse = jean.get("/api/v1/clients/CG-2024-VIE-001/releve.pdf", HTTP_ACCEPT="application/pdf")
    assert reponse.status_code == 200
    texte = texte_pdf(reponse.content)
    assert "KONGO </b>" in texte
