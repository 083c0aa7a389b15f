from datetime import timedelta

import pytest

from apps.core.dates import aujourdhui
from apps.sinistres.models import Sinistre

pytestmark = pytest.mark.django_db
URL = "/api/v1/contrats/{police}/sinistres/"


def test_declarer_un_sinistre_couvert(connecte):
    jean = connecte()
    hier = (aujourdhui() - timedelta(days=1)).isoformat()
    reponse = jean.post(
        URL.format(police="CG-2024-VIE-001"),
        {"type": "accident", "date_survenance": hier, "description": "Chute à moto", "montant_reclame": 35000},
        format="json",
    )
    assert reponse.status_code == 201, reponse.content
    assert reponse.json()["statut"] == "declare"
    assert [s["type"] for s in jean.get(URL.format(police="CG-2024-VIE-001")).json()] == ["accident"]


@pytest.mark.parametrize(
    ("police", "telephone", "corps", "code"),
    [
        # KIMIA does not cover hospitalisation (SALISA does)
        ("CG-2024-VIE-001", "+242061234567", {"type": "hospitalisation"}, "type_non_couvert"),
        ("CG-2024-VIE-001", "+242061234567", {"date_survenance": "2020-01-01"}, "hors_couverture"),
        ("CG-2024-VIE-001", "+242061234567", {"montant_reclame": 0}, "donnees_invalides"),
        ("CG-2024-VIE-001", "+242061234567", {"montant_reclame": 10**12}, "donnees_invalides"),
        ("CG-2024-VIE-001", "+242061234567", {"type": "vol"}, "donnees_invalides"),
        ("CG-2024-VIE-001", "+242061234567", {"date_survenance": "demain"}, "donnees_invalides"),
    ],
)
def test_declaration_refusee_sans_rien_ecrire(connecte, police, telephone, corps, code):
    avant = Sinistre.objects.count()
    donnees = {
        "type": "accident",
        "date_survenance": (aujourdhui() - timedelta(days=2)).isoformat(),
        "description": "Test",
        **corps,
    }
    reponse = connecte(police, telephone).post(URL.format(police=police), donnees, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == code
    assert Sinistre.objects.count() == avant


def test_date_future_refusee(connecte):
    demain = (aujourdhui() + timedelta(days=1)).isoformat()
    reponse = connecte().post(
        URL.format(police="CG-2024-VIE-001"),
        {"type": "accident", "date_survenance": demain, "description": "x"},
        format="json",
    )
    assert reponse.status_code == 400 and reponse.json()["code"] == "date_future"


def test_sinistres_d_un_autre_client_404(connecte):
    assert connecte().get(URL.format(police="CG-2024-SAN-001")).status_code == 404
