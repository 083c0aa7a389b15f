"""Property-based test (Hypothesis state machine): money is never lost (docs/paiements.md).

Payments on three contrats by MTN MoMo and Airtel Money payers, each operator's callbacks
delivered, repeated, lying or forged (Airtel's with a right or wrong hash when a callback secret
is set), the operators' endpoints failing or hanging past our timeout, their tokens dropped, jobs
lost (a worker that died) and the 7-day window crossed by moving the clock. After every step:
nothing is credited that the operator did not report successful, and nothing is failed that the
operator did not fail. At the end of each run, once the operators have answered everything: for
every contrat, what we credited = the amounts the operators report successful.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as reglages_hypothesis
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from apps.airtel_integration.airtel import callback_hash
from apps.airtel_integration.tests.conftest import _airtel, airtel_sandbox  # noqa: F401 - fixtures
from apps.core.exceptions import Conflict
from apps.mtn_integration.models import TransactionMomo
from apps.paiements import operateurs as momo
from apps.paiements.models import Paiement
from apps.paiements.passerelles import ECHOUE, EN_COURS, REUSSI
from apps.souscriptions.models import Contrat
from conftest import travaux_executer

POLICES = ["CG-2024-VIE-001", "CG-2024-EPG-001", "CG-2024-SAN-001"]
MONTANT = 1000
SECRET_DES_RAPPELS = "secret-des-rappels-test"


class Mtn:
    """MTN MoMo as the machine sees it: its sandbox, its callback, its faults."""

    mode = "mtn_momo"
    # A normal MTN number (succeeds), MTN's test payer that stays pending until forced, one rejected.
    payeurs = ["+242061234567", "46733123454", "46733123451"]
    refuses_a_l_envoi: set[str] = set()
    pannes = ["error500", "error503", "hang"]

    def __init__(self, sandbox):
        self.sandbox = sandbox

    def statut(self, reference_id) -> str | None:
        """PENDING, SUCCESSFUL or FAILED at MTN; None when MTN never received the request."""
        ligne = next((t for t in self.sandbox.transactions() if t["referenceId"] == str(reference_id)), None)
        return None if ligne is None else ligne["status"]

    def en_attente(self) -> list[str]:
        return [t["referenceId"] for t in self.sandbox.transactions() if t["status"] == "PENDING"]

    def trancher(self, reference_id, reussi: bool) -> None:
        self.sandbox.regler(reference_id, REUSSI if reussi else ECHOUE)

    def flancher(self, panne: str | None) -> None:
        if panne is None:
            self.sandbox.pannes()
        else:  # a hang lasts longer than our client's timeout (0.3 s)
            self.sandbox.pannes(status=panne, hang_seconds=0.5, count=2)

    def oublier_jetons(self) -> None:
        self.sandbox.expire_tokens()

    def rappeler(self, api, transaction_momo, statut: str):
        return api.put(
            f"/api/v1/mtn/callback/?ref={transaction_momo.reference_id}",
            {"externalId": transaction_momo.paiement.reference, "status": statut},
            format="json",
        )


class Airtel:
    """Airtel Money as the machine sees it: the sandbox's control API, Airtel's callback format."""

    mode = "airtel_money"
    # A normal Airtel number (TS), the sandbox's test payers: TF, stays TIP, refused at the push.
    payeurs = ["+242051234567", "+242050000001", "+242050000005", "+242050000006"]
    refuses_a_l_envoi = {"+242050000006"}
    pannes = [
        {"enquiry": "error500"},
        {"enquiry": "hang"},
        {"enquiry": "ambiguous"},
        {"payment": "error500"},
        {"payment": "hang"},
        {"payment": "accept_then_error500"},
        {"payment": "accept_then_hang"},
        {"token": "error500"},
    ]
    STATUTS = {"TS": REUSSI, "TF": ECHOUE, "TE": ECHOUE}
    CODES = {REUSSI: "TS", ECHOUE: "TF", EN_COURS: "TIP"}
    MESSAGES = {REUSSI: "Transaction Successful", ECHOUE: "Transaction Failed", EN_COURS: "In Progress"}

    def __init__(self, pilote):
        self.pilote = pilote
        self.secret = ""  # the callback secret of this run (AIRTEL_CALLBACK_SECRET)

    def statut(self, reference_id) -> str | None:
        vue = self.pilote.transaction(str(reference_id))
        return None if vue is None else self.STATUTS.get(vue["status"], EN_COURS)

    def en_attente(self) -> list[str]:
        return [t["id"] for t in self.pilote.transactions() if t["status"] == "TIP"]

    def trancher(self, reference_id, reussi: bool) -> None:
        self.pilote.trancher(reference_id, "TS" if reussi else "TF", None if reussi else "DP00800001008")

    def flancher(self, panne: dict | None) -> None:
        if panne is None:
            self.pilote.pannes()
        else:  # a hang lasts the sandbox's hang_seconds (0.5 s), longer than our timeout (0.3 s)
            self.pilote.pannes(**panne, count=2)

    def oublier_jetons(self) -> None:
        self.pilote.oublier_jetons()

    def rappeler(self, api, transaction_momo, statut: str, hash_faux: str | None = None):
        transaction = {
            "id": str(transaction_momo.reference_id),
            "message": self.MESSAGES[statut],
            "status_code": self.CODES[statut],
            "airtel_money_id": "MP0000000000",
        }
        corps = {"transaction": transaction}
        if hash_faux is not None:
            corps["hash"] = hash_faux
        elif self.secret:
            corps["hash"] = callback_hash(transaction, self.secret)
        return api.post("/api/v1/airtel/callback/", corps, format="json")


class ArgentJamaisPerdu(RuleBasedStateMachine):
    operateurs: dict = {}
    api = None
    reglages = None

    def __init__(self):
        super().__init__()
        self.decalage = timedelta(0)  # the fake clock: how far past "now" the worker believes it is
        self.total_initial = {p: Contrat.objects.get(numero_police=p).total_paye for p in POLICES}
        self.paiements: list[str] = []
        for operateur in self.operateurs.values():
            operateur.flancher(None)
        # The sandboxes hang for 0.5 s: past our clients' timeout during the run.
        self.reglages.MOMO_TIMEOUT_SECONDS = self.reglages.AIRTEL_TIMEOUT_SECONDS = 0.3

    @initialize(secret=st.sampled_from(["", SECRET_DES_RAPPELS]))
    def airtel_signe_ou_non_ses_rappels(self, secret):
        self.reglages.AIRTEL_CALLBACK_SECRET = self.operateurs["airtel_money"].secret = secret

    def _maintenant(self):
        return timezone.now() + self.decalage

    def _transactions(self, mode=None):
        transactions = TransactionMomo.objects.filter(paiement__reference__in=self.paiements)
        if mode:
            transactions = transactions.filter(paiement__mode_paiement=mode)
        return list(transactions.select_related("paiement").order_by("pk"))

    @rule(
        police=st.sampled_from(POLICES),
        payeur=st.sampled_from(Mtn.payeurs + Airtel.payeurs),
    )
    def payer(self, police, payeur):
        from apps.parcours.services import paiement_initier_sur_contrat

        try:
            paiement = paiement_initier_sur_contrat(
                contrat=Contrat.objects.get(numero_police=police),
                montant=MONTANT,
                numero_payeur=payeur,
                renouvellement=False,
                borne=None,
            )
        except Conflict as refus:  # one pending payment per contrat
            assert refus.code == "paiement_en_cours"
            return
        self.paiements.append(paiement.reference)

    @rule(nombre=st.integers(1, 6))
    def le_travailleur_avance(self, nombre):
        travaux_executer(jusqu_a=self._maintenant(), limite=nombre)

    @rule(index=st.integers(0, 50), statut=st.sampled_from([REUSSI, ECHOUE, EN_COURS]), fois=st.integers(1, 3))
    def callback(self, index, statut, fois):
        """Delivered, repeated, intermediate or lying, in the operator's own format: never believed."""
        transactions = self._transactions()
        if not transactions:
            return
        transaction_momo = transactions[index % len(transactions)]
        operateur = self.operateurs[transaction_momo.paiement.mode_paiement]
        for _ in range(fois):
            assert operateur.rappeler(self.api, transaction_momo, statut).status_code == 200

    @precondition(lambda self: self.operateurs["airtel_money"].secret)
    @rule(index=st.integers(0, 50), statut=st.sampled_from([REUSSI, ECHOUE]), hash_faux=st.text(max_size=50))
    def callback_airtel_au_hash_faux(self, index, statut, hash_faux):
        """With a secret set, a callback whose hash is wrong is refused and changes nothing."""
        transactions = self._transactions("airtel_money")
        if not transactions:
            return
        transaction_momo = transactions[index % len(transactions)]
        avant = _travaux_et_rappels(transaction_momo)
        reponse = self.operateurs["airtel_money"].rappeler(self.api, transaction_momo, statut, hash_faux=hash_faux)
        assert reponse.status_code in {400, 404}  # 400: NUL bytes refused at the edge
        assert _travaux_et_rappels(transaction_momo) == avant

    @rule(corps=st.fixed_dictionaries({"externalId": st.text(max_size=45), "status": st.text(max_size=12)}))
    def callback_mtn_forge(self, corps):
        # 400: a body with NUL bytes is refused at the edge as unreadable (changes nothing either).
        assert self.api.put("/api/v1/mtn/callback/", corps, format="json").status_code in {200, 400, 404}

    @rule(
        corps=st.fixed_dictionaries(
            {"transaction": st.fixed_dictionaries({"id": st.text(max_size=40), "status_code": st.text(max_size=4)})},
            optional={"hash": st.text(max_size=50)},
        )
    )
    def callback_airtel_forge(self, corps):
        """Junk ids name none of our transactions, whatever the secret."""
        assert self.api.post("/api/v1/airtel/callback/", corps, format="json").status_code in {400, 404}

    @rule(mode=st.sampled_from([Mtn.mode, Airtel.mode]), index=st.integers(0, 50), reussi=st.booleans())
    def l_operateur_tranche(self, mode, index, reussi):
        """The payer approves or refuses on the phone (a transaction still pending at the operator)."""
        en_attente = self.operateurs[mode].en_attente()
        if en_attente:
            self.operateurs[mode].trancher(en_attente[index % len(en_attente)], reussi)

    @rule(
        panne=st.sampled_from(
            [(Mtn.mode, p) for p in [*Mtn.pannes, None]] + [(Airtel.mode, p) for p in [*Airtel.pannes, None]]
        )
    )
    def l_operateur_flanche(self, panne):
        mode, quoi = panne
        self.operateurs[mode].flancher(quoi)

    @rule(mode=st.sampled_from([Mtn.mode, Airtel.mode]))
    def l_operateur_oublie_ses_jetons(self, mode):
        """A restart or a key rotation at the operator: the token we cached is refused."""
        self.operateurs[mode].oublier_jetons()

    @rule()
    def un_travailleur_meurt(self):
        """Its jobs are lost; the periodic sweep must give every pending transaction a check again."""
        with connection.cursor() as curseur:
            curseur.execute("DELETE FROM procrastinate_jobs WHERE id = (SELECT min(id) FROM procrastinate_jobs)")

    @rule()
    def reconciliation_periodique(self):
        momo.reconcilier()

    @rule()
    def sept_jours_passent(self):
        """The 7-day window (and the old 10-minute expiry) is crossed."""
        TransactionMomo.objects.filter(paiement__reference__in=self.paiements).update(
            date_creation=timezone.now() - timedelta(days=8)
        )
        self.decalage += timedelta(minutes=10)

    @invariant()
    def rien_n_est_credite_sans_succes_de_l_operateur(self):
        for transaction_momo in self._transactions():
            paiement = Paiement.objects.get(pk=transaction_momo.paiement_id)
            if paiement.statut == "succes":
                assert self.operateurs[paiement.mode_paiement].statut(transaction_momo.reference_id) == REUSSI

    @invariant()
    def rien_n_est_en_echec_sans_echec_de_l_operateur(self):
        """Only the operator's final answer fails a payment (a refusal of the push included)."""
        for transaction_momo in self._transactions():
            paiement = Paiement.objects.get(pk=transaction_momo.paiement_id)
            if paiement.statut == "echec":
                operateur = self.operateurs[paiement.mode_paiement]
                statut = operateur.statut(transaction_momo.reference_id)
                assert statut == ECHOUE or (statut is None and paiement.numero_payeur in operateur.refuses_a_l_envoi), (
                    paiement.numero_payeur,
                    statut,
                    transaction_momo.raison,
                )

    def teardown(self):
        """The operators answer everything; the worker catches up; then the books must match.

        Each round runs what is due now: one check per pending transaction (the next one it
        schedules waits for the next round), so a request sent during a round and left pending
        by its payer is settled at the start of the next one instead of being checked in a loop.
        """
        # No fault any more: a slow answer on a loaded machine must not pass for one.
        self.reglages.MOMO_TIMEOUT_SECONDS = self.reglages.AIRTEL_TIMEOUT_SECONDS = 5
        for _ in range(10):
            for operateur in self.operateurs.values():
                operateur.flancher(None)
                for reference_id in operateur.en_attente():
                    operateur.trancher(reference_id, reussi=True)
            TransactionMomo.objects.filter(paiement__reference__in=self.paiements).update(
                prochaine_verification=timezone.now()
            )
            momo.reconcilier()
            travaux_executer(limite=300)
            if not Paiement.objects.filter(reference__in=self.paiements, statut="en_attente").exists():
                break
        assert not Paiement.objects.filter(reference__in=self.paiements, statut="en_attente").exists()
        reussis_chez_l_operateur = {p: 0 for p in POLICES}
        for transaction_momo in TransactionMomo.objects.filter(paiement__reference__in=self.paiements).select_related(
            "paiement__souscription__police"
        ):
            operateur = self.operateurs[transaction_momo.paiement.mode_paiement]
            if operateur.statut(transaction_momo.reference_id) == REUSSI:
                reussis_chez_l_operateur[transaction_momo.paiement.souscription.police.numero_police] += MONTANT
        for police in POLICES:
            credite = Contrat.objects.get(numero_police=police).total_paye - self.total_initial[police]
            assert credite == reussis_chez_l_operateur[police], police


