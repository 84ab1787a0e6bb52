#!/usr/bin/env python3
"""Generates docs/rules/VX52nn.md and tests/Vixens.Lint.Tests/Fixtures/rules/VX52nn/{fail,pass}.yaml for the Pod
Security Standards packs (src/Vixens.Lint/RulePacks/pss-*.rulepack.yaml).

Pages: the pack's title, severity and description, plus the short examples below. Fixtures: fail = a Deployment whose
pod template is one of pod-security-admission's 1.34 fail fixtures for the rule's check (Fixtures/pss), so the rule is
shown on a workload, not only on a bare Pod; pass = a Deployment with that project's restricted-level base pod.
Run from the repository root: python3 src/tools/generate_pss_docs.py
"""
import os, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PSS = os.path.join(ROOT, "tests", "Vixens.Lint.Tests", "Fixtures", "pss")

# id -> (fixture of pod-security-admission, bad example, good example, how to fix)
EXAMPLES = {
    "VX5201": ("baseline/fail/hostnamespaces0.yaml", "spec:\n  hostNetwork: true", "spec:\n  hostNetwork: false   # or leave it out",
               "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false). A workload that really needs the node's namespaces (a CNI agent, a node exporter) belongs in a namespace whose policy allows it: suppress the rule there with a reason."),
    "VX5202": ("baseline/fail/privileged0.yaml", "containers:\n  - name: app\n    securityContext:\n      privileged: true", "containers:\n  - name: app\n    securityContext:\n      privileged: false   # or leave it out",
               "Remove `privileged: true`; grant the one capability the process needs instead (and check VX5203)."),
    "VX5203": ("baseline/fail/capabilities_baseline0.yaml", "securityContext:\n  capabilities:\n    add: [SYS_ADMIN]", "securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]",
               "Add only capabilities of the runtime's default set (spelled without `CAP_`), or none."),
    "VX5204": ("baseline/fail/hostpathvolumes0.yaml", "volumes:\n  - name: data\n    hostPath:\n      path: /var/lib/app", "volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: app-data",
               "Use a PersistentVolumeClaim, an emptyDir, a configMap or a secret instead of the node's file system."),
    "VX5205": ("baseline/fail/hostports0.yaml", "ports:\n  - containerPort: 8080\n    hostPort: 8080", "ports:\n  - containerPort: 8080   # reach it through a Service",
               "Remove `hostPort` and expose the port with a Service (NodePort or LoadBalancer if it must be reachable from outside)."),
    "VX5206": ("baseline/fail/apparmorprofile0.yaml", "securityContext:\n  appArmorProfile:\n    type: Unconfined", "securityContext:\n  appArmorProfile:\n    type: RuntimeDefault   # or Localhost with localhostProfile",
               "Use `RuntimeDefault` or a `Localhost` profile (or leave the field out); replace the legacy `container.apparmor.security.beta.kubernetes.io/*` annotations with the field."),
    "VX5207": ("baseline/fail/selinuxoptions0.yaml", "securityContext:\n  seLinuxOptions:\n    type: spc_t\n    user: system_u", "securityContext:\n  seLinuxOptions:\n    level: \"s0:c123,c456\"   # type container_t or unset, no user or role",
               "Leave `seLinuxOptions.type` unset or use one of the container types; remove `user` and `role`."),
    "VX5208": ("baseline/fail/procmount0.yaml", "securityContext:\n  procMount: Unmasked", "securityContext:\n  procMount: Default   # or leave it out",
               "Remove `procMount` or set it to `Default`."),
    "VX5209": ("baseline/fail/seccompprofile_baseline0.yaml", "securityContext:\n  seccompProfile:\n    type: Unconfined", "securityContext:\n  seccompProfile:\n    type: RuntimeDefault",
               "Use `RuntimeDefault` or a `Localhost` profile, or leave `seccompProfile` out."),
    "VX5210": ("baseline/fail/sysctls0.yaml", "securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: \"65536\"", "securityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: \"1024 65535\"",
               "Keep only sysctls of the safe set; set the others on the node, or run the workload where the cluster's policy allows them."),
    "VX5211": ("baseline/fail/windowshostprocess0.yaml", "securityContext:\n  windowsOptions:\n    hostProcess: true", "securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser",
               "Remove `hostProcess: true`; node-level Windows tooling belongs in a namespace whose policy allows it."),
    "VX5212": ("baseline/fail/hostprobesandhostlifecycle0.yaml", "livenessProbe:\n  httpGet:\n    host: 10.0.0.1\n    port: 8080", "livenessProbe:\n  httpGet:\n    path: /healthz   # the pod's own IP\n    port: 8080",
               "Remove `host` from probes and lifecycle handlers: they then target the pod's own IP."),
    "VX5221": ("restricted/fail/restrictedvolumes3.yaml", "volumes:\n  - name: share\n    nfs:\n      server: nas.local\n      path: /export", "volumes:\n  - name: share\n    persistentVolumeClaim:\n      claimName: share   # an NFS PersistentVolume or StorageClass",
               "Mount the storage through a PersistentVolumeClaim (or a CSI driver) instead of an inline volume source."),
    "VX5222": ("restricted/fail/allowprivilegeescalation0.yaml", "containers:\n  - name: app\n    securityContext: {}", "containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false",
               "Set `allowPrivilegeEscalation: false` on every container, init container and ephemeral container."),
    "VX5223": ("restricted/fail/runasnonroot0.yaml", "spec:\n  securityContext: {}", "spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001",
               "Set `runAsNonRoot: true` on the pod (and a non-zero `runAsUser` if the image has no USER)."),
    "VX5224": ("restricted/fail/runasuser0.yaml", "securityContext:\n  runAsUser: 0", "securityContext:\n  runAsUser: 10001",
               "Run as a non-zero user id."),
    "VX5225": ("restricted/fail/seccompprofile_restricted1.yaml", "spec:\n  securityContext: {}", "spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault",
               "Set `seccompProfile.type: RuntimeDefault` on the pod's securityContext."),
    "VX5226": ("restricted/fail/capabilities_restricted0.yaml", "securityContext:\n  capabilities: {}", "securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]   # only if it binds a port below 1024",
               "Add `capabilities.drop: [ALL]` to every container; add back only `NET_BIND_SERVICE` if needed."),
}

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


