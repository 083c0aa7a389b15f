'use strict';
/** Silent printing to the configured printer (the system's default one when none is configured). */

function optionsImpression(printerName) {
  const options = { silent: true, printBackground: true, margins: { marginType: 'default' } };
  if (printerName) options.deviceName = printerName;
  return options;
}

function imprimer(contenus, { printerName } = {}) {
  return new Promise((resolve, reject) => {
    contenus.print(optionsImpression(printerName), (reussi, raison) => {
      if (reussi) resolve(true);
      else reject(new Error(`impression impossible : ${raison || 'raison inconnue'}`));
    });
  });
}

module.exports = { imprimer, optionsImpression };
