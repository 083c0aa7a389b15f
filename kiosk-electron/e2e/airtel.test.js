'use strict';
/**
 * Pierre NGOUABI (CG-2024-VIE-002, 04 234 56 78, expired 20 days ago) renews his PASS by
 * Airtel Money with his own number: Airtel pre-selected from the number, paid through the
 * project's Airtel sandbox, contrat active again.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { lancer, ouvrir, capture, seConnecter, DELAI_PAIEMENT_MS } = require('./helpers');

test('Pierre NGOUABI : PASS expiré, « Renouveler » proposé, renouvelle par Airtel Money', { timeout: 300_000 }, async (t) => {
  const { navigateur, page } = await lancer();
  t.after(() => navigateur.close());

  await ouvrir(page);
  await seConnecter(page, 'CG-2024-VIE-002', '042345678');
  await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  // Expired: never « À jour », and « Renouveler » is the card's button (checked here, before
  // the renewal below makes the PASS active again: the e2e files share one database).
  const carte = page.getByTestId('contrat-CG-2024-VIE-002');
  assert.match(await carte.innerText(), /Expiré/);
  assert.doesNotMatch(await carte.innerText(), /À jour/);
  await carte.getByRole('button', { name: /^Renouveler/ }).click();
  await page.getByTestId('bouton-payer').waitFor();
  assert.equal(await page.getByTestId('option-renouvellement').getAttribute('aria-checked'), 'true');
  await capture(page, '13b-renouveler');
  const airtel = page.getByRole('button', { name: 'Airtel Money', exact: true });
  assert.equal(await airtel.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'MTN MoMo', exact: true }).getAttribute('aria-pressed'), 'false');
  await capture(page, '30-payer-airtel');
  await page.getByTestId('bouton-payer').click();
  const succes = page.getByTestId('paiement-succes');
  await succes.waitFor({ timeout: DELAI_PAIEMENT_MS });
  await capture(page, '31-renouvellement-airtel-reussi');
  await page.getByRole('button', { name: 'Retour à mon compte' }).click();
  await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  assert.doesNotMatch(await page.getByTestId('contrat-CG-2024-VIE-002').innerText(), /Expiré/i);
});
