using Vixens.Lint.Foundation;
using Vixens.Lint.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The Git generator, on the repository its <c>repoURL</c> names when that repository is available offline.
/// Directories: every directory of the repository (see <see cref="IRepositoryView.Directories"/>) that some
/// <c>directories</c> pattern matches with Go's <c>path.Match</c> and no <c>exclude: true</c> pattern matches, in walk
/// order. Files: the files the include patterns list (git pathspecs, or doublestar globs), minus those the exclude
/// patterns list, sorted; each file holds one parameter set (a mapping) or several (a list of mappings).
/// </summary>
internal static class GitGenerator
{
    public static List<ParamSet> Generate(YamlMapping generator, ExpansionScope scope)
    {
        var repoUrl = generator.GetString("repoURL") ?? string.Empty;
        var revision = generator.GetString("revision") ?? string.Empty;
        if (repoUrl.Length == 0)
        {
            throw new GeneratorException("error generating params from git: the git generator needs a repoURL", generator.Span);
        }

        var directories = generator.GetSequence("directories");
        var files = generator.GetSequence("files");
        if (directories is not { Count: > 0 } && files is not { Count: > 0 })
        {
            throw new GeneratorException("ApplicationSet is empty: the git generator needs directories or files", generator.Span);
        }

        var resolution = scope.Options.Repositories?.Resolve(repoUrl, revision)
            ?? RepositoryResolution.Unavailable($"no repository is available offline for {repoUrl}");
        if (resolution.View is not { } view)
        {
            throw new UnrenderedException(GeneratorKinds.Git, resolution.UnavailableReason ?? "the repository is not available offline", generator["repoURL"]!.Span);
        }

        var prefix = generator.GetString("pathParamPrefix") ?? string.Empty;
        return directories is { Count: > 0 }
            ? FromDirectories(generator, directories, view, prefix, scope)
            : FromFiles(generator, files!, view, prefix, scope);
    }

    private static List<ParamSet> FromDirectories(YamlMapping generator, YamlSequence items, IRepositoryView view, string prefix, ExpansionScope scope)
    {
        var patterns = new List<(Regex? Pattern, bool Exclude, SourceSpan Span)>();
        foreach (var item in items.Items.OfType<YamlMapping>())
        {
            var pattern = item.GetString("path") ?? string.Empty;
            patterns.Add((PathPatterns.GoPathMatch(pattern), item.GetScalar("exclude") is { } exclude && exclude.AsBool(), item.Span));
        }

        var result = new List<ParamSet>();
        foreach (var directory in view.Directories(scope.Options.IncludeHiddenDirectories))
        {
            var include = false;
            var exclude = false;
            SourceSpan? matchedBy = null;
            foreach (var (pattern, isExclude, span) in patterns)
            {
                if (pattern is null || !pattern.IsMatch(directory))
                {
                    continue;
                }

                if (isExclude)
                {
                    exclude = true;
                }
                else
                {
                    include = true;
                    matchedBy ??= span;
                }
            }

            if (!include || exclude)
            {
                continue;
            }

            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            var basename = GoPath.Base(directory);
            if (scope.GoTemplate)
            {
                var path = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["path"] = directory,
                    ["basename"] = basename,
                    ["basenameNormalized"] = ArgoNames.Normalize(basename),
                    ["segments"] = directory.Split('/').ToList(),
                };
                AddPrefixed(parameters, prefix, path);
            }
            else
            {
                var name = prefix.Length > 0 ? prefix + ".path" : "path";
                parameters[name] = directory;
                parameters[name + ".basename"] = basename;
                parameters[name + ".basenameNormalized"] = ArgoNames.Normalize(basename);
                AddSegments(parameters, name, directory);
            }

            scope.AppendValues(generator, parameters);
            result.Add(ParamSet.Of(parameters, matchedBy));
        }

