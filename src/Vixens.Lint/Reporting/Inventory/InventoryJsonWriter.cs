using System.Text.Json;
using Vixens.Lint.GitOps;

namespace Vixens.Lint.Reporting.Inventory;

/// <summary>The <c>apps --format json</c> listing (schema in docs/apps.md): deterministic, repository-relative, no timestamps.</summary>
public static class InventoryJsonWriter
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ApplicationInventory inventory, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("tool", "vixens-lint");
            json.WriteStartArray("environments");
            foreach (var environment in inventory.Environments)
            {
                WriteEnvironment(json, environment);
            }

            json.WriteEndArray();
            WriteStrings(json, "orphansWithoutEnvironment", inventory.OrphansWithoutEnvironment);
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
        output.Write('\n');
    }

    private static void WriteEnvironment(Utf8JsonWriter json, InventoryEnvironment environment)
    {
        json.WriteStartObject();
        json.WriteString("name", environment.Name);
        json.WriteString("root", environment.Root);
        json.WriteStartObject("counts");
        json.WriteNumber("applications", environment.Applications.Count);
        json.WriteNumber("unrenderedSources", environment.Unrendered.Count);
        json.WriteNumber("unlistedApplications", environment.UnlistedApplications.Count);
        json.WriteNumber("orphanedOverlays", environment.OrphanedOverlays.Count);
        json.WriteEndObject();
        json.WriteStartArray("applications");
        foreach (var application in environment.Applications)
        {
            json.WriteStartObject();
            json.WriteString("name", application.Name);
            json.WriteString("file", application.File);
            json.WriteNumber("line", application.Line);
            WriteOptional(json, "project", application.Project);
            WriteOptional(json, "namespace", application.Namespace);
            WriteOptional(json, "syncWave", application.SyncWave);
            json.WriteNumber("resources", application.ResourceCount);
            WriteSources(json, application.Sources);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unrendered");
        foreach (var (application, source) in environment.Unrendered)
        {
            json.WriteStartObject();
            json.WriteString("application", application);
            WriteSourceFields(json, source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unlistedApplications");
        foreach (var unlisted in environment.UnlistedApplications)
        {
            json.WriteStartObject();
            json.WriteString("name", unlisted.Name);
            json.WriteString("file", unlisted.File);
            json.WriteNumber("line", unlisted.Line);
            WriteSources(json, unlisted.Sources);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "orphanedOverlays", environment.OrphanedOverlays);
        json.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter json, IReadOnlyList<InventorySource> sources)
    {
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            WriteSourceFields(json, source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteSourceFields(Utf8JsonWriter json, InventorySource source)
    {
        json.WriteString("kind", source.Kind);
        WriteOptional(json, "repoURL", source.RepoUrl);
        WriteOptional(json, "path", source.Path);
        WriteOptional(json, "chart", source.Chart);
        WriteOptional(json, "targetRevision", source.Version);
        json.WriteString("state", InventoryTextWriter.StateText(source.State));
        json.WriteString("reason", source.Reason);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
