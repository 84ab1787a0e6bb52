using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Yaml;

/// <summary>
/// Every valid case of the YAML test suite that holds a literal or folded block scalar (Fixtures/yaml-test-suite, MIT):
/// the values of our tree's block scalars, in document order, must equal the suite's expected values (from its event
/// stream, aliases expanded as our tree expands them). Cases not read at all (a YamlDotNet syntax error, or a complex key
/// our tree refuses) are inconclusive, and counted.
/// </summary>
public sealed class BlockScalarSuiteTests
{
    /// <summary>The number of suite cases committed; a smaller number means the data went missing.</summary>
    private const int ExpectedCases = 62;

    /// <summary>
    /// Cases where YamlDotNet reads a different value and our tree cannot correct it. A case that starts agreeing fails,
    /// so that this list only ever holds real differences.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDefects = new(StringComparer.Ordinal)
    {
        ["JEF9-02"] = "a keep (|+) scalar whose only line is spaces at the end of the input reads as \"\" instead of \"\\n\"; "
            + "with the final line break added (JEF9-01) YamlDotNet rejects the text, so the loader cannot add it",
    };

    private static string Root => Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "yaml-test-suite", "cases");

    public static IEnumerable<TestCaseData> Cases()
    {
        if (!Directory.Exists(Root))
        {
            yield return new TestCaseData("(missing)").SetName("yaml-test-suite data is missing");
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(dir);
            yield return new TestCaseData(id).SetName($"yaml-suite {id}: {File.ReadAllText(Path.Combine(dir, "title.txt")).Trim()}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Block_scalar_values_equal_the_suite(string id)
    {
        var outcome = Evaluate(Path.Combine(Root, id));
        if (KnownDefects.TryGetValue(id, out var defect))
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Differs), "a known defect now agrees with the suite: remove it from KnownDefects");
            Assert.Inconclusive("Known YamlDotNet defect: " + defect);
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotParsed:
                Assert.Inconclusive("Not read: " + outcome.Detail);
                break;
            case OutcomeKind.Differs:
                Assert.Fail(outcome.Detail);
                break;
        }
    }

    [Test]
    public void The_suite_data_is_complete_and_every_parsed_case_agrees()
    {
        Assert.That(Directory.Exists(Root), Is.True, "yaml-test-suite data is missing: " + Root);
        var outcomes = Directory.GetDirectories(Root).ToDictionary(d => Path.GetFileName(d), Evaluate, StringComparer.Ordinal);
        var parsed = outcomes.Values.Count(o => o.Kind != OutcomeKind.NotParsed);
        var agree = outcomes.Values.Count(o => o.Kind == OutcomeKind.Agrees);
        var scalars = outcomes.Values.Where(o => o.Kind == OutcomeKind.Agrees).Sum(o => o.Scalars);
        var differing = outcomes.Where(o => o.Value.Kind == OutcomeKind.Differs).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        TestContext.Out.WriteLine($"{outcomes.Count} suite cases with block scalars; {parsed} read; {agree} agree ({scalars} block scalars); differing: {string.Join(", ", differing)}");
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.Count.EqualTo(ExpectedCases));
            Assert.That(differing, Is.EquivalentTo(KnownDefects.Keys));
            Assert.That(parsed, Is.GreaterThanOrEqualTo(58), "fewer suite cases are read than when this test was written");
        });
    }

    private enum OutcomeKind
    {
        Agrees,
        Differs,
        NotParsed,
    }

    private sealed record Outcome(OutcomeKind Kind, string Detail, int Scalars);

    private static Outcome Evaluate(string dir)
    {
        var expected = ExpectedBlockScalars(File.ReadAllLines(Path.Combine(dir, "test.event")));
        var file = YamlLoader.Parse(Path.Combine(dir, "in.yaml"), File.ReadAllText(Path.Combine(dir, "in.yaml")));
        var error = file.Diagnostics.FirstOrDefault(d => d.Severity == Vixens.Lint.Diagnostics.Severity.Error);
        if (error is not null)
        {
            return new Outcome(OutcomeKind.NotParsed, error.Message, 0);
        }

        var actual = new List<string>();
        foreach (var doc in file.Documents)
        {
            Collect(doc.Root, actual);
        }

        if (actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return new Outcome(OutcomeKind.Agrees, string.Empty, expected.Count);
        }

        var detail = new StringBuilder($"{Path.GetFileName(dir)}: block scalars differ from the suite\n");
        for (var i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            var a = i < actual.Count ? Escape(actual[i]) : "(none)";
            var e = i < expected.Count ? Escape(expected[i]) : "(none)";
            detail.Append(a == e ? "  same " : "  DIFF ").Append("ours ").Append(a).Append(" | suite ").Append(e).Append('\n');
        }

        return new Outcome(OutcomeKind.Differs, detail.ToString(), expected.Count);
    }

    /// <summary>Block scalars of our tree in document order (keys before values), as the event stream lists them.</summary>
    private static void Collect(YamlNode? node, List<string> into)
    {
        switch (node)
        {
            case YamlScalar { Style: ScalarStyle.Literal or ScalarStyle.Folded } scalar:
                into.Add(scalar.Value);
                break;
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    Collect(entry.Key, into);
                    Collect(entry.Value, into);
                }

                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    Collect(item, into);
                }

                break;
        }
    }

    /// <summary>
    /// The values of <c>=VAL |…</c> and <c>=VAL &gt;…</c> events. An alias (<c>=ALI *a</c>) repeats the block scalars of the
    /// node anchored <c>&amp;a</c>, since our tree expands aliases into copies.
    /// </summary>
    private static List<string> ExpectedBlockScalars(IEnumerable<string> events)
    {
        var result = new List<string>();
        var anchors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, int Start)>();
        foreach (var line in events)
        {
            var fields = line.Split(' ', 2);
            var rest = fields.Length > 1 ? fields[1] : string.Empty;
            switch (fields[0])
            {
                case "+MAP" or "+SEQ":
                    open.Push((AnchorOf(rest), result.Count));
                    break;
                case "-MAP" or "-SEQ":
                    var (anchor, start) = open.Pop();
                    if (anchor is not null)
                    {
                        anchors[anchor] = result.GetRange(start, result.Count - start);
                    }

                    break;
                case "=VAL":
                    var valAnchor = AnchorOf(rest);
                    var text = StripProperties(rest);
                    var isBlock = text.Length > 0 && text[0] is '|' or '>';
                    var values = isBlock ? new List<string> { Unescape(text[1..]) } : [];
                    result.AddRange(values);
                    if (valAnchor is not null)
                    {
                        anchors[valAnchor] = values;
                    }

                    break;
                case "=ALI":
                    if (anchors.TryGetValue(rest.TrimStart('*'), out var repeated))
                    {
                        result.AddRange(repeated);
                    }

                    break;
            }
        }

        return result;
    }

    private static string? AnchorOf(string properties)
    {
        foreach (var part in properties.Split(' '))
        {
            if (part.StartsWith('&'))
            {
                return part[1..];
            }

            if (part.Length > 0 && part[0] is not '<' and not '{' and not '[')
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Drops <c>&amp;anchor</c> and <c>&lt;tag&gt;</c> properties in front of a value.</summary>
    private static string StripProperties(string rest)
    {
        while (rest.Length > 0 && (rest[0] == '&' || rest[0] == '<'))
        {
            var end = rest[0] == '<' ? rest.IndexOf("> ", StringComparison.Ordinal) + 1 : rest.IndexOf(' ', StringComparison.Ordinal);
            rest = end <= 0 ? string.Empty : rest[(end + 1)..];
        }

        return rest;
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                sb.Append(text[i]);
                continue;
            }

            i++;
            sb.Append(text[i] switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                '0' => '\0',
                _ => text[i],
            });
        }

        return sb.ToString();
    }

    private static string Escape(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
