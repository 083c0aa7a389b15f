"""Periodic job of the subscription journey (docs/paiements.md, « Tâches périodiques »)."""

from procrastinate.contrib.django import app

from apps.parcours.services import souscriptions_abandonnees_annuler


@app.periodic(cron="*/10 * * * *", periodic_id="souscriptions_abandonnees")
@app.task(name="periodique.souscriptions_abandonnees", queue="periodiques", queueing_lock="abandons")
def souscriptions_abandonnees(timestamp: int) -> None:
    souscriptions_abandonnees_annuler()
