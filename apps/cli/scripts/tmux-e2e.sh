#!/usr/bin/env bash
# The wizard in a real terminal: tmux runs it on a temporary copy of the bundled example, the script walks to a
# step, marks it done, quits, starts it again and checks that it resumed. Needs a build (dist/) and tmux; it
# installs nothing. Every wait is bounded and polls the screen, so a slow machine is not a failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$(dirname "$here")"
repo="$(cd "$cli/../.." && pwd)"
bin="$cli/bin/modeshift.js"

command -v tmux >/dev/null 2>&1 || { echo "tmux-e2e: tmux is not installed" >&2; exit 3; }
[[ -f "$cli/dist/cli.js" ]] || { echo "tmux-e2e: $cli/dist/cli.js is missing: run npm run build first" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/modeshift-e2e.XXXXXX")"
# Servers of our own, one per session: the operator's tmux is never touched, and a new session never races
# the shutdown of the previous server.
prefix="modeshift-e2e-$$"
socket=""
sockets=()
cleanup() {
  for s in "${sockets[@]}"; do tmux -L "$s" kill-server >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cp -R "$repo/examples/fargate-to-auto-mode/inventory" "$work/inventory"
# Only what the repository ships: progress an older modeshift saved in the example would be resumed.
rm -f "$work/inventory/.modeshift-state.json"* "$work/inventory/modeshift-commands.sh"
state="$work/inventory/.modeshift-state.json"
# The example's step count, from its golden plan, so that a new rule does not break this script.
steps="$(node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(p.stages.reduce((n, s) => n + s.steps.length, 0))' "$repo/examples/fargate-to-auto-mode/plan.json")"

say() { echo "tmux-e2e: $*"; }

# CI=false inline: Ink draws no interactive frames when CI is set, and the pane takes the tmux server's
# environment rather than ours (toolchain G6). The pane outlives the wizard so its last output can be read.
start() {
  [[ -n "$socket" ]] && { tmux -L "$socket" kill-server >/dev/null 2>&1 || true; }
  socket="$prefix-${#sockets[@]}"
  sockets+=("$socket")
  tmux -u -L "$socket" -f /dev/null new-session -d -x 80 -y 24 -s e2e \
    "cd '$work' && env CI=false TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME='$work/state' node '$bin' wizard inventory; echo EXIT_CODE=\$?; sleep 120"
}
screen() { tmux -L "$socket" capture-pane -p -J -t e2e 2>/dev/null || true; }
key() { tmux -L "$socket" send-keys -t e2e "$@"; }
wait_for() {
  local text="$1" deadline=$((SECONDS + ${2:-20}))
  until screen | grep -qF -- "$text"; do
    if ((SECONDS >= deadline)); then
      echo "tmux-e2e: timed out waiting for: $text" >&2
      echo "----- screen -----" >&2
      screen >&2
      exit 1
    fi
    sleep 0.1
  done
}
expect_file() {
  grep -qF -- "$2" "$1" || { echo "tmux-e2e: $1 does not contain: $2" >&2; cat "$1" >&2 || true; exit 1; }
}

say "first session: load, confirm the direction, walk to the first step, mark it done (on to the next), quit"
start
wait_for "Enter continues to the direction"
key Enter
wait_for "Move them to"
key Enter
wait_for "Readiness: READY WITH CHANGES"
key 5
wait_for "1.1 Allow access entries"
wait_for "0 closed"
key d
wait_for "1 closed"
# Marking a step moves on to the next open one.
wait_for "Step 2 of $steps"
key q
wait_for "EXIT_CODE=0"
wait_for "progress saved to $state"
expect_file "$state" '"prerequisites/authentication-mode": {'
expect_file "$state" '"status": "done"'

say "second session: resumed on the same screen and step, with the mark"
start
wait_for "Resumed from"
wait_for "[5 Walk-through]"
wait_for "Step 2 of $steps · 1 closed"
screen | grep -qF "✔ 1.1 Allow access entries" || { echo "tmux-e2e: step 1.1 is not shown as done" >&2; screen >&2; exit 1; }
# Two keys in one send-keys reach Ink as one chunk (toolchain G5): both must act.
key j s
wait_for "Step 4 of $steps · 2 closed"
key q
wait_for "EXIT_CODE=0"
expect_file "$state" '"prerequisites/efs-csi-driver": {'

say "ok"
