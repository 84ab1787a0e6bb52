using System.Reflection;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Config;

/// <summary>
/// The field specs every built-in transformer uses: kustomize's defaults, extended by <c>configurations:</c> files and
/// <c>crds:</c>. Immutable once built; merging returns a new instance so cached bases stay untouched.
/// </summary>
internal sealed class TransformerConfig
{
    private static readonly Lazy<TransformerConfig> DefaultConfig = new(LoadDefault);

    public List<FieldSpec> NamePrefix { get; private init; } = [];
    public List<FieldSpec> NameSuffix { get; private init; } = [];
    public List<FieldSpec> Namespace { get; private init; } = [];
    public List<FieldSpec> CommonLabels { get; private init; } = [];
    public List<FieldSpec> TemplateLabels { get; private init; } = [];
    public List<FieldSpec> Labels { get; private init; } = [];
    public List<FieldSpec> CommonAnnotations { get; private init; } = [];
    public List<FieldSpec> VarReference { get; private init; } = [];
    public List<FieldSpec> Images { get; private init; } = [];
    public List<FieldSpec> Replicas { get; private init; } = [];
    public List<NameBackReference> NameReference { get; private init; } = [];

    public static TransformerConfig Default => DefaultConfig.Value;

    public static TransformerConfig Empty { get; } = new();

    public static TransformerConfig Parse(YamlMapping map) => new()
    {
        NamePrefix = FieldSpec.ParseList(map["namePrefix"]),
        NameSuffix = FieldSpec.ParseList(map["nameSuffix"]),
        Namespace = FieldSpec.ParseList(map["namespace"]),
        CommonLabels = FieldSpec.ParseList(map["commonLabels"]),
        TemplateLabels = FieldSpec.ParseList(map["templateLabels"]),
        Labels = FieldSpec.ParseList(map["labels"]),
        CommonAnnotations = FieldSpec.ParseList(map["commonAnnotations"]),
        VarReference = FieldSpec.ParseList(map["varReference"]),
        Images = FieldSpec.ParseList(map["images"]),
        Replicas = FieldSpec.ParseList(map["replicas"]),
        NameReference = ParseNameReferences(map["nameReference"]),
    };

    public TransformerConfig Merge(TransformerConfig other) => new()
    {
        NamePrefix = FieldSpecList.Merge(NamePrefix, other.NamePrefix),
        NameSuffix = FieldSpecList.Merge(NameSuffix, other.NameSuffix),
        Namespace = FieldSpecList.Merge(Namespace, other.Namespace),
        CommonLabels = FieldSpecList.Merge(CommonLabels, other.CommonLabels),
        TemplateLabels = FieldSpecList.Merge(TemplateLabels, other.TemplateLabels),
        Labels = FieldSpecList.Merge(Labels, other.Labels),
        CommonAnnotations = FieldSpecList.Merge(CommonAnnotations, other.CommonAnnotations),
        VarReference = FieldSpecList.Merge(VarReference, other.VarReference),
        Images = FieldSpecList.Merge(Images, other.Images),
        Replicas = FieldSpecList.Merge(Replicas, other.Replicas),
        NameReference = MergeNameReferences(NameReference, other.NameReference),
    };

    /// <summary>This configuration plus field specs derived from CRD schemas.</summary>
    public TransformerConfig WithExtra(List<NameBackReference> nameReferences, List<FieldSpec> annotations, List<FieldSpec> labels, List<FieldSpec> prefix) => Merge(new TransformerConfig
    {
        NameReference = MergeNameReferences([], nameReferences),
        CommonAnnotations = annotations,
        CommonLabels = labels,
        NamePrefix = prefix,
    });

    private static List<NameBackReference> MergeNameReferences(List<NameBackReference> a, List<NameBackReference> b)
    {
        var result = a.Select(r => r with { Referrers = [.. r.Referrers] }).ToList();
        foreach (var extra in b)
        {
            var index = result.FindIndex(r => r.Target == extra.Target);
            if (index >= 0)
            {
                result[index] = result[index] with { Referrers = FieldSpecList.Merge(result[index].Referrers, extra.Referrers) };
            }
            else
            {
                result.Add(extra);
            }
        }

        return result;
    }

    private static List<NameBackReference> ParseNameReferences(YamlNode? node)
    {
        var result = new List<NameBackReference>();
        if (node is not YamlSequence seq)
        {
            return result;
        }

        foreach (var item in seq.Items.OfType<YamlMapping>())
        {
            var target = new Gvk(item.GetString("group") ?? string.Empty, item.GetString("version") ?? string.Empty, item.GetString("kind") ?? string.Empty);
            var referrers = FieldSpec.ParseList(item["fieldSpecs"]);
            var index = result.FindIndex(r => r.Target == target);
            if (index >= 0)
            {
                result[index] = result[index] with { Referrers = FieldSpecList.Merge(result[index].Referrers, referrers) };
            }
            else
            {
                result.Add(new NameBackReference(target, referrers));
            }
        }

        return result;
    }

    private static TransformerConfig LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vixens.Lint.Kustomize.DefaultFieldSpecs.yaml")
            ?? throw new InvalidOperationException("Embedded default field specs are missing.");
        using var reader = new StreamReader(stream);
        var file = YamlLoader.Parse("<kustomize defaults>", reader.ReadToEnd());
        return Parse((YamlMapping)file.Documents[0].Root!);
    }
}
