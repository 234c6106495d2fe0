#!/usr/bin/env bash
# An executable for @vscode/test-electron's runTests({ vscodeExecutablePath }): see vscode-via-code-server.ts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec node --import tsx "$here/vscode-via-code-server.ts" "$@"
