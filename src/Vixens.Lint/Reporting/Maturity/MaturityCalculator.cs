using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>
/// Computes each application's maturity tier from a <see cref="LintResult"/> (docs/maturity.md).
/// Resources are grouped by <see cref="KubeResource.Application"/> and <see cref="KubeResource.Environment"/> when the
/// workspace knows them, else by their directory: <c>apps/10-home/frigate/overlays/prod</c> → app <c>frigate</c>,
/// environment <c>prod</c>; <c>apps/10-home/frigate/base</c> → app <c>frigate</c>, environment <c>base</c>.
/// Orichalcum needs runtime data (restarts, CVE reports) and is never reached statically: the highest tier is Diamond.
/// </summary>
public static class MaturityCalculator
{
    /// <summary>The tiers that can be decided from manifests.</summary>
    public static IReadOnlyList<MaturityTier> StaticTiers { get; } =
        [MaturityTier.Bronze, MaturityTier.Silver, MaturityTier.Gold, MaturityTier.Platinum, MaturityTier.Emerald, MaturityTier.Diamond];

    public static MaturityReport Compute(LintResult result, IReadOnlyCollection<string>? environments = null)
    {
        var groups = new SortedDictionary<(string App, string Env), Group>(Comparer<(string, string)>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Item1, b.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
        }));

        var inventory = ApplicationInventory.From(result);
        foreach (var resource in result.Resources)
        {
            // The environment root holds the Application objects themselves: the app-of-apps, not an application.
            if (inventory.IsEnvironmentRoot(resource.Application, resource.Origin))
            {
                continue;
            }

            var (app, env, category) = Identify(resource.Application, resource.Environment, resource.Origin);
            var group = GetGroup(groups, app, env, category, resource.Origin ?? string.Empty);
            group.Resources++;
            group.Deployed |= resource.Application is not null;
            if (PodSpecView.IsWorkloadKind(resource.Kind))
            {
                group.Workloads++;
            }
        }

        var checks = result.Catalog.Rules.SelectMany(r => r.SupportedDiagnostics)
            .Where(d => d.Tier is { } t && StaticTiers.Contains(t))
            .Select(d => d.Id)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsSuppressed || diagnostic.Severity == Severity.None || diagnostic.Descriptor.Tier is not { } tier
                || !checks.Contains(diagnostic.Id) || !diagnostic.Properties.ContainsKey("resource"))
            {
                continue;
            }

            var properties = diagnostic.Properties;
            var origin = properties.GetValueOrDefault("origin");
            if (inventory.IsEnvironmentRoot(properties.GetValueOrDefault("application"), origin))
            {
                continue;
            }

            foreach (var (application, environment) in Scopes(properties))
            {
                var (app, env, category) = Identify(application, environment, origin);
                var group = GetGroup(groups, app, env, category, origin ?? string.Empty);
                group.Findings.Add(new BlockingFinding(
                    diagnostic.Id,
                    diagnostic.Descriptor.Title,
                    tier,
                    diagnostic.Message,
                    result.RelativePath(diagnostic.Location.File),
                    diagnostic.Location.StartLine,
                    diagnostic.Location.StartColumn,
                    properties.GetValueOrDefault("resource")));
            }
        }

        var applications = new List<AppMaturity>();
        foreach (var ((app, env), group) in groups)
        {
            var environment = env.Length == 0 ? null : env;
            if (environments is { Count: > 0 } && (environment is null || !environments.Contains(environment)))
            {
                continue;
            }

            // The tiers rate workloads; an application that renders none here (Helm-only, or only configuration) would
            // pass every check vacuously and show up as Diamond. It is not rated; ArgoCD Applications among those are
            // listed as not assessed below, with the reason.
            if (group.Workloads == 0)
            {
                continue;
            }

            var failures = StaticTiers.ToDictionary(t => t, t => group.Findings.Count(f => f.Tier == t));
            MaturityTier? reached = null;
            foreach (var tier in StaticTiers)
            {
                if (failures[tier] > 0)
                {
                    break;
                }

                reached = tier;
            }

            MaturityTier? next = reached is null ? MaturityTier.Bronze : reached == MaturityTier.Diamond ? null : reached + 1;
            var blocking = next is null
                ? []
                : group.Findings.Where(f => f.Tier == next)
                    .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
                    .DistinctBy(f => (f.RuleId, f.File, f.Line, f.Column, f.Message))
                    .ToList();
            applications.Add(new AppMaturity(app, environment, group.Category, group.Origin, reached, next, blocking, failures, group.Resources, group.Workloads, inventory.Deployed(group.Deployed)));
        }

        var notAssessed = inventory.Entries
            .Where(e => environments is not { Count: > 0 } || environments.Contains(e.Environment))
            .Where(e => !groups.TryGetValue((e.Application, e.Environment), out var group) || group.Workloads == 0)
            .Select(e => new NotAssessedApp(e.Application, e.Environment, e.Origin, e.NoWorkloadReason))
            .DistinctBy(e => (e.Application, e.Environment))
            .OrderBy(e => e.Application, StringComparer.Ordinal).ThenBy(e => e.Environment, StringComparer.Ordinal)
            .ToList();
        return new MaturityReport(applications, StaticTiers, checks.Count) { NotAssessed = notAssessed };
    }

    /// <summary>
    /// Where a finding counts. The engine merges one finding seen in several environments (a base file) or several
    /// Applications (a shared component) into one; it counts in each application and environment it was seen in.
    /// </summary>
    private static IEnumerable<(string? Application, string? Environment)> Scopes(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.GetValueOrDefault(LintEngine.SeenInProperty) is { } seenIn)
        {
            return seenIn.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Split('@', 2))
                .Select(p => ((string?)p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null))
                .Distinct();
        }

        var application = properties.GetValueOrDefault("application");
        return properties.GetValueOrDefault("environment") is { } listed
            ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Select(e => (application, (string?)e))
            : [(application, null)];
    }

    /// <summary>Application, environment and category of an object or a finding.</summary>
    public static (string App, string Env, string? Category) Identify(string? application, string? environment, string? origin)
    {
        var parts = (origin ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? category = null;
        string? app = application;
        string? env = environment;
        var appsIndex = Array.IndexOf(parts, "apps");
        if (appsIndex >= 0 && parts.Length > appsIndex + 2 && parts[appsIndex + 2] is "overlays" or "base")
        {
            // apps/<app>/overlays/<env> (no category level, e.g. apps/template-app): the app is the first level.
            app ??= parts[appsIndex + 1];
            env ??= parts[appsIndex + 2] == "base" ? "base" : parts.Length > appsIndex + 3 ? parts[appsIndex + 3] : null;
        }
        else if (appsIndex >= 0 && parts.Length > appsIndex + 2)
        {
            category = parts[appsIndex + 1];
            app ??= parts[appsIndex + 2];
            var overlays = Array.IndexOf(parts, "overlays", appsIndex + 3);
            if (overlays >= 0 && overlays + 1 < parts.Length)
            {
                env ??= parts[overlays + 1];
            }
            else if (Array.IndexOf(parts, "base", appsIndex + 3) >= 0)
            {
                env ??= "base";
            }
        }
        else
        {
            var overlays = Array.IndexOf(parts, "overlays");
            if (overlays >= 0 && overlays + 1 < parts.Length)
            {
                env ??= parts[overlays + 1];
                app ??= string.Join('/', parts[..overlays]);
            }
        }

        app ??= parts.Length == 0 ? "(root)" : string.Join('/', parts);
        return (app, env ?? string.Empty, category);
    }

    private static Group GetGroup(SortedDictionary<(string App, string Env), Group> groups, string app, string env, string? category, string origin)
    {
        if (!groups.TryGetValue((app, env), out var group))
        {
            groups[(app, env)] = group = new Group(category, origin);
        }

        return group;
    }

    private sealed class Group(string? category, string origin)
    {
        public string? Category { get; } = category;

        public string Origin { get; } = origin;

        public int Resources { get; set; }

        public int Workloads { get; set; }

        /// <summary>Whether an ArgoCD Application reaches these objects (else: an overlay no Application deploys).</summary>
        public bool Deployed { get; set; }

        public List<BlockingFinding> Findings { get; } = [];
    }
}
