namespace Vixens.Lint.Helm.Rendering;

/// <summary>One YAML document of a rendered template, with what Helm reads of its head.</summary>
/// <param name="Path">The template name it came from (<c>mychart/templates/a.yaml</c>), printed in <c># Source:</c>.</param>
/// <param name="Content">The document text, trimmed.</param>
/// <param name="Kind">Its <c>kind</c> (empty when absent).</param>
/// <param name="HookEvents">Its <c>helm.sh/hook</c> events when it is a hook, else null.</param>
public sealed record Manifest(string Path, string Content, string Kind, IReadOnlyList<string>? HookEvents)
{
    /// <summary>Whether this is a test hook (<c>test</c> or <c>test-success</c>), which <c>--skip-tests</c> drops.</summary>
    public bool IsTestHook => HookEvents?.Contains("test") == true;
}
