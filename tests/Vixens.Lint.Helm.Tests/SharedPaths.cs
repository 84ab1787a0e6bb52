namespace Vixens.Lint.Helm.Tests;

/// <summary>Finds <c>shared/</c> beside the repository root (the directory holding Vixens.Lint.sln); a missing one fails.</summary>
internal static class SharedPaths
{
    private static readonly Lazy<string> SharedRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vixens.Lint.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Vixens.Lint.sln) above the test assembly.");
        }

        var shared = Path.Combine(dir.Parent.FullName, "shared");
        if (!Directory.Exists(shared))
        {
            throw new DirectoryNotFoundException($"The shared data folder is missing: {shared}. The Helm conformance suite needs it.");
        }

        return shared;
    });

    public static string Shared => SharedRoot.Value;

    public static string HelmCases => Path.Combine(Shared, "conformance", "helm", "cases");

    public static string VixensCharts => Path.Combine(Shared, "corpus", "vixens-charts");
}
