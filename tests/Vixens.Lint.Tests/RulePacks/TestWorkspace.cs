using Vixens.Lint.Analysis;
using Vixens.Lint.Rules;
using Vixens.Lint.Configuration;

namespace Vixens.Lint.Tests.RulePacks;

/// <summary>A throw-away directory with files, analysed with the real engine.</summary>
internal sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "vxlint-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public LintResult Lint(RuleCatalog? catalog = null, LintSettings? settings = null, string? baseline = null) =>
        LintEngine.Run(new LintRequest(Root)
        {
            RepositoryRoot = Root,
            Catalog = catalog ?? Vixens.Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn,
            Settings = settings ?? LintSettings.Default,
            BaselinePath = baseline,
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
