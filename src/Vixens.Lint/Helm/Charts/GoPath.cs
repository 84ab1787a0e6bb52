namespace Vixens.Lint.Helm.Charts;

/// <summary>Go's <c>path</c> package on <c>/</c>-separated names (lexical, no file system).</summary>
internal static class GoPath
{
    /// <summary><c>path.Clean</c>: the shortest equivalent name (no <c>.</c>, no <c>x/..</c>, no double slash).</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path.StartsWith('/');
        var output = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (output.Count > 0 && output[^1] != "..")
                {
                    output.RemoveAt(output.Count - 1);
                }
                else if (!rooted)
                {
                    output.Add("..");
                }

                continue;
            }

            output.Add(part);
        }

        var joined = string.Join('/', output);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary><c>path.Join</c>: the non-empty parts joined with <c>/</c>, cleaned.</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(p => p.Length > 0).ToArray();
        return nonEmpty.Length == 0 ? string.Empty : Clean(string.Join('/', nonEmpty));
    }

    /// <summary><c>path.Base</c>: the last element.</summary>
    public static string Base(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        var i = path.LastIndexOf('/');
        return i >= 0 ? path[(i + 1)..] : path;
    }

    /// <summary><c>path.Ext</c>: the suffix from the last dot of the last element.</summary>
    public static string Ext(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
            {
                return path[i..];
            }
        }

        return string.Empty;
    }
}
