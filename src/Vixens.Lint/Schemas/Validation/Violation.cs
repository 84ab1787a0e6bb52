namespace Vixens.Lint.Schemas.Validation;

/// <summary>What kind of schema failure a violation is; each maps to one VX10xx descriptor.</summary>
public enum ViolationKind
{
    UnknownField,
    MissingRequired,
    WrongType,
    InvalidValue,
    Other,
}

/// <summary>
/// One explained schema failure. <paramref name="InstancePath"/> are the JSON Pointer segments of the offending value
/// (for a missing field: of the mapping that lacks it); <paramref name="AtKey"/> asks for the location of the entry's key.
/// </summary>
public sealed record Violation(ViolationKind Kind, IReadOnlyList<string> InstancePath, string Message, bool AtKey = false)
{
    /// <summary>For a missing required field, its name.</summary>
    public string? MissingField { get; init; }
}
