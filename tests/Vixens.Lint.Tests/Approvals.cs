using NUnit.Framework;
using System.Text;

namespace Vixens.Lint.Tests;

/// <summary>
/// Approved-file (golden) testing. The approved file lives in <c>tests/Vixens.Lint.Tests/Approved/</c> and is committed.
/// When it is missing or differs, the actual text is written beside it as <c>&lt;name&gt;.received.&lt;ext&gt;</c> and the test
/// fails; nothing is ever approved automatically: review the received file and rename it to approve it.
/// </summary>
internal static class Approvals
{
    public static string Directory => Path.Combine(TestPaths.TestProjectDirectory, "Approved");

    public static void Verify(string name, string extension, string actual)
    {
        var approvedPath = Path.Combine(Directory, $"{name}.approved.{extension}");
        var receivedPath = Path.Combine(Directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (File.Exists(approvedPath))
        {
            var approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (approved == actual)
            {
                File.Delete(receivedPath);
                return;
            }

            WriteReceived(receivedPath, actual);
            Assert.Fail($"{name} differs from the approved file.\n  approved: {approvedPath}\n  received: {receivedPath}\n" +
                        "Compare them; if the change is intended, replace the approved file with the received one.\n" + FirstDifference(approved, actual));
        }

        WriteReceived(receivedPath, actual);
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.Fail($"No approved file for {name}{(ci ? " (CI)" : string.Empty)}. Review {receivedPath} and rename it to {Path.GetFileName(approvedPath)} to approve it.");
    }

    private static void WriteReceived(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  approved: {left}\n  received: {right}";
            }
        }

        return string.Empty;
    }
}
