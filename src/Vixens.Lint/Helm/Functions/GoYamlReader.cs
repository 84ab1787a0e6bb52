using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Reads the first YAML document into Go values as sigs.k8s.io/yaml.Unmarshal into <c>interface{}</c> gives them:
/// go-yaml v2 types each scalar, keys become strings, and the JSON round trip turns every number into a float64.
/// An explicit stack builds the tree (no recursion), and aliases are copied under a node budget so that nested
/// aliases cannot blow up memory.
/// </summary>
internal sealed class GoYamlReader
{
    /// <summary>Values built in all, aliases included; far above any real values file, far below memory trouble.</summary>
    private const int NodeBudget = 5_000_000;

    private readonly Dictionary<string, object?> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private int _nodes;

    private sealed class Frame
    {
        public Frame(object collection, string? anchor)
        {
            Collection = collection;
            Anchor = anchor;
        }

        public object Collection { get; }

        public string? Anchor { get; }

        public bool HasKey { get; set; }

        public object? Key { get; set; }

        public bool KeyIsMerge { get; set; }
    }

    /// <summary>The first document's value (null for an empty stream).</summary>
    public static object? Read(string text) => new GoYamlReader().ReadDocument(text);

    private object? ReadDocument(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        object? root = null;
        var done = false;
        try
        {
            while (!done && parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar scalar:
                        var value = ScalarValue(scalar);
                        Remember(scalar.Anchor, value);
                        done = Add(value, IsMergeKey(scalar), ref root);
                        break;
                    case SequenceStart seq:
                        Count();
                        _stack.Push(new Frame(new List<object?>(), AnchorName(seq.Anchor)));
                        break;
                    case MappingStart map:
                        Count();
                        _stack.Push(new Frame(new Dictionary<string, object?>(StringComparer.Ordinal), AnchorName(map.Anchor)));
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = _stack.Pop();
                        if (frame.Anchor is not null)
                        {
                            _anchors[frame.Anchor] = frame.Collection;
                        }

                        done = Add(frame.Collection, false, ref root);
                        break;
                    case AnchorAlias alias:
                        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw new GoYamlException($"yaml: unknown anchor '{alias.Value.Value}' referenced");
                        }

                        done = Add(DeepCopy(target), false, ref root);
                        break;
                    case DocumentEnd:
                        done = true;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new GoYamlException(GoMessage(e), e);
        }

        return root;
    }

    /// <summary>Adds a finished value to the open collection, or makes it the root; true when the document is complete.</summary>
    private bool Add(object? value, bool isMergeKey, ref object? root)
    {
        if (_stack.Count == 0)
        {
            root = Land(value);
            return false;
        }

        var frame = _stack.Peek();
        if (frame.Collection is List<object?> list)
        {
            list.Add(Land(value));
            return false;
        }

        var map = (Dictionary<string, object?>)frame.Collection;
        if (!frame.HasKey)
        {
            frame.HasKey = true;
            frame.Key = value;
            frame.KeyIsMerge = isMergeKey;
            return false;
        }

        frame.HasKey = false;
        if (frame.KeyIsMerge)
        {
            Merge(map, value);
        }
        else
        {
            map[KeyString(frame.Key, value)] = Land(value);
        }

        return false;
    }

    /// <summary>A value where it lands: a number becomes the float64 JSON makes of it (JSON has no infinities).</summary>
    private static object? Land(object? value)
    {
        if (value is not KeyText number)
        {
            return value;
        }

        if (double.IsNaN(number.Number) || double.IsInfinity(number.Number))
        {
            throw new GoYamlException($"json: unsupported value: {GoNumberText.FormatG(number.Number)}");
        }

        return number.Number;
    }

    /// <summary>go-yaml's <c>&lt;&lt;</c>: a mapping's entries (or, for a list of mappings, the earlier ones winning) set in place.</summary>
    private static void Merge(Dictionary<string, object?> into, object? source)
    {
        switch (source)
        {
            case Dictionary<string, object?> one:
                foreach (var (k, v) in one)
                {
                    into[k] = v;
                }

                break;
            case List<object?> many:
                for (var i = many.Count - 1; i >= 0; i--)
                {
                    if (many[i] is not Dictionary<string, object?> m)
                    {
                        throw new GoYamlException("yaml: map merge requires map or sequence of maps as the value");
                    }

                    Merge(into, m);
                }

                break;
            default:
                throw new GoYamlException("yaml: map merge requires map or sequence of maps as the value");
        }
    }

    /// <summary>sigs.k8s.io/yaml's key conversion: ints in decimal, floats as float32 'g', booleans as words.</summary>
    private static string KeyString(object? key, object? value) => key switch
    {
        KeyText k => k.Text,
        string s => s,
        bool b => b ? "true" : "false",
        _ => throw new GoYamlException($"unsupported map key of type: {KeyTypeName(key)}, key: {key}, value: {value}"),
    };

    private static string KeyTypeName(object? key) => key switch
    {
        null => "%!s(<nil>)",
        List<object?> => "[]interface {}",
        Dictionary<string, object?> => "map[interface {}]interface {}",
        _ => key.GetType().Name,
    };

