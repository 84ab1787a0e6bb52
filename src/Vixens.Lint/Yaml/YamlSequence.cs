using Vixens.Lint.Diagnostics;
namespace Vixens.Lint.Yaml;

/// <summary>A sequence in source order.</summary>
public sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span, CollectionStyle flow = CollectionStyle.Block)
        : base(span) => Flow = flow;

    public List<YamlNode> Items { get; } = [];

    public CollectionStyle Flow { get; set; }

    public int Count => Items.Count;

    public YamlNode this[int index] => Items[index];

    public override YamlNode DeepClone()
    {
        var clone = new YamlSequence(Span, Flow);
        foreach (var item in Items)
        {
            clone.Items.Add(item.DeepClone());
        }

        return CopyCommonTo(clone);
    }
}
