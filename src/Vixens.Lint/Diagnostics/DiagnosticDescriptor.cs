using System.Globalization;

namespace Vixens.Lint.Diagnostics;

/// <summary>
/// Everything that is fixed about a rule, in the spirit of Roslyn's <c>DiagnosticDescriptor</c>: identity, texts, defaults.
/// Instances are created once (static fields of a rule, or from a rule pack) and shared by every diagnostic they report.
/// </summary>
public sealed class DiagnosticDescriptor
{
    public const string HelpBaseUri = "https://github.com/charchess/vixens-lint/blob/main/docs/rules/";

    public DiagnosticDescriptor(
        string id,
        string name,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        string description,
        IReadOnlyList<string>? tags = null,
        MaturityTier? tier = null,
        string? helpUri = null,
        string precision = "high",
        double? securitySeverity = null)
    {
        if (!DiagnosticId.IsValid(id))
        {
            throw new ArgumentException($"Rule id '{id}' must be VX followed by four digits.", nameof(id));
        }

        Id = id;
        Name = name;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        Tags = tags ?? [];
        Tier = tier;
        HelpUri = helpUri ?? HelpBaseUri + id + ".md";
        Precision = precision;
        SecuritySeverity = securitySeverity;
    }

    /// <summary>Stable forever: <c>VX</c> + four digits; the first digit is the family (docs/architecture.md, "Rule IDs").</summary>
    public string Id { get; }

    /// <summary>PascalCase friendly name (SARIF <c>reportingDescriptor.name</c>).</summary>
    public string Name { get; }

    /// <summary>One line, shown next to results.</summary>
    public string Title { get; }

    /// <summary>A composite format (<c>{0}</c>, <c>{1}</c>…) for the message; the first sentence must stand alone.</summary>
    public string MessageFormat { get; }

    /// <summary>One of the family names, e.g. <c>input</c>, <c>schema</c>, <c>reliability</c>, <c>security</c>.</summary>
    public string Category { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>Why the rule exists, one paragraph.</summary>
    public string Description { get; }

    public IReadOnlyList<string> Tags { get; }

    public MaturityTier? Tier { get; }

    public string HelpUri { get; }

    /// <summary>SARIF precision: <c>very-high</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public string Precision { get; }

    /// <summary>GitHub's 0–10 score, for security rules only.</summary>
    public double? SecuritySeverity { get; }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => $"{Id}: {Title}";
}
