namespace Vixens.Lint.Helm.Values;

/// <summary>
/// The values a user gives <c>helm template</c>: values files (later wins, maps merged deeply), then <c>--set-json</c>,
/// <c>--set</c>, <c>--set-string</c>, <c>--set-file</c>, in that fixed order whatever their order on the command line.
/// </summary>
public sealed record UserValues
{
    /// <summary>Values files, in order (paths as given; resolved against the working directory).</summary>
    public IReadOnlyList<string> ValueFiles { get; init; } = [];

    public IReadOnlyList<string> Set { get; init; } = [];

    public IReadOnlyList<string> SetString { get; init; } = [];

    public IReadOnlyList<string> SetJson { get; init; } = [];

    public IReadOnlyList<string> SetFile { get; init; } = [];

    /// <summary><c>--set-literal</c>: the value after <c>=</c> is one literal string (commas and escapes included).</summary>
    public IReadOnlyList<string> SetLiteral { get; init; } = [];

    /// <summary>Largest values file (or <c>--set-file</c> file) read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Builds the user values map, reading files relative to <paramref name="baseDirectory"/>.</summary>
    public Dictionary<string, object?> Build(string baseDirectory)
    {
        var result = ValueMaps.NewMap();
        foreach (var file in ValueFiles)
        {
            var text = ReadFile(baseDirectory, file);
            Dictionary<string, object?> current;
            try
            {
                current = HelmYaml.ReadMap(text);
            }
            catch (HelmYamlException e)
            {
                throw new HelmException($"failed to parse {file}: {e.Message}", HelmErrorKind.Values, file);
            }

            result = MergeMaps(result, current);
        }

        foreach (var value in SetJson)
        {
            try
            {
                SetValueParser.ParseSetJson(value, result);
            }
            catch (HelmException e)
            {
                throw new HelmException($"failed parsing --set-json data {value}", e);
            }
        }

        foreach (var value in Set)
        {
            Wrap("failed parsing --set data", () => SetValueParser.ParseSet(value, result));
        }

        foreach (var value in SetString)
        {
            Wrap("failed parsing --set-string data", () => SetValueParser.ParseSetString(value, result));
        }

        foreach (var value in SetFile)
        {
            Wrap("failed parsing --set-file data", () => SetValueParser.ParseSetFile(value, result, path => ReadFile(baseDirectory, path)));
        }

        foreach (var value in SetLiteral)
        {
            Wrap("failed parsing --set-literal data", () => SetValueParser.ParseSetLiteral(value, result));
        }

        return result;
    }

    private string ReadFile(string baseDirectory, string path)
    {
        var full = Path.Combine(baseDirectory, path);
        if (!File.Exists(full))
        {
            throw new HelmException($"open {path}: no such file or directory", HelmErrorKind.Values, path);
        }

        var length = new FileInfo(full).Length;
        if (length > MaxFileBytes)
        {
            throw new HelmException($"values file '{path}' is larger than {MaxFileBytes} bytes, the limit for a values file", HelmErrorKind.Values, path);
        }

        var text = File.ReadAllText(full);
        return text;
    }

    private static void Wrap(string what, Action parse)
    {
        try
        {
            parse();
        }
        catch (HelmException e)
        {
            throw new HelmException($"{what}: {e.Message}", HelmErrorKind.Values);
        }
    }

    /// <summary>Helm's <c>mergeMaps</c>: maps merge key by key, anything else replaces.</summary>
    private static Dictionary<string, object?> MergeMaps(Dictionary<string, object?> a, Dictionary<string, object?> b)
    {
        var output = new Dictionary<string, object?>(a, StringComparer.Ordinal);
        foreach (var (key, value) in b)
        {
            if (value is Dictionary<string, object?> bMap && output.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> aMap)
            {
                output[key] = MergeMaps(aMap, bMap);
                continue;
            }

            output[key] = value;
        }

        return output;
    }
}
