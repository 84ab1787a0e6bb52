#!/usr/bin/env python3
"""Generates docs/rules/VXnnnn.md and tests/.../Fixtures/rules/VXnnnn/{fail,pass}.yaml for the Vixens maturity rules.

Fixtures: pass = src/tools/maturity_golden.yaml (a bundle that satisfies every maturity rule); fail = the bundle with one
defect (exact text edits, each checked). Docs: descriptor texts + short focused examples below. Existing files are
left alone unless --force is given, so hand-edited pages survive.
Run from the repository root: python3 tools/generate_rule_docs.py [--force]
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FORCE = "--force" in sys.argv
GOLDEN = open(os.path.join(ROOT, "src", "tools", "maturity_golden.yaml")).read()

def drop(text, block):
    assert block in text, block
    return text.replace(block, "", 1)

def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)

def remove_doc(text, kind):
    docs = text.split("---\n")
    kept = [d for d in docs if f"\nkind: {kind}\n" not in "\n" + d]
    assert len(kept) == len(docs) - 1, kind
    return "---\n".join(kept)

WEB_REQUESTS = "            requests:\n              cpu: 25m\n              memory: 256Mi\n"
WEB_LIMITS = "            limits:\n              cpu: 100m\n              memory: 1Gi\n"
SIZING = "        vixens.io/sizing.web: V-small\n"
INIT_RES = "          resources:\n            requests:\n              cpu: 10m\n              memory: 64Mi\n            limits:\n              cpu: 100m\n              memory: 128Mi\n"
DIGEST = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

SUPPRESS = """Add the annotation to the resource (or to its pod template) with a reason:

```yaml
metadata:
  annotations:
    lint.vixens.io/suppress: "{id}"
    lint.vixens.io/suppress-reason: "why this is acceptable here"
```

or turn the rule off or down for the whole repository in `.vixens-lint.yaml`:

