"""Property-based test (Hypothesis state machine): money is never lost (docs/paiements.md).

Payments on three contrats, callbacks delivered, repeated, lying or forged, the operator's
status endpoint failing or hanging past our timeout, jobs lost (a worker that died) and the
7-day window crossed by moving the clock. After every step: nothing is credited that the
operator did not report successful. At the end of each run, once the operator has answered
everything: for every contrat, what we credited = the amounts the operator reports successful.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as reglages_hypothesis
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from apps.core.exceptions import Conflict
from apps.mtn_integration.models import TransactionMomo
from apps.paiements import operateurs as momo
from apps.paiements.models import Paiement
from apps.souscriptions.models import Contrat
from conftest import travaux_executer

POLICES = ["CG-2024-VIE-001", "CG-2024-EPG-001", "CG-2024-SAN-001"]
# A normal MTN number (succeeds), and MTN's test payer that stays pending until forced.
PAYEURS = ["+242061234567", "46733123454", "46733123451"]
MONTANT = 1000


class ArgentJamaisPerdu(RuleBasedStateMachine):
    sandbox = None
    api = None

    def __init__(self):
        super().__init__()
        self.decalage = timedelta(0)  # the fake clock: how far past "now" the worker believes it is
        self.total_initial = {p: Contrat.objects.get(numero_police=p).total_paye for p in POLICES}
        self.paiements: list[str] = []
        self.sandbox.pannes()

    def _maintenant(self):
        return timezone.now() + self.decalage

    def _transactions(self):
        return list(TransactionMomo.objects.filter(paiement__reference__in=self.paiements))

    @rule(police=st.sampled_from(POLICES), payeur=st.sampled_from(PAYEURS))
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

    @rule(index=st.integers(0, 50), statut=st.sampled_from(["SUCCESSFUL", "FAILED"]), fois=st.integers(1, 3))
    def callback(self, index, statut, fois):
        """Delivered, repeated, or lying: the body's status is never believed."""
        transactions = self._transactions()
        if not transactions:
            return
        transaction_momo = transactions[index % len(transactions)]
        for _ in range(fois):
            self.api.put(
                f"/api/v1/mtn/callback/?ref={transaction_momo.reference_id}",
                {"externalId": transaction_momo.paiement.reference, "status": statut},
                format="json",
            )

    @rule(corps=st.fixed_dictionaries({"externalId": st.text(max_size=45), "status": st.text(max_size=12)}))
    def callback_forge(self, corps):
        # 400: a body with NUL bytes is refused at the edge as unreadable (changes nothing either).
        assert self.api.put("/api/v1/mtn/callback/", corps, format="json").status_code in {200, 400, 404}

    @rule(index=st.integers(0, 50), statut=st.sampled_from(["SUCCESSFUL", "FAILED"]))
    def l_operateur_tranche(self, index, statut):
        """The payer approves or refuses on the phone (a transaction still pending at MTN)."""
        en_attente = [t for t in self.sandbox.transactions() if t["status"] == "PENDING"]
        if en_attente:
            self.sandbox.regler(en_attente[index % len(en_attente)]["referenceId"], statut)

    @rule(panne=st.sampled_from(["error500", "error503", "hang", None]))
    def l_operateur_flanche(self, panne):
        if panne is None:
            self.sandbox.pannes()
        else:  # a hang lasts longer than our client's timeout (0.3 s)
            self.sandbox.pannes(status=panne, hang_seconds=0.5, count=2)

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
            if Paiement.objects.get(pk=transaction_momo.paiement_id).statut == "succes":
                assert self.sandbox.transaction(str(transaction_momo.reference_id))["status"] == "SUCCESSFUL"

    def teardown(self):
        """The operator answers everything; the worker catches up; then the books must match."""
        self.sandbox.pannes()
        for _ in range(8):
            for ligne in self.sandbox.transactions():
                if ligne["status"] == "PENDING":
                    self.sandbox.regler(ligne["referenceId"], "SUCCESSFUL")
            TransactionMomo.objects.filter(paiement__reference__in=self.paiements).update(
                prochaine_verification=timezone.now()
            )
            momo.reconcilier()
            travaux_executer(jusqu_a=timezone.now() + timedelta(days=30), limite=300)
            if not Paiement.objects.filter(reference__in=self.paiements, statut="en_attente").exists():
                break
        assert not Paiement.objects.filter(reference__in=self.paiements, statut="en_attente").exists()
        reussis_chez_l_operateur = {p: 0 for p in POLICES}
        for transaction_momo in TransactionMomo.objects.filter(paiement__reference__in=self.paiements).select_related(
            "paiement__souscription__police"
        ):
            if self.sandbox.transaction(str(transaction_momo.reference_id))["status"] == "SUCCESSFUL":
                reussis_chez_l_operateur[transaction_momo.paiement.souscription.police.numero_police] += MONTANT
        for police in POLICES:
            credite = Contrat.objects.get(numero_police=police).total_paye - self.total_initial[police]
            assert credite == reussis_chez_l_operateur[police], police


@pytest.mark.django_db
def test_l_argent_n_est_jamais_perdu(demo, sandbox, api, settings):
    settings.MOMO_TIMEOUT_SECONDS = 0.3
    # The abuse limits (tested in test_limites.py) would refuse most of the 300 steps' payments.
    settings.LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN = settings.LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR = 10_000
    settings.LIMITE_PAIEMENTS_PAR_BORNE_HEURE = 10_000
    sandbox.state.ongoing_seconds = 0.2
    ArgentJamaisPerdu.sandbox, ArgentJamaisPerdu.api = sandbox, api
    run_state_machine_as_test(
        ArgentJamaisPerdu,
        settings=reglages_hypothesis(
            max_examples=6,
            stateful_step_count=50,  # 6 × 50 = 300 steps
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
