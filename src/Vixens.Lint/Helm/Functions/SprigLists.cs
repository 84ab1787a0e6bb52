using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Sprig's list functions (list.go). They take any slice through reflection and return new <c>[]interface{}</c>; the
/// plain forms panic where the <c>must</c> forms return an error, and the template reports both the same way.
/// </summary>
internal static class SprigLists
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("list", [], T.Any, a => a.ToList());
        yield return new("tuple", [], T.Any, a => a.ToList());
        foreach (var name in new[] { "append", "push", "mustAppend", "mustPush" })
        {
            yield return new(name, [T.Any, T.Any], null, a => Push(a[0], a[1]));
        }

        foreach (var name in new[] { "prepend", "mustPrepend" })
        {
            yield return new(name, [T.Any, T.Any], null, a => Prepend(a[0], a[1]));
        }

        foreach (var name in new[] { "chunk", "mustChunk" })
        {
            yield return new(name, [T.Int, T.Any], null, a => Chunk(Int(a, 0), a[1]));
        }

        foreach (var must in new[] { string.Empty, "must" })
        {
            yield return new(Name(must, "first"), [T.Any], null, a => RequireList(a[0], "Cannot find first on type") is { Count: > 0 } l ? l[0] : null);
            yield return new(Name(must, "last"), [T.Any], null, a => RequireList(a[0], "Cannot find last on type") is { Count: > 0 } l ? l[^1] : null);
            yield return new(Name(must, "rest"), [T.Any], null, a => RequireList(a[0], "Cannot find rest on type") is { Count: > 0 } l ? l.Skip(1).ToList() : new List<object?>());
            yield return new(Name(must, "initial"), [T.Any], null, a => RequireList(a[0], "Cannot find initial on type") is { Count: > 0 } l ? l.Take(l.Count - 1).ToList() : new List<object?>());
            yield return new(Name(must, "reverse"), [T.Any], null, a => Enumerable.Reverse(RequireList(a[0], "Cannot find reverse on type")).ToList());
            yield return new(Name(must, "compact"), [T.Any], null, a => RequireList(a[0], "Cannot compact on type").Where(v => !Empty(v)).ToList());
            yield return new(Name(must, "uniq"), [T.Any], null, a => Uniq(RequireList(a[0], "Cannot find uniq on type")));
            yield return new(Name(must, "without"), [T.Any], T.Any, a => RequireList(a[0], "Cannot find without on type").Where(v => !a.Skip(1).Any(o => DeepEqual(v, o))).ToList());
            yield return new(Name(must, "has"), [T.Any, T.Any], null, a => Has(a[0], a[1]));
            yield return new(Name(must, "slice"), [T.Any], T.Any, a => Slice(a[0], a.Skip(1).ToList()));
        }

        yield return new("concat", [], T.Any, a => Concat(a));
    }

    private static string Name(string must, string name) => must.Length == 0 ? name : must + char.ToUpperInvariant(name[0]) + name[1..];

    private static List<object?> Push(object? list, object? value)
    {
        var items = RequireList(list, "Cannot push on type");
        return [.. items, value];
    }

    private static List<object?> Prepend(object? list, object? value)
    {
        var items = RequireList(list, "Cannot prepend on type");
        return [value, .. items];
    }

    private static List<object?> Chunk(int size, object? list)
    {
        var items = RequireList(list, "Cannot chunk type");
        if (size <= 0)
        {
            // Go computes a chunk count from a division by the size: a zero or negative size breaks its arithmetic.
            throw new GoFunctionException("runtime error: makeslice: len out of range");
        }

        var chunks = new List<object?>();
        for (var i = 0; i < items.Count; i += size)
        {
            chunks.Add(items.Skip(i).Take(size).ToList());
        }

        return chunks;
    }

    private static List<object?> Uniq(List<object?> items)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (!result.Any(r => DeepEqual(r, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static bool Has(object? needle, object? haystack)
    {
        if (haystack is null)
        {
            return false;
        }

        var items = AsList(haystack) ?? throw new GoFunctionException($"Cannot find has on type {KindName(haystack)}");
        return items.Any(i => DeepEqual(needle, i));
    }

    /// <summary>Sprig's slice: reflect's <c>Slice(start, end)</c>, so the result keeps the input's slice type.</summary>
    private static object? Slice(object? list, List<object?> indices)
    {
        if (list is null)
        {
            throw NilPanic();
        }

        var items = AsList(list) ?? throw new GoFunctionException($"list should be type of slice or array but {KindName(list)}");
        if (items.Count == 0)
        {
            return null;
        }

        var start = indices.Count > 0 ? ToInt(indices[0]) : 0;
        var end = indices.Count < 2 ? items.Count : ToInt(indices[1]);
        if (start < 0 || end < start || end > items.Count)
        {
            throw new GoFunctionException("reflect.Value.Slice: slice index out of bounds");
        }

        return list switch
        {
            List<string> strings => strings.GetRange(start, end - start),
            byte[] bytes => bytes[start..end],
            _ => items.GetRange(start, end - start),
        };
    }

    private static List<object?>? Concat(IReadOnlyList<object?> lists)
    {
        List<object?>? result = null;
        foreach (var list in lists)
        {
            if (list is null)
            {
                throw NilPanic();
            }

            var items = AsList(list) ?? throw new GoFunctionException($"Cannot concat type {KindName(list)} as list");
            result ??= [];
            result.AddRange(items);
        }

        return result;
    }
}
