#!/usr/bin/env bash
# Draws which feature uses which (read from src/DuLuan/Features by tests/DuLuan.Tests/Architecture/FeatureGraph.cs,
# the same reading ArchitectureTests checks), writes docs/feature-graph.dot, renders docs/feature-graph.svg with
# Graphviz `dot`, and prints the edge count and the mutual pairs. Pass --no-build when the tests are built.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "Graphviz is missing: apt-get install -y graphviz" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! DULUAN_FEATURE_GRAPH_OUT="$out" dotnet test tests/DuLuan.Tests -c Release -nologo "$@" \
    --filter "FullyQualifiedName~DuLuan.Tests.Architecture.FeatureGraphTests" >"$out/test.log" 2>&1; then
  cat "$out/test.log" >&2
  exit 1
fi
cp "$out/feature-graph.dot" docs/feature-graph.dot
dot -Tsvg docs/feature-graph.dot -o docs/feature-graph.svg
cat "$out/feature-graph.txt"
echo "wrote docs/feature-graph.dot and docs/feature-graph.svg"
