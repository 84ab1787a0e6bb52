using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// The parts of Go's net/url that Sprig's <c>urlParse</c> and <c>urlJoin</c> use: splitting a URL into scheme,
/// userinfo, host, path, query and fragment (path and fragment unescaped), and printing one back with Go's escaping.
/// </summary>
internal static class GoUrl
{
    public static Dictionary<string, object?> Parse(string raw)
    {
        var rest = raw;
        var fragment = string.Empty;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = Unescape(rest[(hash + 1)..], raw);
            rest = rest[..hash];
        }

        var scheme = string.Empty;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }
        else if (colon == 0)
        {
            throw new GoFunctionException($"unable to parse url: parse \"{raw}\": missing protocol scheme");
        }

        var query = string.Empty;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var opaque = string.Empty;
        var host = string.Empty;
        var userinfo = string.Empty;
        if (scheme.Length > 0 && !rest.StartsWith('/'))
        {
            opaque = rest;
            rest = string.Empty;
        }
        else if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            rest = slash >= 0 ? authority[slash..] : string.Empty;
            authority = slash >= 0 ? authority[..slash] : authority;
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                userinfo = authority[..at];
                authority = authority[(at + 1)..];
            }

            host = authority;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = scheme,
            ["host"] = host,
            ["hostname"] = Hostname(host),
            ["path"] = Unescape(rest, raw),
            ["query"] = query,
            ["opaque"] = opaque,
            ["fragment"] = fragment,
            ["userinfo"] = userinfo,
        };
    }

    public static string Join(Dictionary<string, object?> parts)
    {
        string Part(string key) => parts.TryGetValue(key, out var v) && v is not null ? SprigValues.Strval(v) : string.Empty;
        var scheme = Part("scheme");
        var host = Part("host");
        var path = Part("path");
        var query = Part("query");
        var opaque = Part("opaque");
        var fragment = Part("fragment");
        var userinfo = Part("userinfo");
        var sb = new StringBuilder();
        if (scheme.Length > 0)
        {
            sb.Append(scheme).Append(':');
        }

        if (opaque.Length > 0)
        {
            sb.Append(opaque);
        }
        else
        {
            if (scheme.Length > 0 || host.Length > 0 || userinfo.Length > 0)
            {
                if (host.Length > 0 || path.Length > 0 || userinfo.Length > 0)
                {
                    sb.Append("//");
                }

                if (userinfo.Length > 0)
                {
                    sb.Append(userinfo).Append('@');
                }

                sb.Append(host);
            }

            if (path.Length > 0 && path[0] != '/' && host.Length > 0)
            {
                sb.Append('/');
            }

            sb.Append(Escape(path, "$&+,/:;=@"));
        }

        if (query.Length > 0)
        {
            sb.Append('?').Append(query);
        }

        if (fragment.Length > 0)
        {
            sb.Append('#').Append(Escape(fragment, "$&+,/:;=@?!()*"));
        }

        return sb.ToString();
    }

    private static string Hostname(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host[1..];
        }

        var colon = host.LastIndexOf(':');
        return colon >= 0 ? host[..colon] : host;
    }

    private static string Unescape(string s, string raw)
    {
        if (!s.Contains('%', StringComparison.Ordinal))
        {
            return s;
        }

        var bytes = new List<byte>();
        var src = GoBytes.Of(s);
        for (var i = 0; i < src.Length; i++)
        {
            if (src[i] == '%')
            {
                if (i + 2 >= src.Length || !Uri.IsHexDigit((char)src[i + 1]) || !Uri.IsHexDigit((char)src[i + 2]))
                {
                    var bad = Encoding.Latin1.GetString(src, i, Math.Min(3, src.Length - i));
                    throw new GoFunctionException($"unable to parse url: parse \"{raw}\": invalid URL escape \"{bad}\"");
                }

                bytes.Add(Convert.ToByte(Encoding.Latin1.GetString(src, i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(src[i]);
            }
        }

        return GoBytes.ToText([.. bytes]);
    }

    private static string Escape(string s, string allowed)
    {
        var sb = new StringBuilder();
        foreach (var b in GoBytes.Of(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (b < 0x80 && allowed.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
