"""The sandbox, unmodified, with two independent clients from PyPI pointed at its base URL."""

import uuid

from airtelmoney import AirtelMoney
from airtelmoney.resources.collection import CollectionAPI
from momo_api.airtel.collection import AirtelCollectionApi
from momo_api.airtel.config import AirtelConfig

from apps.airtel_integration.airtel import callback_hash
from apps.airtel_integration.tests.conftest import CLIENT_ID, CLIENT_SECRET


def test_airtelmoney_py_v2_signe_enquete_remboursement(airtel_sandbox):
    client = AirtelMoney(CLIENT_ID, CLIENT_SECRET, base_url=airtel_sandbox.base_url, country="CG", currency="XAF")
    identifiant = str(uuid.uuid4())
    reponse = client.collection.payment(
        reference="NSIA PASS", msisdn="051234567", amount=1000, transaction_id=identifiant
    )
    assert reponse["status"]["success"] is True
    enquete = client.collection.enquiry(identifiant)
    assert enquete["data"]["transaction"]["status"] == "TS"
    remboursement = client.collection.refund(enquete["data"]["transaction"]["airtel_money_id"])
    assert remboursement["status"]["success"] is True


def test_airtelmoney_py_verifie_le_hash_du_bac_a_sable():
    transaction = {"id": "abc", "message": "Transaction Successful", "status_code": "TS", "airtel_money_id": "MP1"}
    corps = {"transaction": transaction, "hash": callback_hash(transaction, "secret-rappel")}
    assert CollectionAPI.verify_callback_hash(corps, "secret-rappel")


def test_mtn_momo_client_partie_airtel_v1(airtel_sandbox):
    api = AirtelCollectionApi(AirtelConfig.collection(CLIENT_ID, CLIENT_SECRET), airtel_sandbox.base_url)
    identifiant = api.request_to_pay("1500", "242051234567", "NSIA PASS")
    statut = api.get_payment_status(identifiant)
    assert statut.is_successful()
    echec = api.get_payment_status(api.request_to_pay("1500", "050000001", "NSIA PASS"))
    assert echec.is_failed()
