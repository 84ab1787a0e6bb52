using System.CommandLine;
using System.Text.Json;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;

namespace Vixens.Lint.Cli.Commands;

/// <summary><c>vixens-lint rules</c>: the catalog, as text, JSON or a Markdown table.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "md");
        var command = new Command("rules", "List every rule with its ID, default severity, tier and title.") { format };
        command.SetAction(parseResult =>
        {
            var descriptors = Rules.Packs.RuleCatalogFactory.AllBuiltIn.Descriptors;
            var output = Console.Out;
            switch (parseResult.GetValue(format))
            {
                case "json":
                    WriteJson(descriptors, output);
                    break;
                case "md":
                    output.Write("| ID | Name | Severity | Tier | Title |\n|---|---|---|---|---|\n");
                    foreach (var d in descriptors)
                    {
                        output.Write($"| [{d.Id}]({d.HelpUri}) | {d.Name} | {d.DefaultSeverity.ToText()} | {d.Tier?.ToString() ?? ""} | {d.Title} |\n");
                    }

                    break;
                default:
                    foreach (var d in descriptors)
                    {
                        output.Write($"{d.Id}  {d.DefaultSeverity.ToText(),-7}  {d.Tier?.ToString() ?? "-",-10}  {d.Title}\n");
                    }

                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<DiagnosticDescriptor> descriptors, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var d in descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("name", d.Name);
                json.WriteString("title", d.Title);
                json.WriteString("category", d.Category);
                json.WriteString("defaultSeverity", d.DefaultSeverity.ToText());
                if (d.Tier is { } tier)
                {
                    json.WriteString("tier", tier.ToString());
                }

                json.WriteString("helpUri", d.HelpUri);
                json.WriteStartArray("tags");
                foreach (var tag in d.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
