using NUnit.Framework;

namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>
/// Approval testing with committed files: <c>Approved/&lt;name&gt;.approved.&lt;ext&gt;</c>. A difference (or a missing file)
/// writes <c>.received.</c> beside it and fails; nothing is ever approved automatically, so CI cannot pass by writing.
/// </summary>
internal static class ApprovedFile
{
    public static void Verify(string name, string actual, string extension = "txt")
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Approved");
        var approved = Path.Combine(directory, $"{name}.approved.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (File.Exists(approved) && File.ReadAllText(approved) == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(approved)
            ? $"Output differs from {approved}. Review {received} and rename it to approve."
            : $"No approved file {approved}. Review {received} and rename it to approve.");
    }
}
