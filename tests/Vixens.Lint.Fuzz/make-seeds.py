#!/usr/bin/env python3
"""Regenerates the seeds taken from shared data (run by hand; the result is committed in seeds/).

yaml:      a few small files of the real repository (corpus/vixens), varied kinds.
kustomize: small conformance cases built from their root ('.'), encoded as one file per tree: the kustomization
           first, then every other file after a line '# file: <relative path>' (see TreeInput.cs).
The hand-written seeds (seeds/*/hand-*) are not touched.
"""
import os, sys, json, hashlib

here = os.path.dirname(os.path.abspath(__file__))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared")
corpus = os.path.join(shared, "corpus", "vixens")
cases = os.path.join(shared, "conformance", "kustomize", "cases")

def out(target, name, data):
    d = os.path.join(here, "seeds", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

# yaml: the smallest file of each of a few distinct shapes, so the seeds stay tiny but cover different kinds.
wanted = ["kind: Application", "kind: Kustomization", "kind: Deployment", "kind: ConfigMap", "kind: Service",
          "kind: PersistentVolumeClaim", "kind: Component", "kind: InfisicalSecret", "kind: IngressRoute",
          "kind: StatefulSet", "kind: CronJob"]
files = []
for dirpath, _, names in os.walk(corpus):
    for n in names:
        if n.endswith((".yaml", ".yml")):
            p = os.path.join(dirpath, n)
            files.append((os.path.getsize(p), os.path.relpath(p, corpus)))
files.sort()
for marker in wanted:
    for size, rel in files:
        data = open(os.path.join(corpus, rel), "rb").read()
        if size > 200 and marker.encode() in data:
            out("yaml", "corpus-" + marker.split(": ")[1].lower() + ".yaml", data)
            break

# kustomize: cases built at their root, small, one per feature set.
picked, seen = 0, set()
for case in sorted(os.listdir(cases)):
    meta_path = os.path.join(cases, case, "meta.json")
    if not os.path.exists(meta_path):
        continue
    meta = json.load(open(meta_path))
    root = os.path.join(cases, case, "input")
    if meta["build_dir"] != "." or meta.get("with_flags") or not os.path.isdir(root):
        continue
    tree = []
    for dirpath, _, names in os.walk(root):
        for n in sorted(names):
            p = os.path.join(dirpath, n)
            tree.append((os.path.relpath(p, root), open(p, "rb").read()))
    tree.sort(key=lambda t: (t[0] != "kustomization.yaml", t[0]))
    if not tree or tree[0][0] != "kustomization.yaml":
        continue
    blob = tree[0][1]
    for rel, data in tree[1:]:
        blob += (b"" if blob.endswith(b"\n") else b"\n") + b"# file: " + rel.encode() + b"\n" + data
    key = tuple(sorted(meta.get("features", [])))
    if len(blob) > 2500 or key in seen:
        continue
    seen.add(key)
    out("kustomize", "conformance-" + case.replace("__", "-")[:60] + ".txt", blob)
    picked += 1
    if picked >= 24:
        break
print("seeds written to", os.path.join(here, "seeds"))
