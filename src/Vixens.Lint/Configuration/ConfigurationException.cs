using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Configuration;

/// <summary>One problem in a configuration input (settings file, rule pack), with where to fix it.</summary>
public sealed record ConfigurationError(string Message, SourceSpan Location)
{
    /// <summary>MSBuild/compiler canonical form: <c>file(line,col): error: message</c>.</summary>
    public override string ToString() => $"{Location.File}({Location.StartLine},{Location.StartColumn}): error: {Message}";
}

/// <summary>
/// A settings file or rule pack that cannot be used. The CLI maps it to exit code 2 (docs/architecture.md, "Exit codes") and prints every
/// <see cref="Errors"/> entry, each naming the file and line.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(Describe(errors)) => Errors = errors;

    public ConfigurationException(string message, SourceSpan location)
        : this([new ConfigurationError(message, location)])
    {
    }

    public ConfigurationException()
        : this("Invalid configuration.", SourceSpan.StartOf(string.Empty))
    {
    }

    public ConfigurationException(string message)
        : this(message, SourceSpan.StartOf(string.Empty))
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new ConfigurationError(message, SourceSpan.StartOf(string.Empty))];

    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigurationError> errors) =>
        errors.Count == 0 ? "Invalid configuration." : string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
