using System.Text;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Generators;

/// <summary>A generated object and the generator entry it comes from.</summary>
internal sealed record Generated(Resource Resource, SourceSpan Span);

/// <summary>
/// configMapGenerator and secretGenerator: key/value pairs from env files, literals and files (in that order), options
/// merged with generatorOptions, every node pointing at the generator entry.
/// </summary>
internal sealed class ConfigMapSecretGenerator
{
    private readonly FileLoader _loader;
    private readonly Kustomization _k;

    public ConfigMapSecretGenerator(FileLoader loader, Kustomization k)
    {
        _loader = loader;
        _k = k;
    }

    public IEnumerable<Generated> GenerateAll()
    {
        var global = _k["generatorOptions"] as YamlMapping;
        foreach (var (field, kind) in new[] { ("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret") })
        {
            if (_k[field] is not YamlSequence list)
            {
                continue;
            }

            foreach (var args in list.Items.OfType<YamlMapping>())
            {
                yield return Generate(args, kind, field, global, _k.Directory);
            }
        }
    }

    /// <summary>Builds one ConfigMap or Secret from its arguments (also used by builtin generator plugin configs).</summary>
    public Generated Generate(YamlMapping args, string kind, string field, YamlMapping? globalOptions, string directory)
    {
        var span = args.Span;
        var provenance = new Provenance(ProvenanceKind.Generator, span, field);
        var name = args.GetString("name") ?? string.Empty;
        if (name.Length == 0)
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, span, $"a {kind.ToLowerInvariant()} must have a name");
        }

        var pairs = LoadPairs(args, name, directory);
        var root = new YamlMapping(span);
        root.Set("apiVersion", S("v1", provenance));
        root.Set("kind", S(kind, provenance));
        var meta = new YamlMapping(span);
        meta.Set("name", S(name, provenance));
        if (args.GetString("namespace") is { Length: > 0 } ns)
        {
            meta.Set("namespace", S(ns, provenance));
        }

        root.Set("metadata", meta);
        if (kind == "Secret")
        {
            root.Set("type", S(args.GetString("type") is { Length: > 0 } t ? t : "Opaque", provenance));
        }

        FillData(root, kind, pairs, provenance);

        var local = args["options"] as YamlMapping;
        var labels = MergeMaps(local?.GetMapping("labels"), globalOptions?.GetMapping("labels"));
        var annotations = MergeMaps(local?.GetMapping("annotations"), globalOptions?.GetMapping("annotations"));
        if (labels.Count > 0)
        {
            meta.Set("labels", ToMapping(labels, provenance));
        }

        if (annotations.Count > 0)
        {
            meta.Set("annotations", ToMapping(annotations, provenance));
        }

        var immutable = IsTrue(local, "immutable") || IsTrue(globalOptions, "immutable");
        if (immutable)
        {
            root.Set("immutable", new YamlScalar("true", span));
        }

        root.StampProvenance(provenance);
        var behavior = (args.GetString("behavior") ?? string.Empty) switch
        {
            "merge" => GeneratorBehavior.Merge,
            "replace" => GeneratorBehavior.Replace,
            "create" => GeneratorBehavior.Create,
            "" => GeneratorBehavior.Unspecified,
            var other => throw new KustomizeException(KustomizeDescriptors.GeneratorError, span, $"unknown generator behavior '{other}'"),
        };
        var resource = new Resource(root)
        {
            Behavior = behavior,
            NeedsHashSuffix = !(IsTrue(local, "disableNameSuffixHash") || IsTrue(globalOptions, "disableNameSuffixHash")),
            GeneratorSpan = span,
            OriginGenerator = (span.File, kind + "Generator", null),
        };
        return new Generated(resource, span);
    }

    private static bool IsTrue(YamlMapping? map, string key) => map?.GetScalar(key) is { } s && s.AsBool();

    private static YamlScalar S(string value, Provenance provenance) => new(value, provenance.Span, ScalarStyle.DoubleQuoted) { Provenance = provenance };

    private static SortedDictionary<string, string> MergeMaps(YamlMapping? local, YamlMapping? global)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in new[] { global, local })
        {
            if (map is null)
            {
                continue;
            }

            foreach (var e in map.Entries)
            {
                result[e.Key.Value] = e.Value is YamlScalar { IsNull: false } s ? s.Value : string.Empty;
            }
        }

        return result;
    }

    private static YamlMapping ToMapping(IDictionary<string, string> values, Provenance provenance)
    {
        var map = new YamlMapping(provenance.Span);
        foreach (var (k, v) in values)
        {
            map.Set(k, S(v, provenance));
        }

        return map;
    }

    /// <summary>ConfigMap: UTF-8 values in data, others base64 in binaryData. Secret: everything base64 in data.</summary>
    private static void FillData(YamlMapping root, string kind, List<(string Key, byte[] Value)> pairs, Provenance provenance)
    {
        YamlMapping? data = null;
        YamlMapping? binary = null;
        var utf8 = new UTF8Encoding(false, true);
        foreach (var (key, bytes) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string value;
            var isBinary = false;
            if (kind == "Secret")
            {
                value = Base64Lines(bytes);
            }
            else
            {
                try
                {
                    value = utf8.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    value = Base64Lines(bytes);
                    isBinary = true;
                }
            }

            var scalar = S(value, provenance);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                scalar.Style = ScalarStyle.Literal;
            }

            if (isBinary)
            {
                binary ??= new YamlMapping(provenance.Span);
                binary.Set(key, scalar);
            }
            else
            {
                data ??= new YamlMapping(provenance.Span);
                data.Set(key, scalar);
            }
        }

        if (kind == "Secret")
        {
            data ??= new YamlMapping(provenance.Span);
        }

        if (data is not null)
        {
            root.Set("data", data);
        }

        if (binary is not null)
        {
            root.Set("binaryData", binary);
        }
    }

    /// <summary>Base64 as kyaml writes it: lines of 70 characters, each ending with a newline once there is more than one.</summary>
    private static string Base64Lines(byte[] bytes)
    {
        var encoded = Convert.ToBase64String(bytes);
        if (encoded.Length < 70)
        {
            return encoded;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < encoded.Length; i += 70)
        {
            sb.Append(encoded, i, Math.Min(70, encoded.Length - i)).Append('\n');
        }

        return sb.ToString();
    }

    private List<(string Key, byte[] Value)> LoadPairs(YamlMapping args, string name, string directory)
    {
        var pairs = new List<(string Key, byte[] Value)>();
        var envs = Kustomization.EntriesOf(args["envs"]);
        envs.AddRange(Kustomization.EntriesOf(args["env"]));
        foreach (var env in envs)
        {
            var path = ResolveSource(env, "envs", directory);
            var text = Encoding.UTF8.GetString(_loader.ReadBytes(path) ?? []);
            pairs.AddRange(EnvFile.Parse(text, env.Span).Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))));
        }

        foreach (var literal in Kustomization.EntriesOf(args["literals"]))
        {
            var eq = literal.Value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new KustomizeException(KustomizeDescriptors.GeneratorError, literal.Span,
                    $"invalid literal source {literal.Value}, expected key=value");
            }

            pairs.Add((literal.Value[..eq], Encoding.UTF8.GetBytes(RemoveQuotes(literal.Value[(eq + 1)..]))));
        }

        foreach (var file in Kustomization.EntriesOf(args["files"]))
        {
            var (key, relative) = ParseFileSource(file);
            var path = ResolveSource(new Entry(relative, file.Span), "files", directory);
            pairs.Add((key, _loader.ReadBytes(path) ?? []));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in pairs)
        {
            if (!IsValidKey(key))
            {
                throw new KustomizeException(KustomizeDescriptors.GeneratorError, args.Span,
                    $"\"{key}\" is not a valid key name for a {name}: a valid key must consist of alphanumeric characters, '-', '_' or '.'");
            }

            if (!seen.Add(key))
            {
                throw new KustomizeException(KustomizeDescriptors.GeneratorError, args.Span,
                    $"configmap {name} illegally repeats the key `{key}`");
            }
        }

        return pairs;
    }

    private string ResolveSource(Entry entry, string list, string directory)
    {
        try
        {
            return _loader.ResolveFile(directory, entry, $"{list} of a generator");
        }
        catch (KustomizeException ex) when (ex.Diagnostic?.Descriptor == KustomizeDescriptors.ResourceNotFound)
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, entry.Span,
                $"loading KV pairs: '{entry.Value}' does not exist");
        }
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && key.Length <= 253 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static (string Key, string Path) ParseFileSource(Entry entry)
    {
        var source = entry.Value;
        var count = source.Count(c => c == '=');
        if (count == 0)
        {
            return (Path.GetFileName(source.TrimEnd('/')), source);
        }

        if (count > 1 || source.StartsWith('=') || source.EndsWith('='))
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, entry.Span,
                $"source \"{source}\": expected key=path with exactly one '='");
        }

        var eq = source.IndexOf('=', StringComparison.Ordinal);
        return (source[..eq], source[(eq + 1)..]);
    }

    private static string RemoveQuotes(string s)
    {
        if (s.Length < 2 || s[0] != s[^1])
        {
            return s;
        }

        return s[0] is '"' or '\'' ? s[1..^1] : s;
    }
}

/// <summary>The env-file format kustomize reads: KEY=VALUE lines, # comments, blank lines skipped, no quote handling.</summary>
internal static class EnvFile
{
    public static List<(string Key, string Value)> Parse(string text, SourceSpan at)
    {
        var result = new List<(string, string)>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            line = line.TrimStart();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? line : line[..eq];
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                throw new KustomizeException(KustomizeDescriptors.GeneratorError, at,
                    $"\"{key}\" is not a valid environment variable name in an env file");
            }

            result.Add((key, eq < 0 ? string.Empty : line[(eq + 1)..]));
        }

        return result;
    }
}
