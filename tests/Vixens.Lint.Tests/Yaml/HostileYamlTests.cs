using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Yaml;

/// <summary>Inputs built to exhaust a parser: each must end quickly with a diagnostic, not an exception or a hang.</summary>
public sealed class HostileYamlTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    [CancelAfter(20_000)]
    public void Billion_laughs_fails_fast_with_VX0004()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var (file, elapsed, allocated) = Measure(() => YamlLoader.Parse("/repo/bomb.yaml", text.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics.Single().Id, Is.EqualTo("VX0004"));
            Assert.That(elapsed, Is.LessThan(Bound));
            Assert.That(allocated, Is.LessThan(512L * 1024 * 1024));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public void Deep_nesting_is_refused_with_VX0006()
    {
        var depth = 100_000;
        var text = new string('[', depth) + new string(']', depth);
        var (file, elapsed, _) = Measure(() => YamlLoader.Parse("/repo/deep.yaml", text));
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { "VX0006" }));
            Assert.That(elapsed, Is.LessThan(Bound));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public void Deep_block_nesting_is_refused_with_VX0006()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var (file, elapsed, _) = Measure(() => YamlLoader.Parse("/repo/deep-block.yaml", text.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { "VX0006" }));
            Assert.That(elapsed, Is.LessThan(Bound));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void A_50_MB_file_is_refused_by_size_without_being_read_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vixens-huge-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                var line = Encoding.UTF8.GetBytes("key: value-value-value-value-value-value-value\n");
                for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
                {
                    stream.Write(line);
                }
            }

            var (file, elapsed, allocated) = Measure(() => YamlLoader.LoadFile(path));
            Assert.Multiple(() =>
            {
                Assert.That(file.Diagnostics.Single().Id, Is.EqualTo("VX0007"));
                Assert.That(elapsed, Is.LessThan(Bound));
                Assert.That(allocated, Is.LessThan(16L * 1024 * 1024));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public void A_large_file_under_the_limit_parses_in_bounded_time()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Append('k').Append(i).Append(": value\n");
        }

        var (file, elapsed, _) = Measure(() => YamlLoader.Parse("/repo/large.yaml", text.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics, Is.Empty);
            Assert.That(((YamlMapping)file.Documents[0].Root!).Count, Is.EqualTo(200_000));
            Assert.That(elapsed, Is.LessThan(Bound));
        });
    }

    [Test]
    public void Invalid_utf8_in_a_file_on_disk_is_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vixens-bad-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllBytes(path, [0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]);
            var file = YamlLoader.LoadFile(path);
            Assert.That(file.Diagnostics.Single().Id, Is.EqualTo("VX0005"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (YamlFile File, TimeSpan Elapsed, long Allocated) Measure(Func<YamlFile> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var file = action();
        return (file, stopwatch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
