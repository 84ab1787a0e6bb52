using Vixens.Lint.Foundation;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Loads a chart from a directory or a <c>.tgz</c> archive as Helm's <c>loader.Load</c> does: Chart.yaml (v1 and v2;
/// a missing apiVersion means v1), requirements.yaml for v1 charts, values.yaml, values.schema.json, templates,
/// subcharts in <c>charts/</c> (folders or archives, recursively), and every other file for <c>.Files</c>.
/// Everything read is bounded by <see cref="ChartLoadLimits"/>; errors carry Helm's messages.
/// </summary>
public static class ChartLoader
{
    /// <summary>Loads the chart at <paramref name="path"/> (a directory or an archive file).</summary>
    public static Chart Load(string path, ChartLoadLimits? limits = null)
    {
        var budget = new ChartLoadBudget(limits ?? ChartLoadLimits.Default);
        if (Directory.Exists(path))
        {
            return LoadFiles(ChartDirectoryReader.Read(path, budget), budget, depth: 0);
        }

        if (!File.Exists(path))
        {
            throw new HelmException($"path \"{path}\" not found", HelmErrorKind.Chart, path);
        }

        var length = new FileInfo(path).Length;
        if (length > budget.Limits.MaxTotalBytes)
        {
            throw new HelmException($"file '{path}' is larger than {budget.Limits.MaxTotalBytes} bytes, the limit for a chart", HelmErrorKind.Chart, path);
        }

        var archive = File.ReadAllBytes(path);
        ChartArchiveReader.EnsureGzip(path, archive.AsSpan(0, Math.Min(512, archive.Length)));
        try
        {
            return LoadFiles(ChartArchiveReader.Read(archive, budget), budget, depth: 0);
        }
        catch (HelmException e) when (e.Message == "gzip: invalid header")
        {
            throw new HelmException($"file '{path}' does not appear to be a valid chart file (details: {e.Message})", HelmErrorKind.Chart, path);
        }
    }

    /// <summary>Builds a chart from in-memory files (names relative to the chart root).</summary>
    public static Chart LoadFiles(IReadOnlyList<ChartFile> files, ChartLoadLimits? limits = null) =>
        LoadFiles(files, new ChartLoadBudget(limits ?? ChartLoadLimits.Default), depth: 0);

    private static Chart LoadFiles(IReadOnlyList<ChartFile> files, ChartLoadBudget budget, int depth)
    {
        if (depth > budget.Limits.MaxChartDepth)
        {
            throw new HelmException($"subcharts are nested more than {budget.Limits.MaxChartDepth} levels deep");
        }

        ChartMetadata? metadata = null;
        foreach (var file in files.Where(f => f.Name == "Chart.yaml"))
        {
            metadata ??= new ChartMetadata();
            Decode(file, "Chart.yaml", map => ChartMetadataReader.Fill(metadata, map));
            if (metadata.APIVersion.Length == 0)
            {
                metadata.APIVersion = "v1";
            }
        }

        Dictionary<string, object?>? lockMap = null;
        var values = ValueMaps.NewMap();
        byte[]? schema = null;
        var templates = new List<ChartFile>();
        var otherFiles = new List<ChartFile>();
        var subchartFiles = new Dictionary<string, List<ChartFile>>(StringComparer.Ordinal);
        var subchartOrder = new List<string>();
        foreach (var file in files)
        {
            switch (file.Name)
            {
                case "Chart.yaml":
                    continue;
                case "Chart.lock":
                    Decode(file, "Chart.lock", map => lockMap = map);
                    continue;
                case "values.yaml":
                    Decode(file, "values.yaml", map => values = map);
                    continue;
                case "values.schema.json":
                    schema = file.Data;
                    continue;
                case "requirements.yaml":
                    metadata ??= new ChartMetadata();
                    Decode(file, "requirements.yaml", map => ChartMetadataReader.Fill(metadata, map));
                    if (metadata.APIVersion == "v1")
                    {
                        otherFiles.Add(file);
                    }

                    continue;
                case "requirements.lock":
                    Decode(file, "requirements.lock", map => lockMap = map);
                    metadata ??= new ChartMetadata();
                    if (metadata.APIVersion == "v1")
                    {
                        otherFiles.Add(file);
                    }

                    continue;
            }

            if (file.Name.StartsWith("templates/", StringComparison.Ordinal))
            {
                templates.Add(file);
            }
            else if (file.Name.StartsWith("charts/", StringComparison.Ordinal))
            {
                if (GoPath.Ext(file.Name) == ".prov")
                {
                    otherFiles.Add(file);
                    continue;
                }

                var rest = file.Name["charts/".Length..];
                var slash = rest.IndexOf('/');
                var subchart = slash < 0 ? rest : rest[..slash];
                if (!subchartFiles.TryGetValue(subchart, out var list))
                {
                    subchartFiles[subchart] = list = [];
                    subchartOrder.Add(subchart);
                }

                list.Add(file with { Name = rest });
            }
            else
            {
                otherFiles.Add(file);
            }
        }

        if (metadata is null)
        {
            throw new HelmException("Chart.yaml file is missing");
        }

        ChartValidator.Validate(metadata);
        var chart = new Chart(metadata)
        {
            Lock = lockMap,
            Values = values,
            Schema = schema,
            Templates = templates,
            Files = otherFiles,
        };

        // Helm walks a Go map here (random order); names keep ours deterministic.
        subchartOrder.Sort(StringComparer.Ordinal);
        foreach (var name in subchartOrder)
        {
            if (name.IndexOfAny(['_', '.']) == 0)
            {
                continue;
            }

            var subFiles = subchartFiles[name];
            try
            {
                Chart sub;
                if (GoPath.Ext(name) == ".tgz")
                {
                    if (subFiles[0].Name != name)
                    {
                        throw new HelmException($"error unpacking subchart tar in {chart.Name}: expected {name}, got {subFiles[0].Name}");
                    }

                    sub = LoadFiles(ChartArchiveReader.Read(subFiles[0].Data, budget), budget, depth + 1);
                }
                else
                {
                    var inner = subFiles.Where(f => f.Name.Contains('/')).Select(f => f with { Name = f.Name[(f.Name.IndexOf('/') + 1)..] }).ToList();
                    sub = LoadFiles(inner, budget, depth + 1);
                }

                chart.AddDependency(sub);
            }
            catch (HelmException e) when (!e.Message.StartsWith("error unpacking subchart tar", StringComparison.Ordinal))
            {
                throw new HelmException($"error unpacking subchart {name} in {chart.Name}: {e.Message}", e.Kind, e.File, e.Line, e.Column);
            }
        }

        return chart;
    }

    private static void Decode(ChartFile file, string what, Action<Dictionary<string, object?>> use)
    {
        try
        {
            use(HelmYaml.ReadMap(file.Text));
        }
        catch (HelmYamlException e)
        {
            throw new HelmException($"cannot load {what}: {e.Message}", HelmErrorKind.Chart, file.Name);
        }
    }
}
