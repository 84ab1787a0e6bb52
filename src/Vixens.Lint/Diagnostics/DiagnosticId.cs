namespace Vixens.Lint.Diagnostics;

/// <summary>The rule-ID scheme: letters then digits only, so GitHub's dotnet problem matcher picks the code up.</summary>
public static class DiagnosticId
{
    public static bool IsValid(string id) =>
        id.Length == 6 && id.StartsWith("VX", StringComparison.Ordinal) && id.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;
}
