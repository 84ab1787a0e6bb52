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
        WithFlags = meta.TryGetProperty("with_flags", out var flags) ? flags.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        ErrorTextStable = !meta.TryGetProperty("error_text_stable", out var stable) || stable.ValueKind != JsonValueKind.False;
    }

    public string Name { get; }

    public string Directory { get; }

    public string BuildDir { get; }

    public IReadOnlyList<string> EmptyDirs { get; }

    public IReadOnlyList<string> Features { get; }

    /// <summary>The kubectl flags behind <c>expected.with-flags.yaml</c> (meta.with_flags), or empty.</summary>
    public IReadOnlyList<string> WithFlags { get; }

    /// <summary>False when the oracle's error text changes from run to run (Go map order).</summary>
    public bool ErrorTextStable { get; }

    public string? ExpectedOutput => File.Exists(Path.Combine(Directory, "expected.yaml")) ? File.ReadAllText(Path.Combine(Directory, "expected.yaml")) : null;

    public string? ExpectedError => File.Exists(Path.Combine(Directory, "expected-error.txt")) ? File.ReadAllText(Path.Combine(Directory, "expected-error.txt")) : null;

    /// <summary>Why the case cannot be built offline (Helm, remote), or null.</summary>
    public string? OfflineSkipReason =>
        Features.Contains("helmCharts") ? "needs Helm" : null;

    /// <summary>Every case of shared/; a missing folder throws, so the suite fails instead of passing on no cases.</summary>
    public static IEnumerable<ConformanceCase> All()
    {
        var root = SharedPaths.ConformanceCases;
        if (!System.IO.Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("The Kustomize conformance cases are missing: " + root);
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

    /// <summary>
    /// What to check for this case: the default build, plus <c>--reorder none</c> and the upstream test's own flags
    /// where the case holds those expected files.
    /// </summary>
    public IEnumerable<ConformanceVariant> Variants()
    {
        yield return new ConformanceVariant(this, ConformanceVariant.Default, ExpectedOutput, ExpectedError, new KustomizeOptions());
        var reorderNone = Path.Combine(Directory, "expected.reorder-none.yaml");
        if (File.Exists(reorderNone))
        {
            yield return new ConformanceVariant(this, "reorder-none", File.ReadAllText(reorderNone), null, new KustomizeOptions { LegacyReorder = false });
        }

        var withFlags = Path.Combine(Directory, "expected.with-flags.yaml");
        if (File.Exists(withFlags))
        {
            yield return new ConformanceVariant(this, "with-flags", File.ReadAllText(withFlags), null, OptionsFor(WithFlags));
        }
    }

    /// <summary>The input root on disk once materialised: the <c>${INPUT}</c> of expected-error.txt.</summary>
    public string InputRoot(string scratchRoot) => Path.Combine(scratchRoot, Name);

    private KustomizeOptions OptionsFor(IReadOnlyList<string> flags)
    {
        var options = new KustomizeOptions();
        for (var i = 0; i < flags.Count; i++)
        {
            options = (flags[i], i + 1 < flags.Count ? flags[i + 1] : null) switch
            {
                ("--load-restrictor", "LoadRestrictionsNone") => options with { AllowFilesOutsideRoot = true },
                ("--reorder", "none") => options with { LegacyReorder = false },
                ("--reorder", "legacy") => options with { LegacyReorder = true },
                _ => throw new NotSupportedException($"{Name}: the flag '{flags[i]}' of meta.with_flags has no KustomizeOptions counterpart"),
            };
            i++;
        }

        return options;
    }

    /// <summary>Copies the input to a fresh scratch directory and returns the directory to build.</summary>
    public string Materialize(string scratchRoot)
    {
        var target = InputRoot(scratchRoot);
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
