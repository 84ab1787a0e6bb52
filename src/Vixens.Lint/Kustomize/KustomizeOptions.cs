using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize;

/// <summary>Options of a render; the defaults are those of <c>kustomize build</c> / <c>kubectl kustomize</c>.</summary>
public sealed record KustomizeOptions
{
    public static readonly KustomizeOptions Default = new();

    /// <summary>
    /// The repository root: bases and components (directories) may be anywhere below it. Null means no limit beyond
    /// kustomize's own rules.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>kustomize's <c>--load-restrictor LoadRestrictionsNone</c>: files may be read from outside the kustomization root.</summary>
    public bool AllowFilesOutsideRoot { get; init; }

    /// <summary>Parsed files and built bases shared between renders; null gives each render its own.</summary>
    public KustomizeCache? Cache { get; init; }

    public YamlLoadOptions YamlLoadOptions { get; init; } = YamlLoadOptions.Default;

    /// <summary>Apply kustomize's final "legacy" kind order (the default); false keeps pipeline order (<c>--reorder none</c>).</summary>
    public bool LegacyReorder { get; init; } = true;

    /// <summary>
    /// Components one top-level render may apply (default 5,000), counting each inclusion, nested ones included.
    /// Components that include the same component twice at every level would otherwise apply it 2^depth times;
    /// past the limit the render stops with VX0115.
    /// </summary>
    public int MaxComponentApplications { get; init; } = 5_000;
}

/// <summary>
/// Parsed files and built bases, shared by every render that uses the same instance (many overlays share a base:
/// it is built once per process). Results are deep-cloned on the way out, so renders never see each other's edits.
/// Safe for concurrent use.
/// </summary>
public sealed class KustomizeCache
{
    internal System.Collections.Concurrent.ConcurrentDictionary<string, YamlFile> Files { get; } = new(StringComparer.Ordinal);

    internal System.Collections.Concurrent.ConcurrentDictionary<string, byte[]?> Bytes { get; } = new(StringComparer.Ordinal);

    internal System.Collections.Concurrent.ConcurrentDictionary<string, Core.BuiltBase> Bases { get; } = new(StringComparer.Ordinal);

    internal System.Collections.Concurrent.ConcurrentDictionary<string, string> RealPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Hands the cache a file the caller already parsed (with the same load options), so a linter that reads every
    /// file once does not make the renderer parse it again. The tree is shared: the renderer clones what it changes.
    /// </summary>
    public void AddParsedFile(YamlFile file) => Files.TryAdd(file.Path, file);

    /// <summary>Forgets everything, e.g. after files changed on disk.</summary>
    public void Clear()
    {
        Files.Clear();
        Bytes.Clear();
        Bases.Clear();
        RealPaths.Clear();
    }
}
