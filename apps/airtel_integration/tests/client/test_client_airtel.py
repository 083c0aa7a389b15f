"""Our Airtel client against the project's Airtel sandbox, over HTTP (no Django, no database)."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from apps.airtel_integration.airtel import (
    AirtelAmbiguous,
    AirtelNotFound,
    AirtelRejected,
    AirtelUnavailable,
    callback_hash,
    callback_hash_valid,
)
from apps.airtel_integration.airtel.client import AirtelDuplicate


def payer(client, msisdn="051234567", transaction_id=None):
    transaction_id = transaction_id or str(uuid.uuid4())
    client.pay(transaction_id=transaction_id, amount=6000, msisdn=msisdn, reference="NSIA PASS test")
    return transaction_id


@pytest.mark.parametrize("signature", [False, True])
def test_paiement_v1_et_v2_puis_enquete_reussie(client_airtel, airtel_sandbox, signature):
    client = client_airtel(signing=signature)
    enquete = client.enquiry(payer(client, "+242051234567"))
    assert enquete.status == "TS"
    assert enquete.airtel_money_id
    assert airtel_sandbox.transactions()[0]["msisdn"] == "051234567"  # national 9 digits by default


def test_signature_v2_fausse_refusee(client_airtel):
    client = client_airtel(signing=True)
    client.public_key()
    client._signature_headers = lambda payload, _vrai=client._signature_headers: _vrai(payload + " ")
    with pytest.raises(AirtelRejected) as refus:
        payer(client)
    assert refus.value.code == "DP00800001026"


def test_jeton_en_cache(client_airtel, airtel_sandbox):
    appels = []
    client = client_airtel(recorder=appels.append)
    payer(client)
    payer(client)
    assert [a.path for a in appels].count("/auth/oauth2/token") == 1


def test_jeton_revoque_par_airtel_renouvele_une_fois(client_airtel, airtel_sandbox):
    """Airtel forgets its tokens before the expiry it announced (a restart): the 401 is not a
    refusal of the payment; the client takes a new token and sends again, once."""
    appels = []
    client = client_airtel(recorder=appels.append)
    payer(client)
    airtel_sandbox.oublier_jetons()
    identifiant = payer(client)
    airtel_sandbox.oublier_jetons()
    assert client.enquiry(identifiant).status == "TS"
    assert [a.path for a in appels].count("/auth/oauth2/token") == 3
    assert [a.status_code for a in appels].count(401) == 2


@pytest.mark.parametrize(
    ("msisdn", "statut", "code"),
    [
        ("050000001", "TF", "DP00800001007"),
        ("050000002", "TF", "DP00800001002"),
        ("050000003", "TE", "DP00800001029"),
        ("050000005", "TIP", "DP00800001006"),
    ],
)
def test_payeurs_de_test(client_airtel, msisdn, statut, code):
    client = client_airtel()
    enquete = client.enquiry(payer(client, msisdn))
    assert (enquete.status, enquete.code) == (statut, code)


def test_payeur_lent_puis_reussi(client_airtel, airtel_sandbox):
    airtel_sandbox.regler(slow_seconds=0.3)
    client = client_airtel()
    identifiant = payer(client, "050000004")
    assert client.enquiry(identifiant).status == "TIP"
    import time

    time.sleep(0.4)
    assert client.enquiry(identifiant).status == "TS"


def test_numero_inconnu_et_identifiant_en_double(client_airtel):
    client = client_airtel()
    with pytest.raises(AirtelRejected) as refus:
        payer(client, "050000006")
    assert refus.value.code == "ESB000033"
    identifiant = payer(client)
    with pytest.raises(AirtelDuplicate):
        payer(client, transaction_id=identifiant)


def test_enquete_inconnue_et_pannes(client_airtel, airtel_sandbox):
    client = client_airtel()
    with pytest.raises(AirtelNotFound):
        client.enquiry(str(uuid.uuid4()))
    airtel_sandbox.pannes(payment="error500")
    with pytest.raises(AirtelUnavailable):
        payer(client)
    airtel_sandbox.pannes(enquiry="hang")
    with pytest.raises(AirtelUnavailable):
        client.enquiry(str(uuid.uuid4()))
    airtel_sandbox.pannes(enquiry="ambiguous")
    assert client.enquiry(payer(client)).status == "TA"


def test_remboursement(client_airtel):
    client = client_airtel()
    enquete = client.enquiry(payer(client))
    assert client.refund(enquete.airtel_money_id)["status"]["success"] is True
    with pytest.raises(AirtelRejected):
        client.refund(enquete.airtel_money_id)  # refunded once only


def test_appels_enregistres_masques(client_airtel):
    appels = []
    client = client_airtel(recorder=appels.append)
    payer(client, "051234567")
    texte = " ".join(f"{a.request_body} {a.response_body}" for a in appels)
    assert "secret-airtel-test" not in texte
    assert "051234567" not in texte
    assert "access_token" in texte and '"***"' in texte


def test_hash_du_callback():
    transaction = {"id": "x", "message": "ok", "status_code": "TS", "airtel_money_id": "MP1"}
    corps = {"transaction": transaction, "hash": callback_hash(transaction, "s3cret")}
    assert callback_hash_valid(corps, "s3cret")
    assert not callback_hash_valid({**corps, "hash": "faux"}, "s3cret")
    assert not callback_hash_valid({**corps, "hash": "é"}, "s3cret")  # anyone may post anything
    assert not callback_hash_valid(
        {"transaction": {**transaction, "status_code": "TF"}, "hash": corps["hash"]}, "s3cret"
    )


@pytest.fixture
def airtel_derriere_un_mandataire_bavard():
    """An Airtel whose push answers 200 with a page that is not Airtel's JSON (a proxy or a
    gateway page in front of it). Our sandbox never does that, hence this small server."""

    class Reponses(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/auth/oauth2/token":
                corps, type_ = json.dumps({"access_token": "t", "expires_in": "180"}), "application/json"
            else:
                corps, type_ = "<html>Service temporairement indisponible</html>", "text/html"
            self.send_response(200)
            self.send_header("Content-Type", type_)
            self.send_header("Content-Length", str(len(corps.encode())))
            self.end_headers()
            self.wfile.write(corps.encode())

        def log_message(self, *args):
            pass

    serveur = ThreadingHTTPServer(("127.0.0.1", 0), Reponses)
    threading.Thread(target=serveur.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{serveur.server_address[1]}"
    serveur.shutdown()
    serveur.server_close()


def test_reponse_illisible_a_l_envoi_est_ambigue(client_airtel, airtel_derriere_un_mandataire_bavard):
    """Airtel may have sent the push: an answer that is not Airtel's is never a refusal."""
    client = client_airtel(base_url=airtel_derriere_un_mandataire_bavard)
    with pytest.raises(AirtelAmbiguous):
        payer(client)
