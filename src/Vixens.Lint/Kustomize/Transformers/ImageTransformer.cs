using System.Text.RegularExpressions;
using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>One <c>images:</c> entry.</summary>
internal sealed record ImageRule(string Name, string NewName, string NewTag, string Digest, string TagSuffix, SourceSpan Span)
{
    public static ImageRule Parse(YamlMapping map) => new(
        map.GetString("name") ?? string.Empty,
        map.GetString("newName") ?? string.Empty,
        map.GetString("newTag") ?? string.Empty,
        map.GetString("digest") ?? string.Empty,
        map.GetString("tagSuffix") ?? string.Empty,
        map.Span);
}

/// <summary>
/// <c>images:</c>: rewrites container images whose name matches, in every <c>containers</c>/<c>initContainers</c> list
/// of any object (kustomize's legacy walk) and at the configured image field specs.
/// </summary>
internal static class ImageTransformer
{
    public static void Apply(ResourceList resources, Kustomization k, TransformerConfig config, Action? afterEach = null)
    {
        if (k["images"] is not YamlSequence images)
        {
            return;
        }

        foreach (var rule in images.Items.OfType<YamlMapping>().Select(ImageRule.Parse))
        {
            Apply(resources, rule, config.Images, new Provenance(ProvenanceKind.Transformer, rule.Span, "images"));
            afterEach?.Invoke();
        }
    }

    public static void Apply(ResourceList resources, ImageRule rule, List<FieldSpec> specs, Provenance provenance)
    {
        foreach (var r in resources.Items)
        {
            if (r.Kind != "CustomResourceDefinition")
            {
                WalkContainers(r.Root, rule, provenance);
            }

            var gvk = r.Gvk;
            foreach (var spec in specs)
            {
                if (spec.Selects(gvk))
                {
                    // The image filter never creates fields, whatever the spec says.
                    FieldWalker.Walk(r.Root, spec with { Create = false }, (_, _, value) =>
                    {
                        if (value is YamlScalar scalar)
                        {
                            Update(scalar, rule, provenance);
                        }
                    }, createLeaf: false, provenance.Span);
                }
            }
        }
    }

    private static void WalkContainers(YamlNode node, ImageRule rule, Provenance provenance)
    {
        switch (node)
        {
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    WalkContainers(entry.Value, rule, provenance);
                    if (entry.Key.Value is "containers" or "initContainers" && entry.Value is YamlSequence containers)
                    {
                        foreach (var container in containers.Items.OfType<YamlMapping>())
                        {
                            if (container["image"] is YamlScalar image)
                            {
                                Update(image, rule, provenance);
                            }
                        }
                    }
                }

                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    WalkContainers(item, rule, provenance);
                }

                break;
        }
    }

    private static void Update(YamlScalar scalar, ImageRule rule, Provenance provenance)
    {
        var value = scalar.Value;
        if (!IsMatched(value, rule))
        {
            return;
        }

        var (name, tag, digest) = Split(value);
        if (rule.NewName.Length > 0)
        {
            name = rule.NewName;
        }

        if (rule.NewTag.Length > 0 && rule.Digest.Length > 0)
        {
            tag = rule.NewTag;
            digest = rule.Digest;
        }
        else if (rule.NewTag.Length > 0)
        {
            tag = rule.NewTag;
            digest = string.Empty;
        }
        else if (rule.Digest.Length > 0)
        {
            tag = string.Empty;
            digest = rule.Digest;
        }
        else if (rule.TagSuffix.Length > 0)
        {
            tag += rule.TagSuffix;
            digest = string.Empty;
        }

        var result = name + (tag.Length > 0 ? ":" + tag : string.Empty) + (digest.Length > 0 ? "@" + digest : string.Empty);
        ScalarFactory.Rewrite(scalar, result, provenance);
    }

    /// <summary>The rule name is used as a regular expression, as kustomize does (so a dot matches any character).</summary>
    private static bool IsMatched(string image, ImageRule rule)
    {
        var name = rule.Name;
        try
        {
            return Regex.IsMatch(image, "^" + name + @"(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            // kustomize itself crashes on such a name; a build error is the honest equivalent.
            throw new KustomizeException(KustomizeDescriptors.TransformerError, rule.Span, $"images: name '{name}' is not a valid regular expression: {ex.Message}");
        }
    }

    /// <summary>Splits <c>registry:port/name:tag@digest</c>; a colon before the first slash belongs to the registry.</summary>
    public static (string Name, string Tag, string Digest) Split(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var offset = slash > 0 ? slash : 0;
        var search = image[offset..];
        var at = search.IndexOf('@', StringComparison.Ordinal);
        var colon = search.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 && at < 0)
        {
            return (image, string.Empty, string.Empty);
        }

        if (at >= 0 && (at < colon || colon < 0))
        {
            at += offset;
            return (image[..at], string.Empty, image[(at + 1)..]);
        }

        if (at >= 0 && colon >= 0)
        {
            at += offset;
            colon += offset;
            return (image[..colon], image[(colon + 1)..at], image[(at + 1)..]);
        }

        colon += offset;
        return (image[..colon], image[(colon + 1)..], string.Empty);
    }
}