def deployment(pod_file, name):
    pod = yaml.safe_load(open(os.path.join(PSS, pod_file)))
    template_meta = {"labels": {"app": name}}
    if pod["metadata"].get("annotations"):
        template_meta["annotations"] = pod["metadata"]["annotations"]
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "namespace": "demo"},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": name}},
                 "template": {"metadata": template_meta, "spec": pod["spec"]}},
    }


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


for pack_name in ("pss-baseline", "pss-restricted"):
    pack = yaml.safe_load(open(os.path.join(ROOT, "src", "Vixens.Lint", "RulePacks", pack_name + ".rulepack.yaml")))
    level = pack_name.split("-")[1]
    for rule in pack["rules"]:
        rid = rule["id"]
        fixture, bad, good, fix = EXAMPLES[rid]
        fx = os.path.join(ROOT, "tests", "Vixens.Lint.Tests", "Fixtures", "rules", rid)
        write(os.path.join(fx, "fail.yaml"), f"# {rid} fail: pod-security-admission's 1.34 fixture {fixture} as a Deployment's pod template.\n"
              + yaml.safe_dump(deployment(fixture, "web"), sort_keys=False))
        write(os.path.join(fx, "pass.yaml"), f"# {rid} pass: pod-security-admission's restricted-level base pod (restricted/pass/base.yaml) as a Deployment.\n"
              + yaml.safe_dump(deployment("restricted/pass/base.yaml", "web"), sort_keys=False))
        also = " It loads pss-baseline with it: the restricted level is the baseline plus these checks." if level == "restricted" else ""
        page = f"""# {rid}: {rule['title']}

| | |
|---|---|
| Default severity | {rule['severity']} |
| Pack | `{pack_name}` (Pod Security Standards, {level} level, Kubernetes 1.34) |

## Why

{' '.join(rule['description'].split())}

Enable the pack with `packs: [{pack_name}]` in `.vixens-lint.yaml`.{also} The rule follows Kubernetes' own Pod Security
Admission check at its 1.34 version; every 1.34 fixture of kubernetes/pod-security-admission gets the same verdict
(`PssConformanceTests`). It reads Pods and the pod templates of workloads (Deployment, StatefulSet, DaemonSet, Job,
CronJob...).

## Bad example

```yaml
{bad}
```

## Good example

```yaml
{good}
```

## How to fix

{fix}

## How to suppress

{SUPPRESS.replace('{id}', rid)}"""
        write(os.path.join(ROOT, "docs", "rules", rid + ".md"), page)
        print(rid, "ok")
