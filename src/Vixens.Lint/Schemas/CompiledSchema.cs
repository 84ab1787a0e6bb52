using System.Text.Json;
using Json.Schema;
using Vixens.Lint.Schemas.Validation;

namespace Vixens.Lint.Schemas;

/// <summary>
/// A schema ready to evaluate, with the JSON document it was built from (violations are explained by looking up the
/// failing keyword's neighbours: the declared properties, the allowed values). Immutable and shared across threads.
/// </summary>
public sealed class CompiledSchema
{
    private CompiledSchema(SchemaSource source, string origin, JsonSchema? schema, JsonDocument? document, string? problem, bool needsAnnotations = false)
    {
        Fast = document is null ? null : FastSchema.TryCreate(document.RootElement);
        NeedsAnnotations = needsAnnotations;
        Source = source;
        Origin = origin;
        Schema = schema;
        Document = document;
        Problem = problem;
    }

    public SchemaSource Source { get; }

    /// <summary>Human description of where the schema comes from: "Kubernetes 1.34", a file path, a catalog source.</summary>
    public string Origin { get; }

    /// <summary>Null when <see cref="Problem"/> says why the schema cannot be used.</summary>
    public JsonSchema? Schema { get; }

    public JsonDocument? Document { get; }

    public string? Problem { get; }

    /// <summary>The fast pre-check, when the schema stays within its subset (always, for the bundled schemas).</summary>
    public FastSchema? Fast { get; }

    /// <summary>
    /// Whether evaluation must collect annotations (only <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> read
    /// them). Collecting them makes JsonSchema.Net about four times slower, so the bundled schemas never need it.
    /// </summary>
    public bool NeedsAnnotations { get; }

    public static CompiledSchema Compile(SchemaSource source, string origin, byte[] document, Uri id)
    {
        try
        {
            var parsed = JsonDocument.Parse(document);
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.Build(parsed.RootElement, options, id);
            var needsAnnotations = document.AsSpan().IndexOf("\"unevaluated"u8) >= 0;
            return new CompiledSchema(source, origin, schema, parsed, null, needsAnnotations);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a user's schema file or CRD does to the schema library, it is reported, never thrown.
            return Unusable(source, origin, ex.Message);
        }
    }

    public static CompiledSchema Unusable(SchemaSource source, string origin, string problem) => new(source, origin, null, null, problem);
}
