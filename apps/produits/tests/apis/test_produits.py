import pytest

pytestmark = pytest.mark.django_db


def test_produits_publics(api, produits):
    reponse = api.get("/api/v1/produits/")
    assert reponse.status_code == 200
    corps = reponse.json()
    assert [p["code"] for p in corps] == ["BATELA", "KIMIA", "SALISA"]
    kimia = api.get("/api/v1/produits/kimia/").json()
    assert kimia["montant_minimum"] == 100
    assert {g["code"] for g in kimia["garanties"]} == {"accident", "frais_medicaux", "frais_funeraires"}
    assert "mensuelle" in kimia["periodicites_autorisees"]


def test_produit_inconnu_ou_inactif_404(api, produits):
    inconnu = api.get("/api/v1/produits/VOITURE/")
    assert inconnu.json() == {"code": "produit_introuvable", "message": "Produit introuvable."}
    produits["SALISA"].actif = False
    produits["SALISA"].save()
    assert api.get("/api/v1/produits/SALISA/").status_code == 404
    assert "SALISA" not in {p["code"] for p in api.get("/api/v1/produits/").json()}


def test_produits_limites_en_debit(api, produits, settings):
    settings.THROTTLE_ANONYME = "3/min"
    codes = [api.get("/api/v1/produits/").status_code for _ in range(4)]
    reponse = api.get("/api/v1/produits/")
    assert codes == [200, 200, 200, 429]
    assert reponse.json()["code"] == "trop_de_requetes" and int(reponse["Retry-After"]) > 0
    # Another address has its own budget (the limit is per address, never per X-Borne-Id).
    assert api.get("/api/v1/produits/", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_erreurs_au_format_unique(api, produits):
    assert api.get("/api/v1/nimporte/").json()["code"] == "introuvable"
    reponse = api.delete("/api/v1/produits/")
    assert reponse.status_code == 405 and reponse.json()["code"] == "methode_non_autorisee"


def test_schema_openapi_et_documentation(api):
    schema = api.get("/api/schema/?format=json")
    assert schema.status_code == 200
    chemins = schema.json()["paths"]
    for chemin in [
        "/api/v1/auth/login/",
        "/api/v1/clients/{police}/dashboard/",
        "/api/v1/contrats/{police}/",
        "/api/v1/produits/",
        "/api/v1/borne/heartbeat/",
    ]:
        assert chemin in chemins
    assert api.get("/api/docs/").status_code == 200


@pytest.mark.django_db
def test_schema_openapi_valide_sans_avertissement(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/v1/souscriptions/" in (tmp_path / "schema.yml").read_text()
