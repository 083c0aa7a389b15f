"""The OpenAPI schema documents the error answers each operation really gives."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    return api.get("/api/schema/?format=json").json()


def test_chaque_operation_documente_ses_erreurs(schema):
    assert schema["components"]["schemas"]["Erreur"]["required"] == ["code", "message"]
    for chemin, operations in schema["paths"].items():
        for methode, operation in operations.items():
            codes = set(operation["responses"])
            assert {"400", "429", "503"} <= codes, (methode, chemin)
            if methode != "get":
                assert {"409", "413"} <= codes, (methode, chemin)
            assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_operations_protegees_401_et_404(schema):
    tableau = schema["paths"]["/api/v1/clients/{police}/dashboard/"]["get"]["responses"]
    assert {"401", "403", "404"} <= set(tableau)
    assert "401" in schema["paths"]["/api/v1/auth/login/"]["post"]["responses"]
    assert "401" not in schema["paths"]["/api/v1/produits/"]["get"]["responses"]


def test_motif_du_telephone(schema):
    connexion = schema["components"]["schemas"]["ConnexionInputRequest"]["properties"]["telephone"]
    assert connexion["pattern"] == r"^\+242[0-9]{9}$"
