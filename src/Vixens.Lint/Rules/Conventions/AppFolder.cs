using System.Text.RegularExpressions;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>An application's home, <c>apps/&lt;NN-category&gt;/&lt;app&gt;</c>, and what follows it in a path.</summary>
public sealed partial record AppFolder(string Category, string App, string Rest)
{
    public const string AppsRoot = "apps";

    /// <summary><c>apps/10-home/mealie</c>.</summary>
    public string Directory => $"{AppsRoot}/{Category}/{App}";

    /// <summary>The Markdown page the conventions expect: <c>docs/applications/&lt;category&gt;/&lt;app&gt;.md</c>.</summary>
    public string DocsPage(string docsRoot) => $"{docsRoot}/{Category}/{App}.md";

    /// <summary>Reads <c>apps/NN-category/app/rest…</c>; null when the path does not follow that layout.</summary>
    public static AppFolder? FromPath(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var parts = Normalize(path).Split('/');
        if (parts.Length < 3 || parts[0] != AppsRoot || !CategoryPattern().IsMatch(parts[1]) || parts[2].Length == 0)
        {
            return null;
        }

        return new AppFolder(parts[1], parts[2], string.Join('/', parts.Skip(3)));
    }

    /// <summary>Trims <c>./</c>, trailing slashes and backslashes: <c>./apps/x/</c> → <c>apps/x</c>.</summary>
    public static string Normalize(string path)
    {
        var value = path.Trim().Replace('\\', '/').TrimEnd('/');
        while (value.StartsWith("./", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value;
    }

    [GeneratedRegex(@"^[0-9]{2}-[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
