namespace Vixens.Lint.Yaml;

/// <summary>Block or flow layout of a collection, kept so output can follow the input where it matters.</summary>
public enum CollectionStyle
{
    Block,
    Flow,
}
