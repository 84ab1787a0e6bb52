using System.Text.RegularExpressions;
using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>Legacy <c>vars</c>: collected through the build, resolved once at the end in the varReference fields.</summary>
internal static partial class VarsTransformer
{
    public static void MergeVars(Kustomization k, ResAccumulator ra)
    {
        if (k["vars"] is not YamlSequence vars)
        {
            return;
        }

        foreach (var v in vars.Items.OfType<YamlMapping>())
        {
            var objref = v.GetMapping("objref");
            var gvk = Gvk.FromApiVersion(objref?.GetString("apiVersion"), objref?.GetString("kind"));
            if (objref?.GetString("group") is { } group)
            {
                gvk = gvk with { Group = group };
            }

            if (objref?.GetString("version") is { } version)
            {
                gvk = gvk with { Version = version };
            }

            var definition = new VarDefinition(
                v.GetString("name") ?? string.Empty,
                gvk,
                objref?.GetString("name") ?? string.Empty,
                objref?.GetString("namespace") ?? string.Empty,
                v.GetMapping("fieldref")?.GetString("fieldpath") ?? "metadata.name",
                v.Span);

            // The var is bound now, among the objects this kustomization sees; the value is read at the very end.
            var matches = ra.Resources.Items.Where(r => r.AllIds.Any(id => Selects(definition, id))).ToList();
            if (matches.Count > 1)
            {
                throw new KustomizeException(KustomizeDescriptors.ReplacementError, v.Span,
                    $"found {matches.Count} resId matches for var {definition.Name} (unable to disambiguate)");
            }

            if (matches.Count == 1)
            {
                matches[0].RefVarNames.Add(definition.Name);
            }

            ra.AddVar(definition);
        }
    }

    private static bool Selects(VarDefinition v, ResId id) =>
        id.Gvk.IsSelectedBy(v.ObjGvk) && id.Name == v.ObjName && (v.ObjNamespace.Length == 0 || id.Namespace == v.ObjNamespace);

    public static void Resolve(ResAccumulator ra)
    {
        if (ra.Vars.Count == 0)
        {
            return;
        }

        var values = new Dictionary<string, (YamlScalar Value, VarDefinition Var)>(StringComparer.Ordinal);
        foreach (var v in ra.Vars)
        {
            var matches = ra.Resources.Items.Where(r => r.RefVarNames.Contains(v.Name)).ToList();
            if (matches.Count == 0)
            {
                throw new KustomizeException(KustomizeDescriptors.ReplacementError, v.Span,
                    $"var '{v.Name}' cannot be mapped to a field in the set of known resources");
            }

            var path = FieldPath.Split(Regex.Replace(v.FieldPath, @"\[(\d+)\]", ".$1", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            var found = FieldPath.Find(matches[0].Root, path);
            if (found.Count == 0 || found[0] is not YamlScalar scalar)
            {
                throw new KustomizeException(KustomizeDescriptors.ReplacementError, v.Span,
                    $"field specified in var '{v.Name}' not found in corresponding resource");
            }

            values[v.Name] = (scalar, v);
        }

        foreach (var r in ra.Resources.Items)
        {
            foreach (var spec in ra.Config.VarReference)
            {
                if (!spec.Selects(r.Gvk))
                {
                    continue;
                }

                FieldWalker.Walk(r.Root, spec, (parent, key, value) =>
                {
                    Replace(value, values);
                    DropBlockStyle(value);
                }, createLeaf: false, r.Root.Span);
            }
        }
    }

    /// <summary>
    /// kustomize rewrites every string it visits at a var reference (the field itself, or the direct values of a map or
    /// list there), replaced or not, and resets its style; a folded scalar then no longer goes through go-yaml's folded
    /// writer on output (see FoldedScalars).
    /// </summary>
    private static void DropBlockStyle(YamlNode? node)
    {
        IEnumerable<YamlNode> strings = node switch
        {
            YamlScalar scalar => [scalar],
            YamlMapping map => map.Entries.Select(e => e.Value),
            YamlSequence seq => seq.Items,
            _ => [],
        };
        foreach (var s in strings.OfType<YamlScalar>().Where(s => s.Style == ScalarStyle.Folded && s.Kind == ScalarKind.String))
        {
            s.Style = ScalarStyle.DoubleQuoted;
        }
    }

    private static void Replace(YamlNode? node, Dictionary<string, (YamlScalar Value, VarDefinition Var)> values)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.String } s when s.Value.Contains("$(", StringComparison.Ordinal):
                var whole = VarPattern().Match(s.Value);
                if (whole.Success && whole.Length == s.Value.Length && !whole.Value.StartsWith("$$", StringComparison.Ordinal)
                    && values.TryGetValue(whole.Groups[1].Value, out var single))
                {
                    // "$(VAR)" alone takes the var's value with its type (a number stays a number).
                    s.Value = single.Value.Value;
                    s.Style = single.Value.Style;
                    s.Tag = single.Value.Tag;
                    s.Provenance = new Provenance(ProvenanceKind.Transformer, single.Var.Span, "vars");
                    break;
                }

                var replaced = VarPattern().Replace(s.Value, m =>
                {
                    if (m.Value.StartsWith("$$", StringComparison.Ordinal))
                    {
                        return m.Value[1..];
                    }

                    return values.TryGetValue(m.Groups[1].Value, out var v) ? v.Value.Value : m.Value;
                });
                if (!string.Equals(replaced, s.Value, StringComparison.Ordinal))
                {
                    var varSpan = values.Values.First().Var.Span;
                    s.Provenance = new Provenance(ProvenanceKind.Transformer, varSpan, "vars");
                    s.Value = replaced;
                    s.Style = ScalarStyle.DoubleQuoted;
                }

                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    Replace(item, values);
                }

                break;
            case YamlMapping map:
                foreach (var e in map.Entries)
                {
                    Replace(e.Value, values);
                }

                break;
        }
    }

    [GeneratedRegex(@"\$?\$\(([A-Za-z0-9_.\-]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex VarPattern();
}
