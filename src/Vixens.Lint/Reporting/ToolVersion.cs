using System.Reflection;

namespace Vixens.Lint.Reporting;

/// <summary>The product's semantic version, without the <c>+commit</c> build metadata (which would break determinism).</summary>
public static class ToolVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? informational[..plus] : informational;
    }
}
