using System.Globalization;
using System.Text;

namespace Vixens.Lint.Benchmarks;

/// <summary>
/// Writes a synthetic GitOps repository shaped like Vixens: N applications × 2 environments, each with a base
/// (Deployment, Service, PVC, a configMapGenerator), dev/prod overlays with patches, a shared component, and an
/// ArgoCD app-of-apps per environment. Used to measure how the check grows with N.
/// </summary>
internal static class SyntheticRepository
{
    private const string Kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

    public static void Write(string root, int applications)
    {
        Directory.CreateDirectory(root);
        WriteFile(root, "apps/_shared/components/common/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: all\n      spec:\n        revisionHistoryLimit: 3\n    target:\n      kind: Deployment\n");
        foreach (var environment in new[] { "dev", "prod" })
        {
            var list = new StringBuilder(Kustomization).Append("namespace: argocd\nresources:\n");
            for (var i = 0; i < applications; i++)
            {
                list.Append(CultureInfo.InvariantCulture, $"  - apps/app-{i}.yaml\n");
                WriteFile(root, $"argocd/overlays/{environment}/apps/app-{i}.yaml", Application(i, environment));
            }

            WriteFile(root, $"argocd/overlays/{environment}/kustomization.yaml", list.ToString());
        }

        for (var i = 0; i < applications; i++)
        {
            var app = $"apps/{10 + (i % 6) * 10}-cat/app-{i}";
            WriteFile(root, $"{app}/base/kustomization.yaml",
                Kustomization + $"resources:\n  - deployment.yaml\n  - service.yaml\n  - pvc.yaml\nconfigMapGenerator:\n  - name: app-{i}-config\n    literals:\n      - LOG_LEVEL=info\n      - INDEX={i}\nlabels:\n  - pairs:\n      app: app-{i}\n    includeSelectors: true\n");
            WriteFile(root, $"{app}/base/deployment.yaml", Deployment(i));
            WriteFile(root, $"{app}/base/service.yaml",
                $"apiVersion: v1\nkind: Service\nmetadata:\n  name: app-{i}\nspec:\n  selector:\n    app: app-{i}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n");
            WriteFile(root, $"{app}/base/pvc.yaml",
                $"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: app-{i}-data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n");
            foreach (var environment in new[] { "dev", "prod" })
            {
                var replicas = environment == "prod" ? 2 : 1;
                WriteFile(root, $"{app}/overlays/{environment}/kustomization.yaml",
                    Kustomization + $"namespace: app-{i}\nresources:\n  - ../../base\ncomponents:\n  - ../../../../_shared/components/common\npatches:\n  - path: resources.yaml\nimages:\n  - name: ghcr.io/example/app\n    newTag: \"1.{i}.0\"\nreplicas:\n  - name: app-{i}\n    count: {replicas}\n");
                WriteFile(root, $"{app}/overlays/{environment}/resources.yaml",
                    $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources:\n            limits:\n              memory: {(environment == "prod" ? 512 : 256)}Mi\n");
            }
        }
    }

    private static string Application(int i, string environment) =>
        $"apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: app-{i}\n  namespace: argocd\n  finalizers:\n    - resources-finalizer.argocd.argoproj.io\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/synthetic.git\n    targetRevision: main\n    path: apps/{10 + (i % 6) * 10}-cat/app-{i}/overlays/{environment}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: app-{i}\n  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n";

    private static string Deployment(int i) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: app-{i}\n  template:\n    metadata:\n      labels:\n        app: app-{i}\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/app:1.0.0\n          ports:\n            - name: http\n              containerPort: 8080\n          envFrom:\n            - configMapRef:\n                name: app-{i}-config\n          resources:\n            requests:\n              cpu: 50m\n              memory: 128Mi\n            limits:\n              cpu: 500m\n              memory: 256Mi\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n          livenessProbe:\n            tcpSocket:\n              port: http\n            initialDelaySeconds: 10\n            failureThreshold: 6\n          volumeMounts:\n            - name: data\n              mountPath: /data\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: app-{i}-data\n";

    private static void WriteFile(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
