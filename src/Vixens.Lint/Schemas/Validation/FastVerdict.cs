namespace Vixens.Lint.Schemas.Validation;

/// <summary>What the fast check can tell: valid, invalid, or "ask the full evaluator".</summary>
public enum FastVerdict
{
    Valid,
    Invalid,
    Unknown,
}