```yaml
rules:
  {id}: none   # or note / warning / error
```
"""

# id -> (tier, title, severity, why, bad, good, fix, bypass, fail-transform)
R = {}
def rule(id, tier, title, severity, why, bad, good, fix, fail, bypass=None, check=None):
    R[id] = dict(tier=tier, title=title, severity=severity, why=why, bad=bad, good=good, fix=fix, fail=fail, bypass=bypass, check=check, bypass_fx=None)

rule("VX4001", "Bronze", "Container image is not pinned to a version", "error",
     "An image without a tag, or with the moving tag `latest`, changes under the cluster's feet: two nodes can run different code, a restart can upgrade silently, and ArgoCD cannot show what is deployed. Vixens maturity Bronze (VX-B01) requires a fixed tag or a digest on every container and init container.",
     "containers:\n  - name: web\n    image: nginx:latest   # or just: nginx",
     "containers:\n  - name: web\n    image: nginx:1.27.3   # or nginx@sha256:…",
     "Pin a released version tag (Renovate keeps it current) or a digest.",
     lambda t: sub(t, "web:1.2.3" + DIGEST, "web:latest"), check="VX-B01")
rule("VX4002", "Bronze", "Container has no CPU/memory requests", "warning",
     "Without requests the scheduler places the pod blind and the kubelet evicts it first under pressure (BestEffort QoS). Vixens maturity Bronze (VX-B02) requires `resources.requests.cpu` and `.memory` on every container, or the `vixens.io/sizing.<container>` pod label from which Kyverno's sizing-v2 policy derives them.",
     "containers:\n  - name: web\n    image: ghcr.io/acme/web:1.2.3\n    # no resources",
     "template:\n  metadata:\n    labels:\n      vixens.io/sizing.web: V-small   # or explicit resources.requests",
     "Add the `vixens.io/sizing.<container>` pod label (preferred: sizing-v2 sets requests and limits), or `resources.requests.cpu` and `.memory`.",
     lambda t: drop(drop(t, SIZING), WEB_REQUESTS), check="VX-B02")
rule("VX4003", "Silver", "Container has no CPU/memory limits", "warning",
     "A container without limits can take a whole node's memory or CPU and starve its neighbours; a memory leak then kills other workloads instead of itself. Vixens maturity Silver (VX-S01) requires `resources.limits.cpu` and `.memory`, or the `vixens.io/sizing.<container>` pod label.",
     "resources:\n  requests:\n    cpu: 25m\n    memory: 256Mi",
     "resources:\n  requests:\n    cpu: 25m\n    memory: 256Mi\n  limits:\n    cpu: 100m\n    memory: 1Gi",
     "Add `resources.limits` or the sizing label.",
     lambda t: drop(drop(t, SIZING), WEB_LIMITS), check="VX-S01")
rule("VX4004", "Silver", "Container has no readiness probe", "warning",
     "Without a readiness probe a pod receives Service traffic as soon as its process starts, and keeps receiving it when it can no longer serve. Rolling updates then drop requests. Vixens maturity Silver (VX-S02) requires `readinessProbe` on every container (containers named `config-syncer` get one injected by Kyverno).",
     "containers:\n  - name: web\n    livenessProbe: {httpGet: {path: /healthz, port: http}}",
     "containers:\n  - name: web\n    readinessProbe: {httpGet: {path: /ready, port: http}}\n    livenessProbe: {httpGet: {path: /healthz, port: http}}",
     "Add a `readinessProbe` that fails while the app cannot serve.",
     lambda t: drop(t, "          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n"), check="VX-S02")
rule("VX4005", "Silver", "Container has no liveness probe", "warning",
     "Without a liveness probe the kubelet only restarts a container whose process exits; a deadlocked or hung process stays up forever. Vixens maturity Silver (VX-S03) requires `livenessProbe` on every container.",
     "containers:\n  - name: web\n    readinessProbe: {httpGet: {path: /ready, port: http}}",
     "containers:\n  - name: web\n    readinessProbe: {httpGet: {path: /ready, port: http}}\n    livenessProbe: {httpGet: {path: /healthz, port: http}}",
     "Add a `livenessProbe` on an endpoint that fails only when a restart helps.",
     lambda t: drop(t, "          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n"), check="VX-S03")
rule("VX4006", "Silver", "Container has no startup probe", "warning", None,
     "containers:\n  - name: web\n    livenessProbe: {httpGet: {path: /healthz, port: http}}",
     "containers:\n  - name: web\n    startupProbe: {httpGet: {path: /healthz, port: http}, failureThreshold: 30}\n    livenessProbe: {httpGet: {path: /healthz, port: http}}",
     "Add a `startupProbe` (generous `failureThreshold`), or declare the pod fast-starting.",
     lambda t: drop(t, "          startupProbe:\n            httpGet:\n              path: /healthz\n              port: http\n"),
     bypass='`vixens.io/fast-start: "true"` as a pod-template annotation (or label), or on the workload.', check="VX-S04")
rule("VX4007", "Silver", "Ingress has no TLS", "warning", None,
     "kind: Ingress\nspec:\n  rules:\n    - host: web.example.com",
     "kind: Ingress\nmetadata:\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt-prod\nspec:\n  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls-prod",
     "Add a `spec.tls` entry (cert-manager issues the certificate). A redirect-only Ingress on the `web` entrypoint is exempt.",
     lambda t: drop(t, "  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls-prod\n"),
     bypass='`traefik.ingress.kubernetes.io/router.entrypoints: web` (redirect-only Ingress).', check="VX-S05")
rule("VX4008", "Silver", "Ingress has no Homepage annotation", "note", None,
     "kind: Ingress\nmetadata:\n  name: web",
     "kind: Ingress\nmetadata:\n  name: web\n  annotations:\n    gethomepage.dev/enabled: \"true\"\n    gethomepage.dev/name: Web",
     "Add the `gethomepage.dev/*` annotations (at least `gethomepage.dev/name`).",
     lambda t: drop(t, "    gethomepage.dev/name: Web\n"),
     bypass='`vixens.io/nohomepage: "true"` on the Ingress; names `*-redirect`, `*-http-redirect` and infrastructure namespaces are exempt.', check="VX-S08 / VX-D06")
rule("VX4010", "Gold", "Pod does not expose Prometheus metrics", "warning", None,
     "template:\n  metadata:\n    labels: {app: web}",
     "template:\n  metadata:\n    annotations:\n      prometheus.io/scrape: \"true\"\n      prometheus.io/port: \"8080\"",
     "Expose metrics and annotate the pod template, or declare that the app has none.",
     lambda t: drop(t, "        prometheus.io/scrape: \"true\"\n        prometheus.io/port: \"8080\"\n"),
     bypass='`vixens.io/nometrics: "true"` on the pod template.', check="VX-G01")
rule("VX4011", "Gold", "Goldilocks/VPA recommendations not enabled", "warning", None,
     "kind: Deployment\nmetadata:\n  name: web",
     "kind: Deployment\nmetadata:\n  name: web\n  annotations:\n    goldilocks.fairwinds.com/enabled: \"true\"\n    vpa.kubernetes.io/updateMode: \"Off\"",
     "Add both annotations to the Deployment/StatefulSet metadata (component `_shared/components/goldilocks/enabled`).",
     lambda t: drop(t, "    goldilocks.fairwinds.com/enabled: \"true\"\n"), check="VX-G03 (and VX-P09)")
rule("VX4012", "Gold", "revisionHistoryLimit missing or above 3", "warning", None,
     "kind: Deployment\nspec:\n  replicas: 1",
     "kind: Deployment\nspec:\n  replicas: 1\n  revisionHistoryLimit: 3",
     "Set `spec.revisionHistoryLimit: 3` (component `_shared/components/revision-history-limit`).",
     lambda t: sub(t, "  revisionHistoryLimit: 3\n", "  revisionHistoryLimit: 10\n"), check="VX-G04")
rule("VX4013", "Gold", "ArgoCD sync-wave not declared", "note", None,
     "kind: Deployment\nmetadata:\n  name: web",
     "kind: Deployment\nmetadata:\n  name: web\n  annotations:\n    argocd.argoproj.io/sync-wave: \"10\"",
     "Add `argocd.argoproj.io/sync-wave` (component `_shared/components/sync-wave/wave-N`).",
     lambda t: drop(t, "    argocd.argoproj.io/sync-wave: \"10\"\n"), check="VX-G05")
rule("VX4014", "Gold", "Alerting rule object has no groups", "warning", None,
     "kind: PrometheusRule\nspec:\n  groups: []",
     "kind: PrometheusRule\nspec:\n  groups:\n    - name: web\n      rules:\n        - alert: WebDown\n          expr: up{job=\"web\"} == 0",
     "Define at least one group with a critical alert, or delete the object.",
     lambda t: sub(t, "  groups:\n    - name: web\n      rules:\n        - alert: WebDown\n          expr: up{job=\"web\"} == 0\n          labels:\n            severity: critical\n", "  groups: []\n"),
     bypass='`vixens.io/noalerting: "true"` on the PrometheusRule/VMRule.', check="VX-G06")
rule("VX4015", "Platinum", "Pod has no vixens-* priority class", "warning", None,
     "template:\n  spec:\n    containers: [...]",
     "template:\n  spec:\n    priorityClassName: vixens-medium",
     "Set `spec.priorityClassName` to one of `vixens-critical`, `vixens-high`, `vixens-medium`, `vixens-low` (component `_shared/components/priority/*`), or the pod label `vixens.io/priority-class`.",
     lambda t: sub(t, "priorityClassName: vixens-medium", "priorityClassName: system-cluster-critical"), check="VX-P01")
rule("VX4016", "Platinum", "Pod has no vixens.io/sizing.* label", "warning", None,
     "template:\n  metadata:\n    labels: {app: web}",
     "template:\n  metadata:\n    labels:\n      app: web\n      vixens.io/sizing.web: V-small",
     "Label the pod template with `vixens.io/sizing.<container>: <MODE>-<size>` for each container.",
     lambda t: drop(t, SIZING), check="VX-P02")
rule("VX4017", None, "Sizing rationale not documented", "note", None,
     "kind: Deployment\nmetadata:\n  name: web",
     "kind: Deployment\nmetadata:\n  annotations:\n    vixens.io/sizing-rationale: \"V-small: ~80Mi steady state\"",
     "Add `vixens.io/sizing-rationale` to the workload or its pod template.",
     lambda t: drop(t, "    vixens.io/sizing-rationale: \"V-small: ~80Mi steady state, VPA-managed\"\n"), check="VX-P03")
rule("VX4018", "Platinum", "Replicas are not spread across nodes", "warning", None,
     "kind: Deployment\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers: [...]",
     "kind: Deployment\nspec:\n  replicas: 2\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: {matchLabels: {app: web}}",
     "Add `topologySpreadConstraints` on `kubernetes.io/hostname` or a `podAntiAffinity`.",
     lambda t: sub(t, "  replicas: 1\n", "  replicas: 2\n"), check="VX-P06")
rule("VX4019", "Platinum", "Container has no preStop hook", "warning", None,
     "containers:\n  - name: web",
     "containers:\n  - name: web\n    lifecycle:\n      preStop:\n        sleep: {seconds: 5}",
     "Add a `lifecycle.preStop` hook (a short sleep is enough for most HTTP servers).",
     lambda t: drop(t, "          lifecycle:\n            preStop:\n              sleep:\n                seconds: 5\n"),
     bypass='`vixens.io/no-long-connections: "true"` on the pod template.', check="VX-P07")
rule("VX4022", "Emerald", "Pod has no backup profile", "warning", None,
     "template:\n  metadata:\n    annotations:\n      vixens.io/backup-profile: standard   # an annotation does not count",
     "template:\n  metadata:\n    labels:\n      vixens.io/backup-profile: standard",
     "Add the pod **label** `vixens.io/backup-profile` with `critical`, `standard`, `relaxed` or `ephemeral`.",
     lambda t: sub(t, "vixens.io/backup-profile: standard", "vixens.io/backup-profile: daily"), check="VX-E01")
rule("VX4023", "Emerald", "Init container has no CPU/memory requests and limits", "warning",
     "Init containers count in the pod's effective requests, and an unbounded restore job can take a node's memory. Vixens maturity Emerald (VX-E02) extends the Bronze and Silver resource checks (VX4002, VX4003) to every sidecar and init container.",
     "initContainers:\n  - name: restore\n    image: charchess/dataangel:1.4.0",
     "initContainers:\n  - name: restore\n    image: charchess/dataangel:1.4.0\n    resources:\n      requests: {cpu: 10m, memory: 64Mi}\n      limits: {cpu: 100m, memory: 128Mi}",
     "Add requests and limits, or the sizing label `vixens.io/sizing.<init container>` (sidecars and inits: micro).",
     lambda t: drop(t, INIT_RES), check="VX-E02")
rule("VX4024", "Emerald", "Config volume on a PVC without Litestream or dataangel", "warning", None,
     "volumes:\n  - name: config\n    persistentVolumeClaim: {claimName: web-config}\ninitContainers:\n  - name: restore\n    image: busybox:1.36",
     "volumes:\n  - name: config\n    persistentVolumeClaim: {claimName: web-config}\ninitContainers:\n  - name: dataangel\n    image: charchess/dataangel:1.4.0\n    restartPolicy: Always",
     "Add the dataangel native sidecar (component `_shared/components/dataangel`) or a Litestream sidecar.",
     lambda t: sub(t, "image: charchess/dataangel:1.4.0", "image: busybox:1.36"), check="VX-E03")
rule("VX4025", "Emerald", "NFS-backed config without rclone or dataangel", "warning", None,
     "volumes:\n  - name: media\n    nfs: {server: 192.168.111.69, path: /volume1/media}",
     "volumes:\n  - name: media\n    nfs: {server: 192.168.111.69, path: /volume1/media}\ninitContainers:\n  - name: dataangel\n    image: charchess/dataangel:1.4.0",
     "Add the dataangel sidecar or an rclone config-syncer.",
     lambda t: sub(t, "image: charchess/dataangel:1.4.0", "image: busybox:1.36"), check="VX-E04")
rule("VX4026", "Emerald", "Pod has no restore init container", "warning", None,
     "initContainers:\n  - name: fix-perms\n    image: busybox:1.36",
     "initContainers:\n  - name: restore\n    image: charchess/dataangel:1.4.0",
     "Add an init container that restores the app's data (its name must contain `restore`, `init` or `dataangel`).",
     lambda t: sub(t, "        - name: restore\n", "        - name: fix-perms\n"), check="VX-E05")
rule("VX4027", None, "Litestream sidecar is not monitored", "note", None,
     "template:\n  spec:\n    containers:\n      - name: litestream\n        image: litestream/litestream:0.3.13",
     "template:\n  metadata:\n    annotations:\n      prometheus.io/scrape: \"true\"\n      prometheus.io/port: \"9090\"",
     "Annotate the pod so that the Litestream metrics port 9090 is scraped.",
     lambda t: sub(t, "image: charchess/dataangel:1.4.0", "image: litestream/litestream:0.3.13"), check="VX-E07 (Kyverno require-litestream-monitoring)")
rule("VX4030", "Bronze", "No Service targets the pod", "warning", None,
     "kind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n# and no Service with selector app: web",
     "kind: Service\nspec:\n  selector:\n    app: web",
     "Add a Service in the same namespace whose `spec.selector.app` is the pod's `app` label.",
     lambda t: remove_doc(t, "Service"), bypass='`vixens.io/service-binding: "false"` on the pod template (workers without an API). Namespaces kube-system, kyverno, monitoring, velero are exempt.', check="VX-B03")
rule("VX4031", "Gold", "Scraped pod has no ServiceMonitor", "warning", None,
     "template:\n  metadata:\n    annotations:\n      prometheus.io/scrape: \"true\"\n# and no ServiceMonitor",
     "kind: ServiceMonitor\nspec:\n  selector:\n    matchLabels:\n      app: web\n  endpoints:\n    - port: http",
     "Add a ServiceMonitor selecting the app's Service.",
     lambda t: remove_doc(t, "ServiceMonitor"), bypass='`vixens.io/nometrics: "true"` on the pod template.', check="VX-G02")
rule("VX4032", "Platinum", "No PodDisruptionBudget for the app", "warning", None,
     "kind: Deployment   # and no PodDisruptionBudget",
     "kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web",
     "Add a PodDisruptionBudget (components `_shared/components/poddisruptionbudget/*`).",
     lambda t: remove_doc(t, "PodDisruptionBudget"), bypass='pod label `vixens.io/single-replica: "true"`; apps `traefik` and `argocd-server` are exempt.', check="VX-P05")
rule("VX4033", "Platinum", "Autoscaling requested but not configured", "warning", None,
     "kind: Deployment\nmetadata:\n  annotations:\n    vixens.io/needs-autoscaling: \"true\"\n# and no HPA/ScaledObject",
     "kind: HorizontalPodAutoscaler\nmetadata:\n  labels: {app: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
     "Add a HorizontalPodAutoscaler or a KEDA ScaledObject (label `app: <app>` or `scaleTargetRef` to the workload).",
     lambda t: remove_doc(t, "HorizontalPodAutoscaler"), bypass="opt-in: the rule applies only to workloads annotated `vixens.io/needs-autoscaling: \"true\"`.", check="VX-P08")
rule("VX4034", "Silver", "PVC storage class does not match the environment", "warning", None,
     "# apps/10-home/web/overlays/prod/pvc.yaml\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: synology-iscsi-delete",
     "# apps/10-home/web/overlays/prod/pvc.yaml\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: synology-iscsi-retain",
     "Use a `*-retain` storage class in prod and a `*-delete` one in dev.",
     lambda t: sub(t, "storageClassName: synology-iscsi-retain", "storageClassName: synology-iscsi-delete"), check="VX-S07")
rule("VX4035", "Silver", "Secret is not managed by Infisical", "warning", None,
     "containers:\n  - name: web\n    envFrom:\n      - secretRef: {name: web-secrets}   # created by hand",
     "kind: InfisicalSecret\nspec:\n  managedSecretReference:\n    secretName: web-secrets\n    secretNamespace: demo",
     "Store the values in Infisical (path `/apps/<category>/<app>`) and add an InfisicalSecret producing the Secret (component `_shared/components/infisical/env-*` for the envSlug).",
     lambda t: remove_doc(t, "InfisicalSecret"), check="VX-S06")
rule("VX5001", "Diamond", "Namespace has no Pod Security Admission level", "warning", None,
     "kind: Namespace\nmetadata:\n  name: demo",
     "kind: Namespace\nmetadata:\n  name: demo\n  labels:\n    pod-security.kubernetes.io/enforce: baseline",
     "Label the Namespace with `pod-security.kubernetes.io/enforce` (baseline or restricted).",
     lambda t: drop(t, "  labels:\n    pod-security.kubernetes.io/enforce: baseline\n"), check="VX-D01")
rule("VX5002", "Diamond", "Pod securityContext is not hardened", "warning", None,
     "template:\n  spec:\n    securityContext:\n      runAsUser: 0",
     "template:\n  spec:\n    securityContext:\n      runAsNonRoot: true\n      seccompProfile:\n        type: RuntimeDefault",
     "Set `runAsNonRoot: true` and `seccompProfile.type: RuntimeDefault` (component `_shared/components/base`).",
     lambda t: sub(t, "        runAsNonRoot: true\n", "        runAsNonRoot: false\n"),
     bypass='`vixens.io/explicitly-allow-root: "true"` on the pod template (component `securitycontext/s6-overlay`).', check="VX-D02 (pod level)")
rule("VX5003", "Diamond", "Container securityContext is not hardened", "note", None,
     "containers:\n  - name: web\n    securityContext: {}",
     "containers:\n  - name: web\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]",
     "Set `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]` on each container.",
     lambda t: drop(t, "            allowPrivilegeEscalation: false\n"),
     bypass='`vixens.io/explicitly-allow-root: "true"` on the pod template.', check="VX-D02 (container level)")
rule("VX5004", "Diamond", "Ingress is not protected by Authentik SSO", "note", None,
     "kind: Ingress\nmetadata:\n  annotations:\n    traefik.ingress.kubernetes.io/router.entrypoints: websecure",
     "kind: Ingress\nmetadata:\n  annotations:\n    traefik.ingress.kubernetes.io/router.middlewares: auth-authentik-forward@kubernetescrd",
     "Add the Authentik forward-auth middleware to the router's middlewares.",
     lambda t: drop(t, "    traefik.ingress.kubernetes.io/router.middlewares: auth-authentik-forward@kubernetescrd\n"),
     bypass='`vixens.io/nossoneeded: "true"` on the Ingress.', check="VX-D04")
rule("VX5005", "Diamond", "Image not pinned by digest", "warning", None,
     "template:\n  metadata:\n    annotations:\n      vixens.io/digest-pinned: \"true\"\n  spec:\n    containers:\n      - image: ghcr.io/acme/web:1.2.3",
     "      - image: ghcr.io/acme/web:1.2.3@sha256:0123…cdef",
     "Append the image digest (`@sha256:…`) to every container image.",
     lambda t: sub(t, DIGEST, ""), bypass='opt-in: applies only to pods annotated `vixens.io/digest-pinned: "true"`.', check="VX-D05")
rule("VX5010", "Diamond", "No NetworkPolicy selects the app", "warning", None,
     "kind: Deployment   # and no NetworkPolicy",
     "kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress]",
     "Add a deny-by-default NetworkPolicy that selects the app and allows only what it needs.",
     lambda t: remove_doc(t, "NetworkPolicy"), check="VX-D03")
rule("VX0901", None, "Suppression annotation suppresses nothing", "note",
     "A `lint.vixens.io/suppress` annotation names a rule that reports nothing on this resource, or an id that is not a rule. Stale suppressions hide future regressions: remove the id once the finding is fixed.",
     "metadata:\n  annotations:\n    lint.vixens.io/suppress: \"VX4012\"   # on a Pod: VX4012 only checks Deployments",
     "metadata:\n  annotations: {}   # nothing to suppress",
     "Remove ids that no longer suppress anything (or fix the typo in the id).",
     lambda t: sub(t, "  name: web\n  namespace: demo\n  labels:\n    app: web\n  annotations:\n", "  name: web\n  namespace: demo\n  labels:\n    app: web\n  annotations:\n    lint.vixens.io/suppress: \"VX4999\"\n"))

# Bypass / opt-in fixtures: the failing bundle plus the bypass annotation (or minus the opt-in) must not fire.
POD_ANN = '        vixens.io/digest-pinned: "true"\n'
def pod_annotation(line):
    return lambda t: sub(t, POD_ANN, POD_ANN + "        " + line + "\n")
ING_ANN = '    gethomepage.dev/enabled: "true"\n'
R["VX4006"]["bypass_fx"] = pod_annotation('vixens.io/fast-start: "true"')
R["VX4007"]["bypass_fx"] = lambda t: sub(t, "router.entrypoints: websecure", "router.entrypoints: web")
R["VX4008"]["bypass_fx"] = lambda t: sub(t, ING_ANN, ING_ANN + '    vixens.io/nohomepage: "true"\n')
R["VX4010"]["bypass_fx"] = pod_annotation('vixens.io/nometrics: "true"')
R["VX4014"]["bypass_fx"] = lambda t: sub(t, "kind: PrometheusRule\nmetadata:\n  name: web\n", 'kind: PrometheusRule\nmetadata:\n  name: web\n  annotations:\n    vixens.io/noalerting: "true"\n')
R["VX4019"]["bypass_fx"] = pod_annotation('vixens.io/no-long-connections: "true"')
R["VX4030"]["bypass_fx"] = pod_annotation('vixens.io/service-binding: "false"')
R["VX4031"]["bypass_fx"] = pod_annotation('vixens.io/nometrics: "true"')
R["VX4032"]["bypass_fx"] = lambda t: sub(t, "        vixens.io/backup-profile: standard\n", '        vixens.io/backup-profile: standard\n        vixens.io/single-replica: "true"\n')
R["VX4033"]["bypass_fx"] = lambda t: drop(t, '    vixens.io/needs-autoscaling: "true"\n')
R["VX5002"]["bypass_fx"] = pod_annotation('vixens.io/explicitly-allow-root: "true"')
R["VX5003"]["bypass_fx"] = pod_annotation('vixens.io/explicitly-allow-root: "true"')
R["VX5004"]["bypass_fx"] = lambda t: sub(t, ING_ANN, ING_ANN + '    vixens.io/nossoneeded: "true"\n')
R["VX5005"]["bypass_fx"] = lambda t: drop(t, POD_ANN)

# Descriptions of pack rules come from the pack itself.
pack = open(os.path.join(ROOT, "src/Vixens.Lint/RulePacks/vixens-maturity.rulepack.yaml")).read()
for block in re.split(r"\n  - id: ", pack)[1:]:
    id = block[:6]
    m = re.search(r"    description: >-\n((?:      .*\n)+)", block)
    if id in R and R[id]["why"] is None and m:
        R[id]["why"] = " ".join(l.strip() for l in m.group(1).splitlines())

# Descriptions of C# rules come from their descriptors.
import glob
for cs in glob.glob(os.path.join(ROOT, "src/Vixens.Lint/Rules/Maturity/*.cs")):
    for m in re.finditer(r'"(VX\d{4})", "\w+", "[^"]*",.*?Severity\.\w+,\s*\n\s*"((?:[^"\\]|\\.)*)"', open(cs).read(), re.S):
        if m.group(1) in R and R[m.group(1)]["why"] is None:
            R[m.group(1)]["why"] = m.group(2).replace('\\"', '"')

def write(path, text):
    if os.path.exists(path) and not FORCE:
        return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return True

for id, r in sorted(R.items()):
    assert r["why"], id
    fail = r["fail"](GOLDEN)
    assert fail != GOLDEN, id
    fx = os.path.join(ROOT, "tests/Vixens.Lint.Tests/Fixtures/rules", id)
    write(os.path.join(fx, "pass.yaml"), f"# {id} pass: a bundle that satisfies every Vixens maturity rule (src/tools/maturity_golden.yaml).\n" + GOLDEN)
    write(os.path.join(fx, "fail.yaml"), f"# {id} fail: the passing bundle with one defect ({r['title'].lower()}).\n" + fail)
    if r["bypass_fx"]:
        write(os.path.join(fx, "bypass.yaml"), f"# {id} bypass: the failing bundle, exempted by its bypass annotation (or without its opt-in).\n" + r["bypass_fx"](fail))
    tier = r["tier"] or "none (not part of the tier computation)"
    suppress = ""
    if r["bypass"]:
        suppress += f"**Bypass (counts as a pass for the tier):** {r['bypass']}\n\n"
    suppress += SUPPRESS.format(id=id)
    check = f" — rules-vixens.md check {r['check']}" if r.get("check") else ""
    doc = f"""# {id}: {r['title']}

| | |
|---|---|
| Default severity | {r['severity']} |
| Maturity tier | {tier}{check} |

## Why

{r['why']}

## Bad example

```yaml
{r['bad']}
```

## Good example

```yaml
{r['good']}
```

## How to fix

{r['fix']}

## How to suppress

{suppress}
## Tier

{('This check belongs to the **' + r['tier'] + '** tier. An application reaches ' + r['tier'] + ' when every applicable check of ' + r['tier'] + ' and of all lower tiers passes (a bypass counts as a pass); see [docs/maturity.md](../maturity.md).') if r['tier'] else 'This check is not part of any tier: it is reported, but `vixens-lint report` ignores it when computing tiers.'}
"""
    write(os.path.join(ROOT, "docs/rules", id + ".md"), doc)
print(len(R), "rules")
