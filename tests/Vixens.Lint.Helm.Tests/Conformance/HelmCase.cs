using System.Text.Json;
using Vixens.Lint.Helm;
using Vixens.Lint.Helm.Objects;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Tests.Conformance;

/// <summary>One case of shared/conformance/helm: its meta.json and expected stdout or stderr.</summary>
public sealed class HelmCase
{
    private HelmCase(string directory, JsonElement meta)
    {
        Directory = directory;
        Name = Path.GetFileName(directory);
        Meta = meta;
    }

    public string Name { get; }

    public string Directory { get; }

    public JsonElement Meta { get; }

    public string Family => Meta.GetProperty("family").GetString()!;

    public bool ExpectsError => Meta.GetProperty("expect").GetString() == "error";

    /// <summary>False when Helm's error text changes from run to run (Go map order).</summary>
    public bool ErrorTextStable => !Meta.TryGetProperty("error_text_stable", out var stable) || stable.ValueKind != JsonValueKind.False;

    public string ExpectedOutput => File.ReadAllText(Path.Combine(Directory, "expected.yaml"));

    public string ExpectedError => File.ReadAllText(Path.Combine(Directory, "expected-error.txt"));

    /// <summary>The exact argv after <c>helm</c> (starts with <c>template</c>).</summary>
    public IReadOnlyList<string> CommandArguments => Meta.GetProperty("command").EnumerateArray().Skip(1).Select(e => e.GetString()!).ToList();

    public override string ToString() => Name;

    public static HelmCase Load(string directory) =>
        new(directory, JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "meta.json"))).RootElement.Clone());

    /// <summary>Every public case, by name.</summary>
    public static IReadOnlyList<HelmCase> All() => AllCases.Value;

    private static readonly Lazy<IReadOnlyList<HelmCase>> AllCases = new(() =>
        System.IO.Directory.GetDirectories(SharedPaths.HelmCases)
            .Where(d => File.Exists(Path.Combine(d, "meta.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(Load)
            .ToList());

    /// <summary>The library request for this case, built from meta.json's fields (not from the command line).</summary>
    public HelmTemplateOptions ToOptions()
    {
        var extra = Strings("extra_args");
        string? Extra(string flag) => extra.IndexOf(flag) is var i and >= 0 && i + 1 < extra.Count ? extra[i + 1] : null;
        var showOnly = new List<string>();
        for (var i = 0; i < extra.Count - 1; i++)
        {
            if (extra[i] == "--show-only")
            {
                showOnly.Add(extra[i + 1]);
            }
        }

        var kube = Meta.GetProperty("kube_version").GetString();
        return new HelmTemplateOptions
        {
            ReleaseName = Meta.GetProperty("release_name").GetString() ?? "release-name",
            NameTemplate = Extra("--name-template"),
            ChartPath = Meta.GetProperty("chart_dir").GetString()!,
            Namespace = Meta.GetProperty("namespace").GetString() ?? "default",
            WorkingDirectory = Directory,
            Values = new UserValues
            {
                ValueFiles = Strings("values_files"),
                Set = Strings("set"),
                SetString = Strings("set_string"),
                SetJson = Strings("set_json"),
                SetFile = Strings("set_file"),
                SetLiteral = Extra("--set-literal") is { } literal ? [literal] : [],
            },
            Capabilities = new HelmCapabilities
            {
                KubeVersion = kube is null ? HelmCapabilities.DefaultKubeVersion : HelmCapabilities.ParseKubeVersion(kube),
                ExtraApiVersions = Strings("api_versions").SelectMany(v => v.Split(',')).ToList(),
            },
            IncludeCrds = Meta.GetProperty("include_crds").GetBoolean(),
            SkipTests = Meta.GetProperty("skip_tests").GetBoolean(),
            NoHooks = extra.Contains("--no-hooks"),
            IsUpgrade = extra.Contains("--is-upgrade"),
            SkipSchemaValidation = extra.Contains("--skip-schema-validation"),
            ShowOnly = showOnly,
        };
    }

    private List<string> Strings(string property) =>
        Meta.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
}
