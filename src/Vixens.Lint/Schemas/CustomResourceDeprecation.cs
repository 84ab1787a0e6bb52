namespace Vixens.Lint.Schemas;

/// <summary>A custom resource version its CRD marks <c>deprecated</c>: the CRD's warning, and the versions to move to.</summary>
public sealed record CustomResourceDeprecation(string? Warning, IReadOnlyList<string> Alternatives);