    /// <summary>A numeric key keeps the text sigs.k8s.io/yaml makes of it, which depends on go-yaml's int/float type.</summary>
    private sealed record KeyText(string Text, double Number);

    private object? ScalarValue(Scalar scalar)
    {
        Count();
        var tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        if (tag.Length == 0 && scalar.Style is not ScalarStyle.Plain)
        {
            return scalar.Value;
        }

        if (tag.Length == 0 || tag is "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:timestamp")
        {
            var resolved = GoYamlScalars.ResolvePlain(scalar.Value);
            CheckTag(tag, resolved, scalar.Value);
            return resolved.Kind switch
            {
                GoYamlScalars.ScalarKind.Int => NumberOf(resolved.Value, isFloat: tag == "tag:yaml.org,2002:float"),
                GoYamlScalars.ScalarKind.Float => NumberOf(resolved.Value, isFloat: true),
                _ => resolved.Value,
            };
        }

        // !!str, !!binary and any application tag: the text itself.
        return scalar.Value;
    }

    private static void CheckTag(string tag, GoYamlScalars.Resolved resolved, string text)
    {
        var expected = tag switch
        {
            "tag:yaml.org,2002:int" => GoYamlScalars.ScalarKind.Int,
            "tag:yaml.org,2002:float" => GoYamlScalars.ScalarKind.Float,
            "tag:yaml.org,2002:bool" => GoYamlScalars.ScalarKind.Bool,
            "tag:yaml.org,2002:null" => GoYamlScalars.ScalarKind.Null,
            _ => resolved.Kind,
        };
        if (expected != resolved.Kind && !(expected == GoYamlScalars.ScalarKind.Float && resolved.Kind == GoYamlScalars.ScalarKind.Int))
        {
            throw new GoYamlException($"yaml: cannot decode !!{KindTag(resolved.Kind)} `{text}` as a !!{KindTag(expected)}");
        }
    }

    private static string KindTag(GoYamlScalars.ScalarKind kind) => kind switch
    {
        GoYamlScalars.ScalarKind.Int => "int",
        GoYamlScalars.ScalarKind.Float => "float",
        GoYamlScalars.ScalarKind.Bool => "bool",
        GoYamlScalars.ScalarKind.Null => "null",
        _ => "str",
    };

    /// <summary>
    /// A number as a value is a float64 after the JSON round trip; as a key it is text, and the text depends on go-yaml's
    /// type: so numbers travel as <see cref="KeyText"/> until they land, and become doubles as values.
    /// </summary>
    private static KeyText NumberOf(object? parsed, bool isFloat)
    {
        var number = parsed switch
        {
            long l => (double)l,
            ulong u => (double)u,
            double d => d,
            _ => 0d,
        };
        var text = isFloat
            ? GoNumberText.FormatG32(number) switch { "+Inf" => ".inf", "-Inf" => "-.inf", "NaN" => ".nan", var t => t }
            : parsed is ulong u2 ? u2.ToString(System.Globalization.CultureInfo.InvariantCulture) : ((long)(parsed ?? 0L)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new KeyText(text, number);
    }

    private static bool IsMergeKey(Scalar scalar) =>
        scalar.Value == "<<" && ((scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty) || scalar.Tag.Value == "tag:yaml.org,2002:merge");

    private void Remember(AnchorName anchor, object? value)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = value;
        }
    }

    private static string? AnchorName(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private void Count()
    {
        if (++_nodes > NodeBudget)
        {
            throw new GoYamlException("yaml: document contains excessive aliasing");
        }
    }

    /// <summary>go-yaml decodes an alias afresh each time, so every use is its own value (templates may change one).</summary>
    private object? DeepCopy(object? value)
    {
        Count();
        switch (value)
        {
            case Dictionary<string, object?> map:
                var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var (k, v) in map)
                {
                    copy[k] = DeepCopy(v);
                }

                return copy;
            case List<object?> list:
                var items = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    items.Add(DeepCopy(item));
                }

                return items;
            default:
                return value;
        }
    }

    /// <summary>
    /// libyaml's wording (YamlDotNet is a port of it: its message is libyaml's context and problem) and go-yaml's line
    /// quirk: scanner errors name the problem's line, parser errors the line before it (0-based).
    /// </summary>
    private static string GoMessage(YamlException e)
    {
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close >= 0)
        {
            message = message[(close + 3)..];
        }

        if (message.StartsWith("While ", StringComparison.Ordinal))
        {
            var comma = message.IndexOf(", ", StringComparison.Ordinal);
            if (comma >= 0)
            {
                message = message[(comma + 2)..];
            }
        }

        message = message.TrimEnd('.');
        if (message.Length > 0)
        {
            message = char.ToLowerInvariant(message[0]) + message[1..];
        }

        var line = e is SyntaxErrorException ? (int)e.Start.Line : (int)e.Start.Line - 1;
        return line > 0 ? $"yaml: line {line}: {message}" : $"yaml: {message}";
    }
}
