namespace Vixens.Lint.Fuzz;

/// <summary>The product returned without throwing, but its output breaks a promise it makes (e.g. a position outside the text).</summary>
internal sealed class InvariantViolationException : Exception
{
    public InvariantViolationException(string message)
        : base(message)
    {
    }

    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
