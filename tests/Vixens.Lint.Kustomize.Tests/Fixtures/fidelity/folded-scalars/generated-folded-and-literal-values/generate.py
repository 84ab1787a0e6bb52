# Writes input/values.yaml: 160 block scalars (folded and literal, every chomping indicator) built from random lines
# (text, more-indented text, blank lines, trailing spaces). Deterministic (seed 7). expected.yaml is kubectl kustomize's
# output for it (kubectl v1.34.5, kustomize v5.7.1).
import random
rng = random.Random(7)
words = ["echo", "done", "set", "-e", "cat", "<<EOF", "fi", "then", "x=1", "&&", "\\", "#", "ok:", "'q'"]
def line():
    r = rng.random()
    if r < 0.25:
        return ""
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
    if r < 0.45:
        text = " " * rng.randint(1, 4) + text
    if rng.random() < 0.05:
        text += " "
    return text
out = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: generated", "data:"]
for i in range(160):
    style = ">" if i % 4 != 3 else "|"
    chomp = ["", "-", "+"][i % 3]
    lines = [line() for _ in range(rng.randint(1, 7))]
    if all(l == "" for l in lines):
        lines[0] = "text"
    first = next(l for l in lines if l != "")
    indicator = "2" if first.startswith(" ") else ""
    out.append(f"  v{i:03d}: {style}{indicator}{chomp}")
    out.extend(("    " + l) if l else "" for l in lines)
open("input/values.yaml", "w").write("\n".join(out) + "\n")
