namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>Where the repository and the read-only shared data are, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>shared/</c> lies beside the repository root, on developer machines and in CI; a missing one fails the test.</summary>
    public static string SharedRoot => RequireDirectory(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")));

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public static string Homelab => Path.Combine(Samples, "homelab");

    public static string VixensCorpus => Path.Combine(SharedRoot, "corpus", "vixens");

    /// <summary>Returns the directory, or throws: a test whose data is missing fails instead of passing on nothing.</summary>
    public static string RequireDirectory(string path) =>
        Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"Test data is missing: {path} (the shared/ folder must sit beside the repository).");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vixens.Lint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vixens.Lint.sln not found above " + AppContext.BaseDirectory);
    }
}
