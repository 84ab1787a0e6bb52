using System.Diagnostics;
using System.IO.Compression;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Report;

/// <summary>
/// The HTML maturity report rendered by a real headless browser (Debian's chromium, installed by .ci/run): the
/// screenshot must show a page with content, not a blank one.
/// </summary>
[NonParallelizable]
[Category("browser")]
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public void Html_report_renders_in_headless_chromium()
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("chromium is not installed; .ci/run installs it");
            }

            Assert.Ignore("chromium is not installed here (.ci/run installs it in CI)");
        }

        var directory = Path.Combine(Path.GetTempPath(), "vixens-html-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var html = Path.Combine(directory, "report.html");
            var (exitCode, _, stderr) = CliRunner.Run("report", "samples/homelab", "--format", "html", "--output", html);
            Assert.That(exitCode, Is.EqualTo(0), stderr);
            // Self-contained: no script, stylesheet or image is loaded from anywhere (the SVG namespace URI is only a name).
            Assert.That(File.ReadAllText(html), Does.Not.Match("(src|href)=\"(https?:)?//"), "self-contained");

            var blank = Path.Combine(directory, "blank.html");
            File.WriteAllText(blank, "<html><body></body></html>");
            var reportShot = Screenshot(html, Path.Combine(TestContext.CurrentContext.WorkDirectory, "maturity-report.png"));
            var blankShot = Screenshot(blank, Path.Combine(directory, "blank.png"));

            var reportColours = DistinctRowSignatures(reportShot);
            var blankColours = DistinctRowSignatures(blankShot);
            TestContext.Out.WriteLine($"screenshot {reportShot}: {new FileInfo(reportShot).Length} bytes, {reportColours} distinct rows (blank page: {blankColours})");
            Assert.Multiple(() =>
            {
                Assert.That(new FileInfo(reportShot).Length, Is.GreaterThan(new FileInfo(blankShot).Length * 3), "the report draws much more than a blank page");
                Assert.That(reportColours, Is.GreaterThan(blankColours + 20), "many different pixel rows: text, table, chart");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Screenshot(string page, string png)
    {
        var profile = Path.Combine(Path.GetTempPath(), "vixens-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}",
            "--window-size=1280,1000", $"--screenshot={png}", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(60_000), Is.True, "chromium finished");
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // The profile folder is scratch space.
        }

        Assert.That(File.Exists(png), Is.True, "chromium wrote the screenshot");
        return png;
    }

    /// <summary>Decodes the PNG's image data and counts distinct scanlines: a blank page has one, a real page hundreds.</summary>
    private static int DistinctRowSignatures(string png)
    {
        var bytes = File.ReadAllBytes(png);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= bytes.Length;)
        {
            var length = (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            if (type == "IHDR")
            {
                width = (bytes[offset + 8] << 24) | (bytes[offset + 9] << 16) | (bytes[offset + 10] << 8) | bytes[offset + 11];
                height = (bytes[offset + 12] << 24) | (bytes[offset + 13] << 16) | (bytes[offset + 14] << 8) | bytes[offset + 15];
            }
            else if (type == "IDAT")
            {
                idat.Write(bytes, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var data = raw.ToArray();
        var stride = height == 0 ? 0 : data.Length / height;
        var signatures = new HashSet<string>();
        for (var row = 0; row < height && stride > 0; row++)
        {
            // Filter bytes differ per row; the hash of the filtered row still tells identical rows from different ones.
            signatures.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data.AsSpan(row * stride, stride))));
        }

        return width > 0 ? signatures.Count : 0;
    }
}
