using System.Text;
using CsCheck;
using NUnit.Framework;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Properties;

/// <summary>
/// Property tests of the loader: random block-style documents are written out while recording where each scalar is
/// placed; parsing them back must find every scalar, with its value, at exactly that line and column.
/// </summary>
public sealed class YamlPositionProperties
{
    private abstract record Tree;

    private sealed record Leaf(string Value) : Tree;

    private sealed record Map(IReadOnlyList<(string Key, Tree Value)> Entries) : Tree;

    private sealed record Seq(IReadOnlyList<Tree> Items) : Tree;

    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 8].Select(s => "k" + s);

    private static readonly Gen<Tree> LeafGen = Word.Select(w => (Tree)new Leaf(w));

    private static Gen<Tree> TreeGen(int depth) => depth == 0
        ? LeafGen
        : Gen.Frequency(
            (2, LeafGen),
            (2, Gen.Select(Word, TreeGen(depth - 1)).Array[1, 4].Select(entries => (Tree)new Map(entries.DistinctBy(e => e.Item1).ToList()))),
            (1, TreeGen(depth - 1).Array[1, 4].Select(items => (Tree)new Seq(items))));

    private static readonly Gen<Map> DocumentGen = Gen.Select(Word, TreeGen(3)).Array[1, 5].Select(e => new Map(e.DistinctBy(x => x.Item1).ToList()));

    [Test]
    public void Every_scalar_is_found_where_it_was_written()
    {
        DocumentGen.Array[1, 3].Sample(documents =>
        {
            var writer = new PositionedWriter();
            foreach (var document in documents)
            {
                writer.Document(document);
            }

            var file = YamlLoader.Parse("/prop.yaml", writer.Text);
            Assert.That(file.Diagnostics, Is.Empty, writer.Text);
            var found = file.Documents.SelectMany(d => d.Root!.DescendantsAndSelf()).OfType<YamlScalar>()
                .Select(s => (s.Value, s.Span.StartLine, s.Span.StartColumn)).ToList();
            Assert.That(found, Is.EqualTo(writer.Expected), writer.Text);
        }, iter: 300);
    }

    [Test]
    public void Loader_never_throws_on_arbitrary_text()
    {
        Gen.String[Gen.Char["ab: -[]{}\n\t'\"&*!|>#%@`,?\\"], 0, 200].Sample(text =>
        {
            Assert.DoesNotThrow(() => YamlLoader.Parse("/fuzz.yaml", text));
        }, iter: 2_000);
    }

    /// <summary>Writes block YAML (two-space indents, sequences indented under their key) and records scalar positions in document order.</summary>
    private sealed class PositionedWriter
    {
        private readonly StringBuilder _text = new();
        private int _line = 1;

        public List<(string Value, int Line, int Column)> Expected { get; } = [];

        public string Text => _text.ToString();

        public void Document(Map map)
        {
            Append("---");
            NewLine();
            WriteMap(map, 0);
        }

        private void WriteMap(Map map, int indent)
        {
            foreach (var (key, value) in map.Entries)
            {
                Append(new string(' ', indent));
                Expected.Add((key, _line, indent + 1));
                Append(key + ":");
                WriteValue(value, indent);
            }
        }

        private void WriteSeq(Seq seq, int indent)
        {
            foreach (var item in seq.Items)
            {
                Append(new string(' ', indent) + "-");
                switch (item)
                {
                    case Leaf leaf:
                        Expected.Add((leaf.Value, _line, indent + 3));
                        Append(" " + leaf.Value);
                        NewLine();
                        break;
                    default:
                        NewLine();
                        WriteNested(item, indent + 2);
                        break;
                }
            }
        }

        private void WriteValue(Tree value, int indent)
        {
            if (value is Leaf leaf)
            {
                Expected.Add((leaf.Value, _line, CurrentColumn() + 1));
                Append(" " + leaf.Value);
                NewLine();
                return;
            }

            NewLine();
            WriteNested(value, indent + 2);
        }

        private void WriteNested(Tree value, int indent)
        {
            switch (value)
            {
                case Map map:
                    WriteMap(map, indent);
                    break;
                case Seq seq:
                    WriteSeq(seq, indent);
                    break;
                case Leaf leaf:
                    Append(new string(' ', indent));
                    Expected.Add((leaf.Value, _line, indent + 1));
                    Append(leaf.Value);
                    NewLine();
                    break;
            }
        }

        private int CurrentColumn()
        {
            var lastNewline = _text.ToString().LastIndexOf('\n');
            return _text.Length - lastNewline;
        }

        private void Append(string text) => _text.Append(text);

        private void NewLine()
        {
            _text.Append('\n');
            _line++;
        }
    }
}
