using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Hostile;

/// <summary>
/// Files built to break a YAML reader: too large, too many lines, other encodings, binary bytes. Large inputs are
/// generated here, in a temporary directory, never committed.
/// </summary>
[NonParallelizable]
public sealed class HostileFileTests
{
    private const string Deployment =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u16\ndata:\n  a: b\n---\n" +
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: nginx:latest\n";

    [Test]
    public void Hundred_megabyte_file_is_refused_by_the_size_limit_before_being_read()
    {
        using var repo = new TempRepository();
        var path = repo.Write("huge.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  a: |\n");
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Sparse: the size is what the limit checks, and writing 100 MB would only slow the test down.
            file.SetLength(100L * 1024 * 1024);
        }

        var result = HostileRun.AssertEndsCleanly(nameof(Hundred_megabyte_file_is_refused_by_the_size_limit_before_being_read), repo.Root, "huge.yaml(1,1)");
        Assert.Multiple(() =>
        {
            Assert.That(result.Stdout, Does.Contain("error VX0007"));
            // Reading the file whole would take at least 100 MB; the check needs a fraction of that.
            Assert.That(result.PeakRssBytes, Is.LessThan(96L * 1024 * 1024), "the file was read: " + result);
        });
    }

    [Test]
    public void Million_line_block_scalar_is_parsed_in_bounded_time()
    {
        using var repo = new TempRepository();
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: big\ndata:\n  lines: |\n", 6_100_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            text.Append("    x\n");
        }

        repo.Write("million-lines.yaml", text.ToString());
        var result = HostileRun.AssertEndsCleanly(nameof(Million_line_block_scalar_is_parsed_in_bounded_time), repo.Root, "million-lines.yaml");
        Assert.That(result.Stdout, Does.Contain("error VX1020"), "parsed to the end: the missing name is found");
    }

    [Test]
    public void Million_item_list_is_parsed_in_bounded_time()
    {
        using var repo = new TempRepository();
        var text = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n", 4_100_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            text.Append("- a\n");
        }

        repo.Write("million-items.yaml", text.ToString());
        var result = HostileRun.AssertEndsCleanly(nameof(Million_item_list_is_parsed_in_bounded_time), repo.Root, "million-items.yaml");
        Assert.That(result.Stdout, Does.Contain("error VX1020"));
    }

    [TestCase("utf-16le", false)]
    [TestCase("utf-16be", true)]
    public void Utf16_file_with_a_byte_order_mark_is_analysed_with_correct_lines(string name, bool bigEndian)
    {
        using var repo = new TempRepository();
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        File.WriteAllBytes(repo.PathOf(name + ".yaml"), [.. encoding.GetPreamble(), .. encoding.GetBytes(Deployment)]);
        var result = HostileRun.AssertEndsCleanly("Utf16_" + name, repo.Root, name + ".yaml");
        // Line 17, column 18 is where the image value starts, as in the same text saved as UTF-8.
        Assert.That(result.Stdout, Does.Contain(name + ".yaml(17,18): error VX4001"));
    }

    [Test]
    public void Nul_byte_in_the_middle_of_a_file_is_reported_at_its_position()
    {
        using var repo = new TempRepository();
        File.WriteAllBytes(repo.PathOf("binary.yaml"), [.. "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  na"u8, 0, .. "me: x\n"u8]);
        var result = HostileRun.AssertEndsCleanly(nameof(Nul_byte_in_the_middle_of_a_file_is_reported_at_its_position), repo.Root, "binary.yaml");
        Assert.That(result.Stdout, Does.Contain("binary.yaml(4,5): error VX0005"));
    }

    [Test]
    public void Invalid_utf8_is_reported_at_its_position()
    {
        using var repo = new TempRepository();
        File.WriteAllBytes(repo.PathOf("latin1.yaml"), [.. "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "u8, 0xC3, 0x28, .. "x\n"u8]);
        var result = HostileRun.AssertEndsCleanly(nameof(Invalid_utf8_is_reported_at_its_position), repo.Root, "latin1.yaml");
        Assert.That(result.Stdout, Does.Contain("latin1.yaml(4,9): error VX0005"));
    }
}
