'use strict';
/** Fails if the production build (dist/) still reads the test knobs from the page address. */
const fs = require('node:fs');
const path = require('node:path');

const dossier = path.join(__dirname, '..', 'dist', 'assets');
const scripts = fs.readdirSync(dossier).filter((f) => f.endsWith('.js'));
const fautifs = scripts.filter((f) => /compte_a_rebours|inactivite=/.test(fs.readFileSync(path.join(dossier, f), 'utf8')));
if (scripts.length === 0 || fautifs.length > 0) {
  console.error(`Construction de production avec des réglages de test : ${fautifs.join(', ') || 'aucun script'}`);
  process.exit(1);
}
console.log('Construction de production : aucun réglage de test.');
