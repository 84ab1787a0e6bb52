using System.Globalization;
using System.Text.RegularExpressions;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Helm;

/// <summary>
/// Turns a <see cref="HelmException"/> into a VX02xx diagnostic located on disk: a template name such as
/// <c>mychart/charts/sub/templates/a.yaml:12:3</c> (from the exception or from Helm's message) becomes that file of the
/// chart directory at that line and column; what has no better place sits on the chart (or values file) itself.
/// </summary>
public static partial class HelmDiagnostics
{
    [GeneratedRegex(@"(?:template: |at \(|in \(|error on )(?<name>[^\s():]+)(?::(?<line>\d+))?(?::(?<col>\d+))?")]
    private static partial Regex TemplateLocation();

    [GeneratedRegex(@"yaml: line (?<line>\d+)")]
    private static partial Regex YamlLine();

    /// <summary>The diagnostic for <paramref name="error"/>; <paramref name="chartPath"/> is the chart directory or archive.</summary>
    public static Diagnostic ToDiagnostic(HelmException error, string chartPath, string workingDirectory)
    {
        var chart = Path.GetFullPath(Path.Combine(workingDirectory, chartPath));
        var (file, line, column) = Locate(error, chart, workingDirectory);
        return new Diagnostic(HelmDescriptors.For(error.Kind), SourceSpan.At(file, Math.Max(1, line), Math.Max(1, column)), error.Message);
    }

    private static (string File, int Line, int Column) Locate(HelmException error, string chart, string workingDirectory)
    {
        var name = error.File;
        int line = error.Line, column = error.Column;
        var match = TemplateLocation().Match(error.Message);
        if (name is null && match.Success)
        {
            name = match.Groups["name"].Value;
            line = ParseOr(match.Groups["line"].Value, 0);
            column = ParseOr(match.Groups["col"].Value, 0);
        }

        if (name is null)
        {
            return (chart, 1, 1);
        }

        if (error.Kind == HelmErrorKind.Values)
        {
            var valuesFile = Path.GetFullPath(Path.Combine(workingDirectory, name));
            var yamlLine = YamlLine().Match(error.Message);
            return (File.Exists(valuesFile) ? valuesFile : chart, yamlLine.Success ? ParseOr(yamlLine.Groups["line"].Value, 1) : 1, 1);
        }

        return (OnDisk(chart, name), line, column);
    }

    /// <summary>The file on disk for a chart-relative name or a template name that starts with the chart's name.</summary>
    private static string OnDisk(string chart, string name)
    {
        if (!Directory.Exists(chart))
        {
            return chart;
        }

        var direct = Path.Combine(chart, name);
        if (File.Exists(direct))
        {
            return direct;
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var relative = Path.Combine(chart, name[(slash + 1)..]);
            if (File.Exists(relative))
            {
                return relative;
            }

            // A subchart packed as an archive: point at the archive.
            var parts = name[(slash + 1)..].Split('/');
            for (var i = parts.Length - 1; i > 0; i--)
            {
                if (parts[i - 1] == "charts")
                {
                    var archive = Path.Combine(chart, Path.Combine(parts[..(i - 1)]), "charts");
                    var tgz = Directory.Exists(archive) ? Directory.GetFiles(archive, parts[i] + "*.tgz").FirstOrDefault() : null;
                    if (tgz is not null)
                    {
                        return tgz;
                    }
                }
            }
        }

        return chart;
    }

    private static int ParseOr(string text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
