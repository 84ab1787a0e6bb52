using System.CommandLine;
using Vixens.Lint.Helm;
using Vixens.Lint.Helm.Objects;
using Vixens.Lint.Helm.Values;
using Vixens.Lint.Reporting;

namespace Vixens.Lint.Cli.Commands;

/// <summary>
/// <c>vixens-lint helm template [NAME] CHART [flags]</c>: what <c>helm template</c> v3.17.2 prints for the same
/// arguments, offline. A chart, values or template error is a located VX02xx diagnostic on stderr and exit 1.
/// </summary>
internal static class HelmCommand
{
    public static Command Create()
    {
        var helm = new Command("helm", "Helm, offline: render charts like helm v3.17.2.");
        helm.Subcommands.Add(CreateTemplate());
        return helm;
    }

    private static Command CreateTemplate()
    {
        var args = new Argument<string[]>("args") { Description = "[NAME] CHART: the release name and the chart (a directory or a .tgz).", Arity = new ArgumentArity(1, 2) };
        var ns = new Option<string>("--namespace", "-n") { Description = "Namespace of the release (.Release.Namespace).", DefaultValueFactory = _ => "default" };
        var values = new Option<string[]>("--values", "-f") { Description = "Values file (repeatable; comma-separated lists too).", AllowMultipleArgumentsPerToken = false };
        var set = new Option<string[]>("--set") { Description = "Set values (a.b=c,d=e)." };
        var setString = new Option<string[]>("--set-string") { Description = "Set string values." };
        var setJson = new Option<string[]>("--set-json") { Description = "Set JSON values (a={\"b\":1})." };
        var setFile = new Option<string[]>("--set-file") { Description = "Set values from files (a=path)." };
        var kubeVersion = new Option<string?>("--kube-version") { Description = "Kubernetes version for .Capabilities.KubeVersion (default v1.32.0)." };
        var apiVersions = new Option<string[]>("--api-versions", "-a") { Description = "Extra API versions for .Capabilities.APIVersions (repeatable; comma-separated lists too)." };
        var includeCrds = new Option<bool>("--include-crds") { Description = "Print the crds/ files first." };
        var skipCrds = new Option<bool>("--skip-crds") { Description = "Do not install CRDs (no effect on the printed output, as in helm template)." };
        var skipTests = new Option<bool>("--skip-tests") { Description = "Leave test hooks out." };
        var noHooks = new Option<bool>("--no-hooks") { Description = "Leave every hook out." };
        var isUpgrade = new Option<bool>("--is-upgrade") { Description = "Set .Release.IsUpgrade instead of .Release.IsInstall." };
        var skipSchema = new Option<bool>("--skip-schema-validation") { Description = "Do not validate values against values.schema.json." };
        var showOnly = new Option<string[]>("--show-only", "-s") { Description = "Only print manifests of these templates (repeatable)." };
        var nameTemplate = new Option<string?>("--name-template") { Description = "Release name (a literal name; templates are not evaluated)." };

        var command = new Command("template", "Render a chart offline and print it like 'helm template' (exit 1 on a chart or template error).")
        {
            args, ns, values, set, setString, setJson, setFile, kubeVersion, apiVersions, includeCrds, skipCrds, skipTests, noHooks,
            isUpgrade, skipSchema, showOnly, nameTemplate,
        };
        command.SetAction(parseResult =>
        {
            var positional = parseResult.GetValue(args) ?? [];
            var template = parseResult.GetValue(nameTemplate);
            if (template is not null && positional.Length > 1)
            {
                Console.Error.WriteLine("error: cannot set --name-template and also specify a name");
                return ExitCodes.UsageOrConfiguration;
            }

            var (name, chart) = positional.Length == 2 ? (positional[0], positional[1]) : (template ?? "release-name", positional[0]);
            var cwd = Directory.GetCurrentDirectory();
            HelmCapabilities capabilities;
            try
            {
                var kube = parseResult.GetValue(kubeVersion);
                capabilities = new HelmCapabilities
                {
                    KubeVersion = string.IsNullOrEmpty(kube) ? HelmCapabilities.DefaultKubeVersion : HelmCapabilities.ParseKubeVersion(kube),
                    ExtraApiVersions = SplitCommas(parseResult.GetValue(apiVersions)),
                };
            }
            catch (HelmException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageOrConfiguration;
            }

            var options = new HelmTemplateOptions
            {
                ReleaseName = name,
                ChartPath = chart,
                Namespace = parseResult.GetValue(ns) ?? "default",
                WorkingDirectory = cwd,
                Values = new UserValues
                {
                    ValueFiles = SplitCommas(parseResult.GetValue(values)),
                    Set = parseResult.GetValue(set) ?? [],
                    SetString = parseResult.GetValue(setString) ?? [],
                    SetJson = parseResult.GetValue(setJson) ?? [],
                    SetFile = parseResult.GetValue(setFile) ?? [],
                },
                Capabilities = capabilities,
                IncludeCrds = parseResult.GetValue(includeCrds),
                SkipTests = parseResult.GetValue(skipTests),
                NoHooks = parseResult.GetValue(noHooks),
                IsUpgrade = parseResult.GetValue(isUpgrade),
                SkipSchemaValidation = parseResult.GetValue(skipSchema),
                ShowOnly = parseResult.GetValue(showOnly) ?? [],
            };

            var result = new HelmTemplateRunner().Run(options);
            if (result.Error is { } error)
            {
                Console.Error.WriteLine(TextReportWriter.FormatLine(HelmDiagnostics.ToDiagnostic(error, chart, cwd), cwd));
                return ExitCodes.Findings;
            }

            Console.Out.Write(result.Output);
            Console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Helm's string-slice flags (<c>--values</c>, <c>--api-versions</c>) also split on commas.</summary>
    private static string[] SplitCommas(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Where(v => v.Length > 0).ToArray();
}
