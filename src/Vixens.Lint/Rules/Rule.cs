using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Rules;

/// <summary>
/// A check over the resources of one analysis unit (a rendered overlay, an Application, or a plain directory).
/// Rules are stateless: everything they need comes through the <see cref="RuleContext"/>.
/// </summary>
public abstract class Rule
{
    /// <summary>Every descriptor this rule may report; the catalog lists them and SARIF declares them.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Analyze(RuleContext context);
}
