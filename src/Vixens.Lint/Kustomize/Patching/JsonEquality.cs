using System.Globalization;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>Structural equality of two nodes seen as JSON values (for the <c>test</c> operation): key order is irrelevant,
/// scalars compare by JSON type and value, so <c>1</c> and <c>"1"</c> differ.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(YamlNode? left, YamlNode? right)
    {
        var pending = new Stack<(YamlNode? Left, YamlNode? Right)>();
        pending.Push((left, right));
        while (pending.Count > 0)
        {
            var (a, b) = pending.Pop();
            switch (a, b)
            {
                case (YamlMapping ma, YamlMapping mb):
                    if (ma.Count != mb.Count)
                    {
                        return false;
                    }

                    foreach (var entry in ma.Entries)
                    {
                        if (!mb.TryGetValue(entry.Key.Value, out var other))
                        {
                            return false;
                        }

                        pending.Push((entry.Value, other));
                    }

                    break;
                case (YamlSequence sa, YamlSequence sb):
                    if (sa.Count != sb.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < sa.Count; i++)
                    {
                        pending.Push((sa.Items[i], sb.Items[i]));
                    }

                    break;
                default:
                    if (!ScalarsEqual(a, b))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool ScalarsEqual(YamlNode? a, YamlNode? b)
    {
        if (YamlFacts.IsMissingOrNull(a) || YamlFacts.IsMissingOrNull(b))
        {
            return YamlFacts.IsMissingOrNull(a) && YamlFacts.IsMissingOrNull(b);
        }

        if (a is not YamlScalar sa || b is not YamlScalar sb)
        {
            return false;
        }

        var (kindA, kindB) = (Normalize(sa.Kind), Normalize(sb.Kind));
        if (kindA != kindB)
        {
            return false;
        }

        return kindA switch
        {
            ScalarKind.Float => TryNumber(sa, out var x) && TryNumber(sb, out var y) ? x.Equals(y) : sa.Value == sb.Value,
            ScalarKind.Bool => sa.AsBool() == sb.AsBool(),
            _ => sa.Value == sb.Value,
        };
    }

    // JSON has one number type.
    private static ScalarKind Normalize(ScalarKind kind) => kind == ScalarKind.Int ? ScalarKind.Float : kind;

    private static bool TryNumber(YamlScalar scalar, out double value)
    {
        if (scalar.TryGetInt64(out var integer))
        {
            value = integer;
            return true;
        }

        return double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
