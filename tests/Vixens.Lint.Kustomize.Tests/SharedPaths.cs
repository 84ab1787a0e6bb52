namespace Vixens.Lint.Kustomize.Tests;

/// <summary>Finds the repository root (the directory holding Vixens.Lint.sln) and <c>shared/</c> beside it.</summary>
internal static class SharedPaths
{
    private static readonly Lazy<string> RepositoryRootPath = new(() =>
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

        return dir.FullName;
    });

    /// <summary>The repository root (the directory holding Vixens.Lint.sln).</summary>
    public static string RepositoryRoot => RepositoryRootPath.Value;

    public static string Shared => Path.Combine(Directory.GetParent(RepositoryRoot)!.FullName, "shared");

    public static string ConformanceCases => Path.Combine(Shared, "conformance", "kustomize", "cases");

    public static string VixensCorpus => Path.Combine(Shared, "corpus", "vixens");

    public static string VixensExpected => Path.Combine(Shared, "corpus", "vixens.expected");
}
