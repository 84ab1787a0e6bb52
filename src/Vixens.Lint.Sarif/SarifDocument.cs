namespace Vixens.Lint.Sarif;

/// <summary>A rendered SARIF file: its bytes, how many results it holds, and how many were left out above the limit.</summary>
public sealed record SarifDocument(byte[] Utf8, int ResultCount, int OmittedResultCount);
