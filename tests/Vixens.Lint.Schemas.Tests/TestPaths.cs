namespace Vixens.Lint.Schemas.Tests;

/// <summary>Finds the repository (the directory holding Vixens.Lint.sln) and the shared data beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>shared/</c> beside the repository root; a missing one fails the test instead of passing on nothing.</summary>
    public static string Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"Test data is missing: {path} (the shared/ folder must sit beside the repository).");
        }
    }

    public static string Corpus => Path.Combine(Shared, "corpus", "vixens");

    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

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
