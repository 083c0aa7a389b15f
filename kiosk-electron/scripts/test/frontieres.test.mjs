// The import boundaries of eslint.config.mjs really fail: a rule written with a wrong option
// name only prints a warning and lets everything through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const racine = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: racine });

async function erreurs(fichier, code) {
  const [resultat] = await eslint.lintText(code, { filePath: `${racine}/${fichier}` });
  return resultat.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

test('une fonction n’importe pas une autre fonction', async () => {
  const messages = await erreurs(
    'src/features/accueil/components/Essai.tsx',
    "import { Payer } from '../../paiement/components/Payer';\nexport const x = Payer;\n",
  );
  assert.equal(messages.length, 1);
  assert.match(messages[0], /feature n'a pas le droit d'importer feature/);
});

test('une fonction utilise ses propres fichiers et le code partagé', async () => {
  const messages = await erreurs(
    'src/features/paiement/components/Essai.tsx',
    "import { Payer } from './Payer';\nimport { Bouton } from '../../../components/Bouton';\nexport const x = [Payer, Bouton];\n",
  );
  assert.deepEqual(messages, []);
});

test('le code partagé n’importe ni une fonction ni l’application', async () => {
  const messages = await erreurs(
    'src/lib/essai.ts',
    "import { Payer } from '../features/paiement/components/Payer';\nimport { App } from '../app/App';\nexport const x = [Payer, App];\n",
  );
  assert.equal(messages.length, 2);
});

test('le code de production n’importe pas les outils de test ; les tests, si', async () => {
  const code = "import { rendreApp } from '../../../test/utils';\nexport const x = rendreApp;\n";
  assert.equal((await erreurs('src/features/releve/components/Essai.tsx', code)).length, 1);
  assert.deepEqual(await erreurs('src/features/releve/components/Essai.test.tsx', code), []);
});

test('l’application compose les fonctions', async () => {
  const messages = await erreurs(
    'src/app/Essai.tsx',
    "import { Payer } from '../features/paiement/components/Payer';\nexport const x = Payer;\n",
  );
  assert.deepEqual(messages, []);
});
