using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules.Maturity;

namespace Vixens.Lint.Rules;

/// <summary>
/// The one list of rules and descriptors. Descriptors reported by the pipeline itself (input, build, schema) are listed
/// too, so <c>vixens-lint rules</c>, <c>explain</c> and SARIF's rule metadata cover every ID that can appear.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, DiagnosticDescriptor> _byId;

    public RuleCatalog(IEnumerable<Rule> rules, IEnumerable<DiagnosticDescriptor> pipelineDescriptors)
    {
        Rules = rules.ToList();
        var all = pipelineDescriptors.Concat(Rules.SelectMany(r => r.SupportedDiagnostics)).ToList();
        var duplicate = all.GroupBy(d => d.Id).FirstOrDefault(g => g.Select(d => d).Distinct().Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Rule id {duplicate.Key} is declared more than once.");
        }

        _byId = all.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Descriptors = _byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The built-in catalog: pipeline descriptors plus every C# rule that ships in the library.</summary>
    public static RuleCatalog Default { get; } = new(BuiltInRules.All, PipelineDescriptors.All);

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    public DiagnosticDescriptor? Find(string id) => _byId.GetValueOrDefault(id);
}
