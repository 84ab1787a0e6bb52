using System.Text.Json;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Reporting;

/// <summary>
/// The stable JSON format (documented in docs/json-output.md, schema version 1): repository-relative paths, no
/// timestamps or machine paths, so the same input gives byte-identical output.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(LintResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("tool", "vixens-lint");
            json.WriteString("version", ToolVersion.Current);
            WriteSummary(json, result);
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in result.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
        output.Write('\n');
    }

    private static void WriteSummary(Utf8JsonWriter json, LintResult result)
    {
        var active = result.Active.ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("files", result.FileCount);
        json.WriteNumber("resources", result.ResourceCount);
        json.WriteNumber("errors", active.Count(d => d.Severity == Severity.Error));
        json.WriteNumber("warnings", active.Count(d => d.Severity == Severity.Warning));
        json.WriteNumber("notes", active.Count(d => d.Severity == Severity.Note));
        json.WriteNumber("suppressed", result.Diagnostics.Count(d => d.IsSuppressed));
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic, LintResult result)
    {
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("name", diagnostic.Descriptor.Name);
        json.WriteString("severity", diagnostic.Severity.ToText());
        json.WriteString("category", diagnostic.Descriptor.Category);
        if (diagnostic.Descriptor.Tier is { } tier)
        {
            json.WriteString("tier", tier.ToString());
        }

        json.WriteString("message", diagnostic.Message);
        json.WriteStartObject("location");
        json.WriteString("file", result.RelativePath(diagnostic.Location.File));
        json.WriteNumber("line", diagnostic.Location.StartLine);
        json.WriteNumber("column", diagnostic.Location.StartColumn);
        json.WriteNumber("endLine", diagnostic.Location.EndLine);
        json.WriteNumber("endColumn", diagnostic.Location.EndColumn);
        json.WriteEndObject();
        if (diagnostic.RelatedLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            foreach (var related in diagnostic.RelatedLocations)
            {
                json.WriteStartObject();
                json.WriteString("file", result.RelativePath(related.File));
                json.WriteNumber("line", related.StartLine);
                json.WriteNumber("column", related.StartColumn);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (diagnostic.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var (key, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.Kind);
            if (suppression.Justification is { } justification)
            {
                json.WriteString("justification", justification);
            }

            json.WriteEndObject();
        }

        json.WriteString("helpUri", diagnostic.Descriptor.HelpUri);
        json.WriteEndObject();
    }
}
