using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// <c>templatePatch</c>: the patch text rendered with the parameter set (in the ApplicationSet's template mode), read
/// as JSON when it starts with <c>{</c> and as YAML otherwise, and applied as a strategic merge patch on the
/// Application. The Application type declares no list merge keys, so the patch merges objects key by key, deletes a
/// key set to null, replaces lists whole, and honours <c>$patch: replace|delete</c> and <c>$retainKeys</c>.
/// <c>spec.project</c> cannot be changed by a patch (ArgoCD restores it).
/// </summary>
internal sealed class TemplatePatcher
{
    private readonly YamlScalar _patch;
    private readonly string? _sourceText;

    public TemplatePatcher(YamlScalar patch, string? sourceText)
    {
        _patch = patch;
        _sourceText = sourceText;
    }

    public void Apply(YamlMapping application, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings)
    {
        string text;
        try
        {
            text = strings.Replace(_patch.Value, parameters);
        }
        catch (TemplateException ex)
        {
            throw new TemplateException("error replacing values in templatePatch: " + ex.Message, _patch.Span);
        }

        var file = YamlLoader.Parse(_patch.Span.File, text);
        if (file.HasErrors)
        {
            throw new TemplateException("error while converting template to json: " + file.Diagnostics[0].Message + " (in the rendered templatePatch)", _patch.Span);
        }

        var root = (file.Documents.Count > 0 ? file.Documents[0].Root : null);
        if (root is null or YamlScalar { IsNull: true })
        {
            return;
        }

        if (root is not YamlMapping patch)
        {
            throw new TemplateException("invalid templatePatch: json: cannot unmarshal " + ListGenerator.Describe(root) + " into Go value of type v1alpha1.Application", _patch.Span);
        }

        foreach (var field in new[] { "metadata", "spec" })
        {
            if (patch[field] is { } value && value is not (YamlMapping or YamlScalar { IsNull: true }))
            {
                throw new TemplateException($"invalid templatePatch: json: cannot unmarshal {ListGenerator.Describe(value)} into Go struct field Application.{field}", _patch.Span);
            }
        }

        StampPatch(patch, text);
        var project = application.GetPath("spec", "project");
        MergeMapping(application, patch);

        // ArgoCD sets the patched Application's project back to the template's, whatever the patch did to spec.
        var spec = application.GetMapping("spec");
        if (project is null)
        {
            spec?.Remove("project");
        }
        else
        {
            if (spec is null)
            {
                spec = new YamlMapping(project.Span) { Provenance = project.Provenance };
                application.Set("spec", spec);
            }

            spec.Set("project", project);
        }
    }

    private static void MergeMapping(YamlMapping original, YamlMapping patch)
    {
        if (patch.GetString("$retainKeys") is not null || patch.GetSequence("$retainKeys") is { } _)
        {
            var retain = (patch.GetSequence("$retainKeys")?.Items ?? []).OfType<YamlScalar>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
            original.Entries.RemoveAll(e => !retain.Contains(e.Key.Value));
        }

        foreach (var entry in patch.Entries)
        {
            var key = entry.Key.Value;
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (entry.Value is YamlScalar { IsNull: true })
            {
                original.Remove(key);
                continue;
            }

            if (entry.Value is YamlMapping patchMap && patchMap.GetString("$patch") is { } directive)
            {
                switch (directive)
                {
                    case "delete":
                        original.Remove(key);
                        continue;
                    case "replace":
                        Put(original, entry, Clean(patchMap));
                        continue;
                    case "merge":
                        break;
                    default:
                        throw new TemplateException($"error while applying templatePatch: unknown patch type: {directive} in map", entry.Value.Span);
                }
            }

            if (entry.Value is YamlMapping nested && original[key] is YamlMapping target)
            {
                MergeMapping(target, nested);
            }
            else
            {
                Put(original, entry, Clean(entry.Value));
            }
        }
    }

    private static void Put(YamlMapping original, YamlEntry patchEntry, YamlNode value)
    {
        var existing = original.GetEntry(patchEntry.Key.Value);
        if (existing is not null)
        {
            existing.Value = value;
        }
        else
        {
            original.Entries.Add(new YamlEntry(patchEntry.Key, value));
        }
    }

    /// <summary>A patch subtree as added where the original has nothing: directives and null-valued keys dropped.</summary>
    private static YamlNode Clean(YamlNode node)
    {
        if (node is YamlMapping map)
        {
            map.Entries.RemoveAll(e => e.Key.Value.StartsWith('$') || e.Value is YamlScalar { IsNull: true });
            foreach (var entry in map.Entries)
            {
                entry.Value = Clean(entry.Value);
            }
        }
        else if (node is YamlSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                sequence.Items[i] = Clean(sequence.Items[i]);
            }
        }

        return node;
    }

    /// <summary>
    /// Points each patch node at the templatePatch line it comes from. When the rendered patch has as many lines as the
    /// written one (no loop or condition changed the line count), rendered line N is the block's line N; otherwise
    /// every node points at the templatePatch field.
    /// </summary>
    private void StampPatch(YamlMapping patch, string renderedText)
    {
        var firstLine = _patch.Style is ScalarStyle.Literal or ScalarStyle.Folded ? _patch.Span.StartLine + 1 : _patch.Span.StartLine;
        var indent = BlockIndent(firstLine);
        var sameShape = indent is not null && CountLines(renderedText) == CountLines(_patch.Value);
        foreach (var node in patch.DescendantsAndSelf())
        {
            var span = sameShape
                ? new SourceSpan(_patch.Span.File, firstLine + node.Span.StartLine - 1, indent!.Value + node.Span.StartColumn, firstLine + node.Span.EndLine - 1, indent.Value + node.Span.EndColumn)
                : _patch.Span;
            node.Span = span;
            node.Provenance = new Provenance(ProvenanceKind.Patch, span, "spec.templatePatch");
        }
    }

    /// <summary>The indentation of a block scalar's content in the source text, when the text is known.</summary>
    private int? BlockIndent(int firstLine)
    {
        if (_sourceText is null || _patch.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
        {
            return null;
        }

        var lines = _sourceText.Split('\n');
        for (var line = firstLine; line <= lines.Length; line++)
        {
            var text = lines[line - 1].TrimEnd('\r');
            if (text.Trim().Length > 0)
            {
                return text.Length - text.TrimStart(' ').Length;
            }
        }

        return null;
    }

    private static int CountLines(string text) => text.TrimEnd('\n').Split('\n').Length;
}