        return result;
    }

    private static List<ParamSet> FromFiles(YamlMapping generator, YamlSequence items, IRepositoryView view, string prefix, ExpansionScope scope)
    {
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        var excluded = new List<Func<string, bool>>();
        foreach (var item in items.Items.OfType<YamlMapping>())
        {
            var matcher = FileMatcher(item.GetString("path") ?? string.Empty, scope.Options.NewGitFileGlobbing);
            if (item.GetScalar("exclude") is { } exclude && exclude.AsBool())
            {
                excluded.Add(matcher);
            }
            else
            {
                selected.UnionWith(view.Files.Where(matcher));
            }
        }

        var result = new List<ParamSet>();
        foreach (var file in selected.Where(f => !excluded.Any(match => match(f))))
        {
            var origin = SourceSpan.StartOf(view.FullPath(file));
            foreach (var found in ReadParameterFile(view, file, origin, generator))
            {
                var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
                var directory = GoPath.Dir(file);
                var basename = GoPath.Base(directory);
                var filename = GoPath.Base(file);
                if (scope.GoTemplate)
                {
                    foreach (var (key, value) in found)
                    {
                        parameters[key] = value;
                    }

                    var path = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["path"] = directory,
                        ["basename"] = basename,
                        ["filename"] = filename,
                        ["basenameNormalized"] = ArgoNames.Normalize(basename),
                        ["filenameNormalized"] = ArgoNames.Normalize(filename),
                        ["segments"] = directory.Split('/').ToList(),
                    };
                    AddPrefixed(parameters, prefix, path);
                }
                else
                {
                    foreach (var (key, value) in ParamMaps.Flatten(found))
                    {
                        parameters[key] = value;
                    }

                    var name = prefix.Length > 0 ? prefix + ".path" : "path";
                    parameters[name] = directory;
                    parameters[name + ".basename"] = basename;
                    parameters[name + ".filename"] = filename;
                    parameters[name + ".basenameNormalized"] = ArgoNames.Normalize(basename);
                    parameters[name + ".filenameNormalized"] = ArgoNames.Normalize(filename);
                    AddSegments(parameters, name, directory);
                }

                scope.AppendValues(generator, parameters);
                result.Add(ParamSet.Of(parameters, origin));
            }
        }

        return result;
    }

    private static Func<string, bool> FileMatcher(string pattern, bool doublestar)
    {
        if (!doublestar)
        {
            return PathPatterns.GitPathspec(pattern);
        }

        var regex = PathPatterns.Doublestar(pattern);
        return regex is null ? _ => false : regex.IsMatch;
    }

    /// <summary>A file holds one mapping or a list of mappings (JSON or YAML; an empty file is one empty set).</summary>
    private static List<Dictionary<string, object?>> ReadParameterFile(IRepositoryView view, string file, SourceSpan origin, YamlMapping generator)
    {
        var bytes = view.ReadFile(file) ?? throw new GeneratorException($"unable to process file '{file}' from repository: the file cannot be read", origin);
        var loaded = YamlLoader.LoadBytes(view.FullPath(file), bytes);
        if (loaded.HasErrors)
        {
            var first = loaded.Diagnostics.First(d => d.Severity == Diagnostics.Severity.Error);
            throw new GeneratorException($"unable to process file '{file}': unable to parse file: {first.Message}", first.Location);
        }

        var root = (loaded.Documents.Count > 0 ? loaded.Documents[0].Root : null);
        switch (root is null ? null : ParamValues.FromYaml(root))
        {
            case null:
                return [new Dictionary<string, object?>(StringComparer.Ordinal)];
            case Dictionary<string, object?> map:
                return [map];
            case List<object?> list when list.All(item => item is null or Dictionary<string, object?>):
                return list.Select(item => item as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal)).ToList();
            default:
                _ = generator;
                throw new GeneratorException($"unable to process file '{file}': unable to parse file: the file must hold a mapping or a list of mappings", root!.Span);
        }
    }

    private static void AddPrefixed(Dictionary<string, object?> parameters, string prefix, Dictionary<string, object?> path)
    {
        if (prefix.Length > 0)
        {
            parameters[prefix] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = path };
        }
        else
        {
            parameters["path"] = path;
        }
    }

    private static void AddSegments(Dictionary<string, object?> parameters, string name, string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0)
            {
                parameters[name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"] = segments[i];
            }
        }
    }
}