def _travaux_et_rappels(transaction_momo):
    """What a callback may change: the queued jobs and the transaction's callback marks."""
    with connection.cursor() as curseur:
        curseur.execute("SELECT id, task_name, args, status FROM procrastinate_jobs ORDER BY id")
        travaux = curseur.fetchall()
    return travaux, TransactionMomo.objects.filter(pk=transaction_momo.pk).values_list(
        "callback_recu", "date_dernier_callback"
    )[0]


@pytest.mark.django_db
def test_l_argent_n_est_jamais_perdu(demo, sandbox, airtel_sandbox, api, settings):  # noqa: F811
    # The abuse limits (tested in test_limites.py) would refuse most of the steps' payments.
    settings.LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN = settings.LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR = 10_000
    settings.LIMITE_PAIEMENTS_PAR_BORNE_HEURE = 10_000
    sandbox.state.ongoing_seconds = 0.2
    airtel_sandbox.regler(processing_seconds=0.2, hang_seconds=0.5)  # TIP a moment, hangs outlast 0.3 s
    ArgentJamaisPerdu.operateurs = {Mtn.mode: Mtn(sandbox), Airtel.mode: Airtel(airtel_sandbox)}
    ArgentJamaisPerdu.api, ArgentJamaisPerdu.reglages = api, settings
    run_state_machine_as_test(
        ArgentJamaisPerdu,
        settings=reglages_hypothesis(
            max_examples=12,
            stateful_step_count=45,  # 12 × 45 = 540 steps, both operators mixed
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
