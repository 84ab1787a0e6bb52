using System.Text.Json;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>One case of shared/conformance/kustomize: its input copied to a scratch directory (with meta.empty_dirs created).</summary>
public sealed class ConformanceCase
{
    private ConformanceCase(string name, string directory, JsonElement meta)
    {
        Name = name;
        Directory = directory;
        BuildDir = meta.GetProperty("build_dir").GetString() ?? ".";
        EmptyDirs = meta.TryGetProperty("empty_dirs", out var dirs) ? dirs.EnumerateArray().Select(d => d.GetString()!).ToList() : [];
        Features = meta.TryGetProperty("features", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
    }

    public string Name { get; }

    public string Directory { get; }

    public string BuildDir { get; }

    public IReadOnlyList<string> EmptyDirs { get; }

    public IReadOnlyList<string> Features { get; }

    public string? ExpectedOutput => File.Exists(Path.Combine(Directory, "expected.yaml")) ? File.ReadAllText(Path.Combine(Directory, "expected.yaml")) : null;

    public string? ExpectedError => File.Exists(Path.Combine(Directory, "expected-error.txt")) ? File.ReadAllText(Path.Combine(Directory, "expected-error.txt")) : null;

    /// <summary>Why the case cannot be built offline (Helm, remote), or null.</summary>
    public string? OfflineSkipReason =>
        Features.Contains("helmCharts") ? "needs Helm" : null;

    public static IEnumerable<ConformanceCase> All()
    {
        var root = SharedPaths.ConformanceCases;
        if (!System.IO.Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dir in System.IO.Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var metaFile = Path.Combine(dir, "meta.json");
            if (File.Exists(metaFile))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(metaFile));
                yield return new ConformanceCase(Path.GetFileName(dir), dir, doc.RootElement.Clone());
            }
        }
    }

    /// <summary>Copies the input to a fresh scratch directory and returns the directory to build.</summary>
    public string Materialize(string scratchRoot)
    {
        var target = Path.Combine(scratchRoot, Name);
        if (System.IO.Directory.Exists(target))
        {
            System.IO.Directory.Delete(target, recursive: true);
        }

        System.IO.Directory.CreateDirectory(target);
        var input = Path.Combine(Directory, "input");
        if (System.IO.Directory.Exists(input))
        {
            foreach (var d in System.IO.Directory.GetDirectories(input, "*", SearchOption.AllDirectories))
            {
                System.IO.Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(input, d)));
            }

            foreach (var f in System.IO.Directory.GetFiles(input, "*", SearchOption.AllDirectories))
            {
                File.Copy(f, Path.Combine(target, Path.GetRelativePath(input, f)), overwrite: true);
            }
        }

        foreach (var empty in EmptyDirs)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(target, empty));
        }

        return Path.GetFullPath(Path.Combine(target, BuildDir));
    }

    public override string ToString() => Name;
}
