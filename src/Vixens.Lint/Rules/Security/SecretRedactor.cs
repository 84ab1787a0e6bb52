using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Security;

/// <summary>
/// The last line of defence for secret values: collects every value that may be a credential (Secret data and
/// stringData, scalars under credential-like keys) and blanks any occurrence of one in a diagnostic's message, whatever
/// stage produced it (schema messages quote values, kustomize errors quote generator inputs…).
/// </summary>
public sealed class SecretRedactor
{
    public const string Placeholder = "<redacted>";

    /// <summary>Shorter values are too likely to be ordinary words ("true", "80") to be worth blanking.</summary>
    private const int MinimumLength = 6;

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public void Collect(KubeResource resource)
    {
        var isSecret = resource.Kind == "Secret" && resource.Group.Length == 0;
        if (isSecret)
        {
            foreach (var field in new[] { "data", "stringData" })
            {
                foreach (var entry in resource.Root.GetMapping(field)?.Entries ?? [])
                {
                    AddValue(entry.Value);
                }
            }
        }

        foreach (var node in resource.Root.DescendantsAndSelf())
        {
            if (node is not YamlMapping mapping)
            {
                continue;
            }

            foreach (var entry in mapping.Entries)
            {
                if (SecretFieldNames.LooksSecret(entry.Key.Value))
                {
                    AddValue(entry.Value);
                }
            }

            // env entries: {name: DB_PASSWORD, value: ...}
            if (mapping.GetString("name") is { } name && SecretFieldNames.LooksSecret(name) && mapping["value"] is { } value)
            {
                AddValue(value);
            }
        }
    }

    public Diagnostic Redact(Diagnostic diagnostic)
    {
        var message = diagnostic.Message;
        foreach (var value in _values)
        {
            if (message.Contains(value, StringComparison.Ordinal))
            {
                message = message.Replace(value, Placeholder, StringComparison.Ordinal);
            }
        }

        return ReferenceEquals(message, diagnostic.Message) || message == diagnostic.Message
            ? diagnostic
            : new Diagnostic(diagnostic.Descriptor, diagnostic.Location, message, diagnostic.Severity, diagnostic.RelatedLocations, diagnostic.Properties) { Suppression = diagnostic.Suppression };
    }

    private void AddValue(YamlNode node)
    {
        if (node is YamlScalar { IsNull: false } scalar && scalar.Value.Length >= MinimumLength)
        {
            _values.Add(scalar.Value);
            // A base64 value may appear decoded in a message, and a decoded one encoded.
            if (TryDecodeBase64(scalar.Value) is { Length: >= MinimumLength } decoded)
            {
                _values.Add(decoded);
            }
        }
    }

    private static string? TryDecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? System.Text.Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
