namespace Vixens.Lint.Helm.Functions;

/// <summary>A failure of Go's YAML or JSON handling, with the message Go gives (e.g. <c>error converting YAML to JSON: yaml: line 2: did not find expected key</c>).</summary>
public sealed class GoYamlException : Exception
{
    public GoYamlException(string message)
        : base(message)
    {
    }

    public GoYamlException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoYamlException()
    {
    }
}
