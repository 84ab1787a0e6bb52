namespace Vixens.Lint.Foundation;

/// <summary>
/// Go's <c>path</c> package (slash paths; <c>path/filepath</c> on Linux behaves the same): Sprig's path functions, Helm's chart
/// file names and ArgoCD's git generators all name files the way Go does.
/// </summary>
internal static class GoPath
{
    /// <summary>path.Clean: one slash between elements, no "." elements, ".." resolved where it can be, "." for nothing.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join("/", parts);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    /// <summary><c>path.Join</c>: the non-empty parts joined with <c>/</c>, cleaned.</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(p => p.Length > 0).ToArray();
        return nonEmpty.Length == 0 ? string.Empty : Clean(string.Join('/', nonEmpty));
    }

    /// <summary>path.Base: the last element after trailing slashes are dropped; "." for empty, "/" for only slashes.</summary>
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

        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    /// <summary>path.Dir: everything before the last slash, cleaned.</summary>
    public static string Dir(string path)
    {
        var slash = path.LastIndexOf('/');
        return Clean(path[..(slash + 1)]);
    }

    /// <summary>path.Ext: from the last dot of the last element.</summary>
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
