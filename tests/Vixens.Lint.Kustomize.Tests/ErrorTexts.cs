namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// ErrorTexts.txt: for each error variant, the part of kustomize's error text our diagnostic must repeat
/// (<c>variant TAB contains TAB text</c>), or why our wording is our own (<c>variant TAB own TAB reason</c>). Every
/// error variant needs a line, so a new case cannot slip through on "it failed somehow".
/// </summary>
internal static class ErrorTexts
{
    private static readonly Lazy<Dictionary<string, (string Kind, string Value)>> Table = new(() =>
        TabFile.Read("ErrorTexts.txt", 3).ToDictionary(f => f[0], f => (f[1], f[2]), StringComparer.Ordinal));

    public static IEnumerable<string> Names => Table.Value.Keys;

    public static ConformanceTests.Outcome Check(ConformanceVariant variant, string expectedError, IEnumerable<string> messages)
    {
        if (!Table.Value.TryGetValue(variant.Name, out var entry))
        {
            return new ConformanceTests.Outcome(false, "ErrorTexts.txt has no line for this error case; kustomize says: " + expectedError);
        }

        if (entry.Kind == "own")
        {
            return new ConformanceTests.Outcome(true, null);
        }

        if (entry.Kind != "contains")
        {
            throw new InvalidOperationException($"ErrorTexts.txt, {variant.Name}: unknown kind '{entry.Kind}' (contains or own)");
        }

        if (!variant.Case.ErrorTextStable)
        {
            return new ConformanceTests.Outcome(false, "kustomize's text for this case is not stable (meta.error_text_stable: false); use 'own'");
        }

        if (!expectedError.Contains(entry.Value, StringComparison.Ordinal))
        {
            return new ConformanceTests.Outcome(false, $"ErrorTexts.txt: '{entry.Value}' is not in kustomize's text: {expectedError}");
        }

        var all = messages.ToList();
        return all.Any(m => m.Contains(entry.Value, StringComparison.Ordinal))
            ? new ConformanceTests.Outcome(true, null)
            : new ConformanceTests.Outcome(false, $"no diagnostic says '{entry.Value}' as kustomize does; ours: {string.Join(" | ", all)}");
    }
}
