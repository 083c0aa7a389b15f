#!/bin/sh
# Writes the body of nginx's `geo $operateur_refuse` (templates/nsia-pass.conf.template) from
# OPERATEURS_ADRESSES_AUTORISEES: the addresses or CIDR ranges MTN and Airtel call back from,
# separated by spaces or commas. Empty (the default): every address may call back.
# Output: the file named by OPERATEURS_ADRESSES. The nginx image runs it at start-up
# (/docker-entrypoint.d/); scripts/test.sh runs it before its own nginx.
set -eu
sortie=${OPERATEURS_ADRESSES:?OPERATEURS_ADRESSES : fichier à écrire}
liste=$(printf '%s' "${OPERATEURS_ADRESSES_AUTORISEES:-}" | tr ',' ' ')
{
  echo "# Écrit par deploy/nginx/operateurs-adresses.sh (OPERATEURS_ADRESSES_AUTORISEES)."
  if [ -z "$(echo "$liste" | tr -d ' \t\n')" ]; then
    echo "default 0;"
  else
    echo "default 1;"
    for adresse in $liste; do
      # Addresses only: anything else would be nginx configuration written by an env variable.
      case $adresse in
        *[!0-9a-fA-F.:/]* | "")
          echo "OPERATEURS_ADRESSES_AUTORISEES : « $adresse » n'est ni une adresse IP ni un réseau CIDR" >&2
          exit 1 ;;
      esac
      echo "$adresse 0;"
    done
  fi
} > "$sortie"
