using System.Buffers;
using System.Text;

namespace Vixens.Lint.Schemas.Bundle;

/// <summary>
/// Glues a root schema and the shared definitions it reaches (transitively, through <c>#/$defs/NAME</c>) into one
/// self-contained JSON Schema document, working on raw UTF-8 so no definition is parsed twice.
/// </summary>
public static class SchemaDocumentAssembler
{
    private static readonly byte[] RefMarker = Encoding.UTF8.GetBytes(BundleFormat.DefsRefPrefix);

    /// <param name="root">A JSON object (the root schema), without <c>$defs</c>.</param>
    /// <param name="resolveDefinition">Raw JSON of a definition, or empty when unknown (the ref then fails at build time).</param>
    public static byte[] Assemble(ReadOnlySpan<byte> root, string id, Func<string, ReadOnlyMemory<byte>> resolveDefinition)
    {
        var closure = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var pending = new Stack<string>(FindRefs(root));
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (closure.ContainsKey(name))
            {
                continue;
            }

            var raw = resolveDefinition(name);
            if (raw.IsEmpty)
            {
                continue;
            }

            closure[name] = raw;
            foreach (var next in FindRefs(raw.Span))
            {
                pending.Push(next);
            }
        }

        var output = new ArrayBufferWriter<byte>(root.Length + closure.Values.Sum(v => v.Length) + 256);
        Write(output, "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"");
        Write(output, id);
        Write(output, "\"");
        if (closure.Count > 0)
        {
            Write(output, ",\"$defs\":{");
            var first = true;
            foreach (var (name, raw) in closure)
            {
                Write(output, first ? "\"" : ",\"");
                first = false;
                Write(output, name);
                Write(output, "\":");
                output.Write(raw.Span);
            }

            Write(output, "}");
        }

        // Splice the root object's members after ours: skip its opening brace.
        var body = root.TrimStart(" \t\r\n"u8);
        if (body.Length > 1 && body[0] == (byte)'{')
        {
            var inner = body[1..].TrimStart(" \t\r\n"u8);
            if (inner.Length > 0 && inner[0] != (byte)'}')
            {
                Write(output, ",");
            }

            output.Write(inner);
        }
        else
        {
            Write(output, "}");
        }

        return output.WrittenSpan.ToArray();
    }

    private static List<string> FindRefs(ReadOnlySpan<byte> json)
    {
        var names = new List<string>();
        var offset = 0;
        while (true)
        {
            var index = json[offset..].IndexOf(RefMarker);
            if (index < 0)
            {
                return names;
            }

            var start = offset + index + RefMarker.Length;
            var length = json[start..].IndexOf((byte)'"');
            if (length <= 0)
            {
                return names;
            }

            names.Add(Encoding.UTF8.GetString(json.Slice(start, length)));
            offset = start + length;
        }
    }

    private static void Write(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
