#!/usr/bin/env bash
# The manual page (docs/dlmath.1) and `dlmath --help` name the same commands, and the page states
# the version `dlmath version` prints.
# Usage: manual_lists_commands.sh DLMATH MANUAL
set -euo pipefail
dlmath=$1 manual=$2
# CLI11 lists the subcommands after "Subcommands:", one per line, indented, up to a blank line.
help=$("$dlmath" --help | awk 'tolower($0) ~ /^subcommands:/ { on = 1; next }
                               on && /^$/ { exit } on && /^  [a-z]/ { print $1 }' | sort)
# The page: in its COMMANDS section, each item (.TP) starts with the command in bold.
page=$(awk '/^\.SH / { on = ($2 == "COMMANDS") } on && prev == ".TP" && /^\.BR? [a-z]/ { print $2 } { prev = $0 }' "$manual" | sort)
[ -n "$help" ] || { echo "FAIL: no commands found in dlmath --help"; exit 1; }
if [ "$help" != "$page" ]; then
  echo "FAIL: dlmath --help and $manual list different commands (< --help, > manual):"
  diff <(echo "$help") <(echo "$page") || true
  exit 1
fi
version=$("$dlmath" version | awk '{ print $2 }')
grep -q "^\.TH DLMATH 1 .*\"dlmath $version\"" "$manual" ||
  { echo "FAIL: $manual does not say dlmath $version in its .TH line"; exit 1; }
echo "$(echo "$help" | wc -l) commands, all in the manual page; version $version"
