"""Our Collection client against the sandbox, over real HTTP."""

import uuid

import pytest

from apps.mtn_integration.momo import (
    MomoAuthError,
    MomoBadRequest,
    MomoClient,
    MomoConfig,
    MomoDuplicateReference,
    MomoNotFound,
    MomoRejected,
    MomoTimeout,
    MomoUnavailable,
    TransactionStatus,
)
from conftest import API_KEY, API_USER, SUBSCRIPTION_KEY


def client_pour(sandbox, appels=None, **changes):
    config = {
        "base_url": sandbox.base_url,
        "subscription_key": SUBSCRIPTION_KEY,
        "api_user": API_USER,
        "api_key": API_KEY,
        "timeout": 1.0,
        **changes,
    }
    return MomoClient(MomoConfig(**config), recorder=appels.append if appels is not None else None)


def payer(client, msisdn="242061234567", reference=None, **kwargs):
    reference = reference or str(uuid.uuid4())
    client.request_to_pay(
        reference_id=reference,
        amount=1250,
        external_id="PAY-TEST",
        payer_msisdn=msisdn,
        payer_message="PASS",
        payee_note="test",
        **kwargs,
    )
    return reference


@pytest.mark.parametrize(
    ("msisdn", "statut", "raison"),
    [
        ("46733123450", "FAILED", "INTERNAL_PROCESSING_ERROR"),
        ("46733123451", "FAILED", "APPROVAL_REJECTED"),
        ("46733123452", "FAILED", "EXPIRED"),
        ("46733123455", "FAILED", "PAYER_NOT_FOUND"),
        ("46733123456", "FAILED", "PAYEE_NOT_ALLOWED_TO_RECEIVE"),
        ("46733123457", "FAILED", "NOT_ALLOWED"),
        ("46733123458", "FAILED", "NOT_ALLOWED_TARGET_ENVIRONMENT"),
        ("46733123459", "FAILED", "INVALID_CALLBACK_URL_HOST"),
        ("46733123460", "FAILED", "INVALID_CURRENCY"),
        ("46733123461", "FAILED", "INTERNAL_PROCESSING_ERROR"),
        ("46733123462", "FAILED", "SERVICE_UNAVAILABLE"),
        ("46733123463", "FAILED", "COULD_NOT_PERFORM_TRANSACTION"),
        ("46733123454", "PENDING", None),
        ("242061234567", "SUCCESSFUL", None),
        ("46733129999", "SUCCESSFUL", None),
    ],
)
def test_table_des_numeros_de_test(sandbox, msisdn, statut, raison):
    client = client_pour(sandbox)
    statut_mtn = client.get_status(payer(client, msisdn))
    assert (statut_mtn.status, statut_mtn.reason_code) == (TransactionStatus(statut), raison)
    assert (statut_mtn.financial_transaction_id is not None) == (statut == "SUCCESSFUL")


def test_jeton_reutilise_jusqu_a_son_expiration(sandbox):
    client = client_pour(sandbox)
    for _ in range(3):
        payer(client)
    assert sandbox.appels()["POST ^/collection/token/?$"] == 1


def test_mauvaises_cles(sandbox):
    with pytest.raises(MomoAuthError):
        payer(client_pour(sandbox, api_key="0" * 32))
    with pytest.raises(MomoAuthError):
        payer(client_pour(sandbox, subscription_key="mauvaise"))


def test_reference_en_double_et_mal_formee(sandbox):
    client = client_pour(sandbox)
    reference = payer(client)
    with pytest.raises(MomoDuplicateReference):
        payer(client, reference=reference)
    with pytest.raises(MomoBadRequest):
        payer(client, reference="pas-un-uuid")


def test_euro_seulement_en_bac_a_sable(sandbox):
    with pytest.raises(MomoRejected) as erreur:
        payer(client_pour(sandbox, currency="XAF"))
    assert erreur.value.code == "INVALID_CURRENCY"


def test_statut_inconnu_404(sandbox):
    with pytest.raises(MomoNotFound):
        client_pour(sandbox).get_status(str(uuid.uuid4()))


def test_pannes_5xx_et_delai(sandbox):
    client = client_pour(sandbox)
    reference = payer(client)
    sandbox.pannes(status="error500")
    with pytest.raises(MomoUnavailable):
        client.get_status(reference)
    sandbox.pannes(status="hang", hang_seconds=2)
    with pytest.raises(MomoTimeout):
        client.get_status(reference)


def test_accepte_apres_le_delai_du_client_pas_de_second_debit(sandbox):
    client = client_pour(sandbox)
    sandbox.pannes(requesttopay="accept_then_hang", hang_seconds=2, count=1)
    reference = str(uuid.uuid4())
    assert client.request_to_pay_safely(
        reference_id=reference, amount=100, external_id="X", payer_msisdn="242061234567"
    )
    assert [t["referenceId"] for t in sandbox.transactions()] == [reference]


def test_non_cree_renvoye_avec_le_meme_identifiant(sandbox):
    client = client_pour(sandbox)
    sandbox.pannes(requesttopay="error500", count=1)
    reference = str(uuid.uuid4())
    assert client.request_to_pay_safely(
        reference_id=reference, amount=100, external_id="X", payer_msisdn="242061234567"
    )
    assert [t["referenceId"] for t in sandbox.transactions()] == [reference]


def test_appels_enregistres_sans_secret_ni_numero_complet(sandbox):
    appels = []
    client = client_pour(sandbox, appels)
    reference = payer(client, "242061234567")
    client.get_status(reference)
    assert [a.path for a in appels] == [
        "/collection/token/",
        "/collection/v1_0/requesttopay",
        f"/collection/v1_0/requesttopay/{reference}",
    ]
    texte = repr(appels)
    for secret in [API_KEY, SUBSCRIPTION_KEY, "242061234567"]:
        assert secret not in texte
    assert "24206*****67" in texte
    assert all(a.duration_ms >= 0 for a in appels)


def test_solde_et_titulaire_de_compte(sandbox):
    client = client_pour(sandbox)
    assert client.is_account_holder_active("242061234567") is True
    assert client.is_account_holder_active("46733123455") is False
    assert client.get_balance().currency == "EUR"


def test_provisionnement_comme_chez_mtn(sandbox):
    client = client_pour(sandbox)
    utilisateur = str(uuid.uuid4())
    client.create_api_user(reference_id=utilisateur, callback_host="127.0.0.1")
    cle = client.create_api_key(utilisateur)
    assert len(cle) == 32
    nouveau = client_pour(sandbox, api_user=utilisateur, api_key=cle, callback_url="http://ailleurs.example/cb")
    with pytest.raises(MomoRejected) as erreur:
        payer(nouveau)
    assert erreur.value.code == "INVALID_CALLBACK_URL_HOST"
