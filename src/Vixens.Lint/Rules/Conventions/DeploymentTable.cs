using System.Globalization;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>One row of an application page's deployment table: the environment and its "deployed" cell.</summary>
public sealed record DeploymentRow(string Environment, bool? Deployed, string Cell, int Line, int Column);

/// <summary>
/// Reads the deployment table of a <c>docs/applications/&lt;category&gt;/&lt;app&gt;.md</c> page: the first Markdown table
/// whose header has an environment column (<c>Environment</c>, <c>Environnement</c>, <c>Env</c>) and a deployed column
/// (<c>Deployed</c>, <c>Déployé</c>). A deployed cell reads <c>[x]</c>, <c>✅</c>, <c>yes</c>/<c>oui</c> as deployed and
/// <c>[ ]</c>, <c>❌</c>, <c>no</c>/<c>non</c>, <c>-</c> as not deployed; anything else is unknown and not compared.
/// </summary>
public static class DeploymentTable
{
    public static IReadOnlyList<DeploymentRow> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Cells(lines[i]);
            if (header is null)
            {
                continue;
            }

            var environmentColumn = header.FindIndex(c => IsEnvironmentHeader(c.Text));
            var deployedColumn = header.FindIndex(c => IsDeployedHeader(c.Text));
            if (environmentColumn < 0 || deployedColumn < 0)
            {
                continue;
            }

            var rows = new List<DeploymentRow>();
            for (var j = i + 1; j < lines.Length; j++)
            {
                var cells = Cells(lines[j]);
                if (cells is null)
                {
                    break;
                }

                if (cells.All(c => c.Text.Trim(':', '-', ' ').Length == 0))
                {
                    continue; // the |---|---| separator
                }

                if (cells.Count <= Math.Max(environmentColumn, deployedColumn))
                {
                    continue;
                }

                var deployed = cells[deployedColumn];
                rows.Add(new DeploymentRow(cells[environmentColumn].Text, ReadFlag(deployed.Text), deployed.Text, j + 1, deployed.Column));
            }

            return rows;
        }

        return [];
    }

    /// <summary><c>[x]</c> → true, <c>[ ]</c> → false, unknown → null.</summary>
    public static bool? ReadFlag(string cell)
    {
        var text = cell.Trim().ToLowerInvariant();
        if (text is "[x]" or "x" or "yes" or "oui" or "true" || text.StartsWith('✅') || text.StartsWith('✔') || text.StartsWith('☑'))
        {
            return true;
        }

        if (text is "[ ]" or "[]" or "no" or "non" or "false" or "-" or "—" || text.StartsWith('❌') || text.StartsWith('✗') || text.StartsWith('✘'))
        {
            return false;
        }

        return null;
    }

    /// <summary>Whether a table row's environment label names <paramref name="environment"/> (<c>Prod</c>, <c>Production</c> for <c>prod</c>).</summary>
    public static bool Names(string label, string environment)
    {
        var text = label.Trim().Trim('*', '`', '_').Trim().ToLowerInvariant();
        var env = environment.ToLowerInvariant();
        return text == env || (text.StartsWith(env, StringComparison.Ordinal) && text.Length > env.Length && char.IsAsciiLetter(text[env.Length]) && env.Length >= 3)
            || (env.StartsWith(text, StringComparison.Ordinal) && text.Length >= 3);
    }

    private static bool IsEnvironmentHeader(string text)
    {
        var value = text.Trim().Trim('*').ToLowerInvariant();
        return value.StartsWith("environ", StringComparison.Ordinal) || value is "env" or "environnement";
    }

    private static bool IsDeployedHeader(string text)
    {
        var value = text.Trim().Trim('*').ToLower(CultureInfo.InvariantCulture);
        return value.StartsWith("deploy", StringComparison.Ordinal) || value.StartsWith("déploy", StringComparison.Ordinal) || value.StartsWith("deploye", StringComparison.Ordinal);
    }

    /// <summary>The cells of a <c>| a | b |</c> line with their 1-based start columns; null when the line is not a table row.</summary>
    private static List<(string Text, int Column)>? Cells(string line)
    {
        var trimmed = line.TrimEnd();
        var start = trimmed.Length - trimmed.TrimStart().Length;
        if (start >= trimmed.Length || trimmed[start] != '|')
        {
            return null;
        }

        var cells = new List<(string, int)>();
        var cellStart = start + 1;
        for (var i = start + 1; i <= trimmed.Length; i++)
        {
            if (i == trimmed.Length || (trimmed[i] == '|' && trimmed[i - 1] != '\\'))
            {
                if (i == trimmed.Length && cellStart >= trimmed.Length)
                {
                    break;
                }

                var raw = trimmed[cellStart..i];
                var lead = raw.Length - raw.TrimStart().Length;
                cells.Add((raw.Trim(), cellStart + lead + 1));
                cellStart = i + 1;
            }
        }

        return cells;
    }
}
