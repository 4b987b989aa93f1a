#!/usr/bin/env bash
# Runs a command against a private, throwaway OS keychain: a fresh D-Bus session bus with its
# own gnome-keyring-daemon (Secret Service), whose HOME and runtime dir are temp folders.
# The user's real keyring is never reachable from inside: DBUS_SESSION_BUS_ADDRESS points at
# the private bus only. docs/architecture.md §8.
set -euo pipefail

if [[ "${REKEY_PRIVATE_KEYRING:-}" == "1" ]]; then
  exec "$@" # already inside one (nested npm scripts)
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-private-keyring: '$tool' is missing; install the apt packages dbus and gnome-keyring (see .ci/run)." >&2
    exit 1
  fi
done

keyring_home="$(mktemp -d -t rekey-keyring.XXXXXX)"
trap 'rm -rf "$keyring_home"' EXIT
mkdir -m 700 "$keyring_home/run"

export REKEY_KEYRING_HOME="$keyring_home"
dbus-run-session -- bash -c '
  set -euo pipefail
  # A throwaway password creates and unlocks the "login" collection, so no prompt can appear.
  eval "$(printf "rekey-private-keyring" | HOME="$REKEY_KEYRING_HOME" XDG_RUNTIME_DIR="$REKEY_KEYRING_HOME/run" \
    gnome-keyring-daemon --unlock --components=secrets)"
  export REKEY_PRIVATE_KEYRING=1
  "$@"
  status=$?
  exit $status
' with-private-keyring "$@"
