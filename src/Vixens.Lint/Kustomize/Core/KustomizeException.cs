using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// A build error, as kustomize would stop with. Thrown deep in the pipeline and turned into exactly one diagnostic by
/// <see cref="KustomizeRenderer"/>, which is how "kustomize fails" maps to "the render reports an error".
/// </summary>
internal sealed class KustomizeException : Exception
{
    public KustomizeException(DiagnosticDescriptor descriptor, SourceSpan location, params object?[] args)
        : base(descriptor.FormatMessage(args)) => Diagnostic = Diagnostic.Create(descriptor, location, args);

    /// <summary>Rethrows a diagnostic recorded earlier (e.g. a cached base that failed).</summary>
    public KustomizeException(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    public KustomizeException()
        : base() => Diagnostic = null!;

    public KustomizeException(string message)
        : base(message) => Diagnostic = null!;

    public KustomizeException(string message, Exception inner)
        : base(message, inner) => Diagnostic = null!;

    public Diagnostic Diagnostic { get; }
}
