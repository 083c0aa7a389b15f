'use strict';
/**
 * Shared pieces of the end-to-end scenarios: Debian's Chromium driven by playwright-core,
 * the kiosk opened from the live API at ${E2E_BASE_URL}/borne/ with short inactivity delays.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
const URL_BORNE = `${BASE_URL}/borne/?inactivite=5&compte_a_rebours=3`;
const DOSSIER_CAPTURES = path.join(__dirname, 'screenshots');

/** A payment waits at most 120 s on screen; the scenarios allow a little more. */
const DELAI_PAIEMENT_MS = 130_000;

async function lancer() {
  const navigateur = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // scripts/test.sh serves the kiosk through nginx with a throwaway self-signed certificate.
      ...(process.env.E2E_IGNORER_CERTIFICAT ? ['--ignore-certificate-errors'] : []),
    ],
  });
  const contexte = await navigateur.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'fr-FR', hasTouch: true });
  const page = await contexte.newPage();
  page.setDefaultTimeout(15_000);
  const erreurs = [];
  page.on('pageerror', (e) => erreurs.push(e.message));
  return { navigateur, page, erreurs };
}

async function ouvrir(page) {
  await page.goto(URL_BORNE);
  await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor();
}

async function capture(page, nom) {
  fs.mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(DOSSIER_CAPTURES, `${nom}.png`) });
}

/** Types on the on-screen keypad (keys carry data-testid="touche-<c>"). */
async function taper(page, texte) {
  for (const c of texte) await page.getByTestId(`touche-${c}`).click();
}

async function effacerChamp(page, champ) {
  await page.getByTestId(champ).click();
  const effacer = page.getByTestId('touche-effacer');
  for (let i = 0; i < 20; i++) await effacer.click();
}

/**
 * From Accueil: choose, type the police (after the fixed "CG-") and the 9 digits, Valider.
 * `police` like "CG-2024-VIE-001", `telephone` like "061234567".
 */
async function seConnecter(page, police, telephone, choix = /Consulter mon compte/) {
  await page.getByRole('button', { name: choix }).click();
  await taper(page, police.replace(/^CG-/, ''));
  await page.getByTestId('champ-telephone').click();
  await taper(page, telephone);
  await page.getByRole('button', { name: 'Valider' }).click();
}

/** No-break spaces → spaces, so amounts compare as "5 000 FCFA". */
const espaces = (t) => String(t ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A fresh MTN Congo number (06 + 7 digits) for a new subscriber. */
function numeroAleatoire() {
  return `06${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

module.exports = { BASE_URL, URL_BORNE, DELAI_PAIEMENT_MS, lancer, ouvrir, capture, taper, effacerChamp, seConnecter, espaces, numeroAleatoire };
