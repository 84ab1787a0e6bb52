using System.Text.RegularExpressions;

namespace Vixens.Lint.Rules.Security;

/// <summary>Names that announce a credential: environment variables, keys of data maps, fields.</summary>
public static partial class SecretFieldNames
{
    /// <summary>
    /// True for <c>DB_PASSWORD</c>, <c>apiKey</c>, <c>NB_AUTH_SECRET</c>; false for names that merely point at a
    /// credential (<c>secretName</c>, <c>AUTH_TOKEN_ENDPOINT</c>, <c>PASSWORD_FILE</c>).
    /// </summary>
    public static bool LooksSecret(string name) => !IsQualifiedKey(name) && Credential().IsMatch(name) && !Pointer().IsMatch(name);

    /// <summary>
    /// Label and annotation keys (<c>secret.reloader.stakater.com/reload</c>) carry a domain prefix; their values name
    /// objects, and blanking them hid ordinary resource names in messages.
    /// </summary>
    private static bool IsQualifiedKey(string name) => name.Contains('/', StringComparison.Ordinal);

    [GeneratedRegex(@"(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth[_-]?key|access[_-]?key)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    [GeneratedRegex(@"(name|names|ref|namespace|location|endpoint|url|uri|file|path|dir|host|port|enabled|user|username|type|mode|length|ttl|expiry|expiration|header|policy|store|issuer)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pointer();
}
