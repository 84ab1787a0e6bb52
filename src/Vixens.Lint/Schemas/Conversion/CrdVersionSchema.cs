using System.Text.Json.Nodes;

namespace Vixens.Lint.Schemas.Conversion;

/// <summary>The strict schema of one served version of a CustomResourceDefinition.</summary>
public sealed record CrdVersionSchema(
    string Group,
    string Version,
    string Kind,
    JsonObject Schema,
    bool Deprecated,
    string? DeprecationWarning)
{
    public string ApiVersion => Group + "/" + Version;
}
