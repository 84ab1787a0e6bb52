using System.Numerics;

namespace Vixens.Lint.Helm.Template;

/// <summary>Facts about Go values held as CLR objects (see <see cref="GoFunction"/> for the type convention).</summary>
public static class GoValues
{
    /// <summary>The Go type name as <c>%T</c> prints it: <c>int</c>, <c>float64</c>, <c>[]interface {}</c>, <c>&lt;nil&gt;</c>.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        bool => "bool",
        int => "int",
        long => "int64",
        double => "float64",
        Complex => "complex128",
        byte[] => "[]uint8",
        List<string> => "[]string",
        IList<object?> => "[]interface {}",
        IGoNamedType named => named.GoTypeName,
        IDictionary<string, string> => "map[string]string",
        IDictionary<string, object?> => "map[string]interface {}",
        IGoObject o => o.GoTypeName,
        GoFunction => "func",
        _ => value.GetType().Name,
    };

    /// <summary>Go's kind name of a value's type (<c>reflect.Kind.String()</c>): <c>map</c>, <c>slice</c>, <c>struct</c>, <c>ptr</c>.</summary>
    public static string KindName(object? value) => value switch
    {
        null => "invalid",
        string => "string",
        bool => "bool",
        int => "int",
        long => "int64",
        double => "float64",
        Complex => "complex128",
        byte[] or IList<object?> or List<string> => "slice",
        IDictionary<string, string> or IDictionary<string, object?> => "map",
        IGoObject o => o.IsPointer ? "ptr" : "struct",
        GoFunction => "func",
        _ => "struct",
    };

    /// <summary>
    /// Go template truth: false, 0, a nil pointer or interface, and an empty array, slice, map or string are false.
    /// Structs are always true.
    /// </summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        Complex c => c != Complex.Zero,
        byte[] bytes => bytes.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>The entries of a map sorted as Go's fmt and range sort them (string keys in byte order).</summary>
    public static List<KeyValuePair<string, T>> SortedEntries<T>(IEnumerable<KeyValuePair<string, T>> map)
    {
        var list = new List<KeyValuePair<string, T>>(map);
        list.Sort(static (a, b) => CompareKeys(a.Key, b.Key));
        return list;
    }

    /// <summary>Go compares strings by UTF-8 bytes; ordinal UTF-16 comparison differs only around surrogates.</summary>
    internal static int CompareKeys(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            if (char.IsSurrogate(x) != char.IsSurrogate(y) && (x >= 0xE000 || y >= 0xE000))
            {
                // A surrogate (U+10000 and above) sorts after U+E000..U+FFFF in UTF-8.
                return char.IsSurrogate(x) ? 1 : -1;
            }

            return x < y ? -1 : 1;
        }

        return a.Length.CompareTo(b.Length);
    }
}

/// <summary>
/// A map or slice of a named Go type (Helm's <c>chartutil.Values</c> is a <c>map[string]interface{}</c>): it behaves as
/// its CLR base type everywhere, only <c>%T</c> and type errors name it.
/// </summary>
public interface IGoNamedType
{
    /// <summary>The Go type name, e.g. <c>chartutil.Values</c>.</summary>
    string GoTypeName { get; }
}
