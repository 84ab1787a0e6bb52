using Vixens.Lint.Yaml;

namespace Vixens.Lint.Diagnostics;

/// <summary>How a finding was silenced, kept so SARIF can still list it as suppressed.</summary>
public sealed record DiagnosticSuppression(string Kind, string? Justification, SourceSpan? Location);

/// <summary>How a finding compares with the baseline (SARIF <c>baselineState</c>).</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: a new finding, it fails the run as usual.</summary>
    New,
    /// <summary>Already in the baseline: existing debt, reported but not failing.</summary>
    Unchanged,
    /// <summary>In the baseline but no longer found (fixed).</summary>
    Absent,
}

/// <summary>One finding: a descriptor, a message, a location in an original source file, and optional context.</summary>
public sealed class Diagnostic
{
    public Diagnostic(
        DiagnosticDescriptor descriptor,
        SourceSpan location,
        string message,
        Severity? severity = null,
        IReadOnlyList<SourceSpan>? relatedLocations = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        Descriptor = descriptor;
        Location = location;
        Message = message;
        Severity = severity ?? descriptor.DefaultSeverity;
        RelatedLocations = relatedLocations ?? [];
        Properties = properties ?? EmptyProperties;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public SourceSpan Location { get; }

    public string Message { get; }

    /// <summary>Effective severity after settings are applied.</summary>
    public Severity Severity { get; }

    public IReadOnlyList<SourceSpan> RelatedLocations { get; }

    /// <summary>Context such as <c>resource</c> (kind/namespace/name), <c>application</c>, <c>environment</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    public DiagnosticSuppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>Set when a baseline was given: <see cref="Diagnostics.BaselineState.Unchanged"/> findings do not fail the run.</summary>
    public BaselineState? BaselineState { get; init; }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan location, params object?[] messageArgs) =>
        new(descriptor, location, descriptor.FormatMessage(messageArgs));

    public Diagnostic WithSeverity(Severity severity) =>
        new(Descriptor, Location, Message, severity, RelatedLocations, Properties) { Suppression = Suppression, BaselineState = BaselineState };

    public Diagnostic WithSuppression(DiagnosticSuppression suppression) =>
        new(Descriptor, Location, Message, Severity, RelatedLocations, Properties) { Suppression = suppression, BaselineState = BaselineState };

    public Diagnostic WithBaselineState(BaselineState state) =>
        new(Descriptor, Location, Message, Severity, RelatedLocations, Properties) { Suppression = Suppression, BaselineState = state };

    public Diagnostic WithProperties(IReadOnlyDictionary<string, string> extra)
    {
        var merged = new Dictionary<string, string>(Properties, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            merged[key] = value;
        }

        return new Diagnostic(Descriptor, Location, Message, Severity, RelatedLocations, merged) { Suppression = Suppression, BaselineState = BaselineState };
    }

    public override string ToString() => $"{Location}: {Severity.ToText()} {Id}: {Message}";
}
