using NUnit.Framework;
using System.Runtime.CompilerServices;

namespace Vixens.Lint.Tests;

/// <summary>Locations the tests need: the repository (the directory holding Vixens.Lint.sln), shared data beside it, fixtures.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>&lt;dir containing Vixens.Lint.sln&gt;/../shared</c>.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SarifSchema => Path.Combine(Shared, "data", "sarif", "variants", "oasis-draft-07", "sarif-schema-2.1.0.json");

    public static string TestProjectDirectory => Path.Combine(RepositoryRoot, "tests", "Vixens.Lint.Tests");

    public static string Fixture(string name) => Path.Combine(TestProjectDirectory, "Fixtures", name);

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), TestContext.CurrentContext.TestDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vixens.Lint.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Vixens.Lint.sln not found above the tests.");
    }
}
