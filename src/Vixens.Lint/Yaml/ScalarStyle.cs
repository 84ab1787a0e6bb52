namespace Vixens.Lint.Yaml;

/// <summary>How a scalar was written; needed to tell <c>"1"</c> (a string) from <c>1</c> (an integer).</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>The type a scalar resolves to under the YAML 1.2 core schema (what go-yaml v3 and kustomize use).</summary>
public enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
