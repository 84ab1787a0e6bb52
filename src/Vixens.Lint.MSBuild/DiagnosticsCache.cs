using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vixens.Lint.MSBuild;

/// <summary>
/// What <see cref="VixensLint"/> found, kept in <c>obj/</c> so that <see cref="VixensLintReport"/> can log it again on
/// every build, including builds where the (incremental) analysis was skipped.
/// </summary>
internal sealed record DiagnosticsCache
{
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    public int FileCount { get; init; }

    public int ResourceCount { get; init; }

    public string? SarifPath { get; init; }

    /// <summary>The settings' <c>failOn</c>, used when <c>VixensLintFailOn</c> is not set.</summary>
    public string? FailOn { get; init; }

    public IReadOnlyList<CachedDiagnostic> Diagnostics { get; init; } = [];

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, CacheJsonContext.Default.DiagnosticsCache);

    public static DiagnosticsCache? Read(string path)
    {
        try
        {
            var cache = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJsonContext.Default.DiagnosticsCache);
            return cache?.Format == CurrentFormat ? cache : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>One unsuppressed finding, with what MSBuild's logging API needs.</summary>
internal sealed record CachedDiagnostic(string Id, string Severity, string File, int Line, int Column, string Message, string? HelpLink)
{
    /// <summary>Recorded in the baseline: reported, but it does not fail the build.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InBaseline { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiagnosticsCache))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
