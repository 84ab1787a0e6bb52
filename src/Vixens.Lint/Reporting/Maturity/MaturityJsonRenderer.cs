using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>
/// Stable JSON (schema version 1): <c>{ version, checkCount, distribution[], applications[], notAssessed[] }</c>; fields
/// are only ever added within a version (<c>deployedByArgoCD</c>, <c>notAssessed</c> were).
/// </summary>
public static class MaturityJsonRenderer
{
    public static void Write(MaturityReport report, TextWriter writer) => writer.Write(Render(report));

    public static string Render(MaturityReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteNumber("checkCount", report.CheckCount);
            json.WriteStartArray("distribution");
            foreach (var (tier, count) in report.Distribution)
            {
                json.WriteStartObject();
                json.WriteString("tier", TierText.Name(tier).ToLowerInvariant());
                json.WriteNumber("applications", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("applications");
            foreach (var app in report.Applications)
            {
                json.WriteStartObject();
                json.WriteString("application", app.Application);
                WriteNullable(json, "environment", app.Environment);
                WriteNullable(json, "category", app.Category);
                json.WriteString("origin", app.Origin);
                json.WriteString("tier", TierText.Name(app.Tier).ToLowerInvariant());
                WriteNullable(json, "nextTier", app.NextTier?.ToString().ToLowerInvariant());
                json.WriteNumber("resources", app.ResourceCount);
                json.WriteNumber("workloads", app.WorkloadCount);
                if (app.DeployedByArgoCD is { } deployed)
                {
                    json.WriteBoolean("deployedByArgoCD", deployed);
                }
                else
                {
                    json.WriteNull("deployedByArgoCD");
                }

                json.WriteStartObject("failuresByTier");
                foreach (var (tier, count) in app.FailuresByTier)
                {
                    json.WriteNumber(tier.ToString().ToLowerInvariant(), count);
                }

                json.WriteEndObject();
                json.WriteStartArray("blocking");
                foreach (var finding in app.Blocking)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    json.WriteString("title", finding.Title);
                    json.WriteString("tier", finding.Tier.ToString().ToLowerInvariant());
                    json.WriteString("message", finding.Message);
                    json.WriteString("file", finding.File);
                    json.WriteNumber("line", finding.Line);
                    json.WriteNumber("column", finding.Column);
                    WriteNullable(json, "resource", finding.Resource);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notAssessed");
            foreach (var app in report.NotAssessed)
            {
                json.WriteStartObject();
                json.WriteString("application", app.Application);
                json.WriteString("environment", app.Environment);
                json.WriteString("origin", app.Origin);
                json.WriteString("reason", app.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
