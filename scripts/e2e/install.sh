#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, on a bare Debian machine:
# the apt packages (Chromium, ripgrep, the toolchain code-server's native modules build with)
# and code-server from npm into a cache folder outside the repository (~300 MB, so never in
# the extension's node_modules). Idempotent: every step is skipped when its result is there.
# The cache folder: ${CALM_LENS_CACHE:-$HOME/.cache/calm-lens}/code-server-<version>.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # = VS Code 1.100.3, the newest code-server that runs on Node 20
CACHE_ROOT="${CALM_LENS_CACHE:-$HOME/.cache/calm-lens}"
CS_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

say() { printf '[install] %s\n' "$*"; }

# --- apt packages ---------------------------------------------------------------------------
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-dejavu-core)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  say "apt packages missing: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "apt packages present"
fi

# --- code-server ----------------------------------------------------------------------------
if [ -x "$CS_BIN" ] && [ -f "$CS_DIR/.complete" ]; then
  say "code-server $CODE_SERVER_VERSION present in $CS_DIR"
  exit 0
fi

say "installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes 1-2 minutes)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
printf '{ "name": "calm-lens-code-server", "private": true }\n' > "$CS_DIR/package.json"

# @vscode/ripgrep's postinstall downloads from GitHub unless its cache already holds the archive;
# these machines cannot reach GitHub, so the cache is seeded with Debian's rg.
INSTALL_TMP="$(mktemp -d)"
trap 'rm -rf "$INSTALL_TMP"' EXIT
RG_CACHE="$INSTALL_TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

(
  cd "$CS_DIR"
  # unsafe_perm: the postinstall refuses to run as root otherwise.
  # yes: node-pty's postinstall runs `npx node-gyp`, which an npmrc with yes=false would cancel.
  # nodedir: node-gyp builds against the installed Node headers instead of downloading them.
  TMPDIR="$INSTALL_TMP" \
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm_config_nodedir="${npm_config_nodedir:-/usr}" \
  npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION"
)
XDG_CONFIG_HOME="$INSTALL_TMP" XDG_DATA_HOME="$INSTALL_TMP" "$CS_BIN" --version
touch "$CS_DIR/.complete"
say "code-server installed: $CS_BIN"
