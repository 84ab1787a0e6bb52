namespace Vixens.Lint.Helm.Template.Execution;

/// <summary>
/// A valid <c>interface{}</c> holding nil (a map value or list element that is nil, a missing key under
/// <c>missingkey=zero</c>), as opposed to <c>null</c>, the invalid value (no value at all). Go tells them apart:
/// a field of the first is "nil pointer evaluating interface {}.x", of the second nothing. It never leaves the engine:
/// functions, variables and printing see <c>null</c> for both.
/// </summary>
internal sealed class NilInterface
{
    public static readonly NilInterface Value = new();

    private NilInterface()
    {
    }

    /// <summary>The value a function or printer sees.</summary>
    public static object? Strip(object? value) => value is NilInterface ? null : value;
}
