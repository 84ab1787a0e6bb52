using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>A probe's timing fields with the kubelet's defaults (period 10 s, timeout 1 s, failureThreshold 3, initialDelay 0).</summary>
internal sealed record ProbeSettings(YamlMapping Node, int InitialDelaySeconds, int PeriodSeconds, int TimeoutSeconds, int FailureThreshold)
{
    public static readonly string[] Handlers = ["httpGet", "tcpSocket", "exec", "grpc"];

    public static ProbeSettings Read(YamlMapping probe) => new(
        probe,
        Int(probe, "initialDelaySeconds", 0),
        Int(probe, "periodSeconds", 10),
        Int(probe, "timeoutSeconds", 1),
        Int(probe, "failureThreshold", 3));

    /// <summary>The handler entry (<c>httpGet: …</c>), if any.</summary>
    public YamlEntry? Handler => Handlers.Select(h => Node.GetEntry(h)).FirstOrDefault(e => e is not null);

    /// <summary>Seconds before the kubelet gives up on a container that never answers.</summary>
    public int SecondsBeforeFailure => InitialDelaySeconds + (FailureThreshold * PeriodSeconds);

    /// <summary>A set, numeric field's value (0 or absent means the default, as the API server defaults it).</summary>
    private static int Int(YamlMapping probe, string key, int fallback) =>
        probe.GetScalar(key) is { } scalar && scalar.TryGetInt64(out var value) && value > 0 && value <= int.MaxValue ? (int)value : fallback;
}

/// <summary>Structural equality of YAML values (keys in any order, scalars by text).</summary>
internal static class YamlEquality
{
    public static bool AreEqual(YamlNode? left, YamlNode? right) => (left, right) switch
    {
        (null, null) => true,
        (YamlScalar a, YamlScalar b) => a.Value == b.Value,
        (YamlSequence a, YamlSequence b) => a.Count == b.Count && a.Items.Zip(b.Items).All(p => AreEqual(p.First, p.Second)),
        (YamlMapping a, YamlMapping b) => a.Count == b.Count && a.Entries.All(e => b.TryGetValue(e.Key.Value, out var other) && AreEqual(e.Value, other)),
        _ => false,
    };

    /// <summary>A short rendering for messages: <c>httpGet /healthz:7979</c>, <c>exec [cat, /tmp/ready]</c>.</summary>
    public static string Describe(YamlEntry handler)
    {
        switch (handler.Key.Value)
        {
            case "httpGet" when handler.Value is YamlMapping http:
                return $"httpGet {http.GetString("path") ?? "/"} on port {http.GetString("port") ?? "?"}";
            case "grpc" when handler.Value is YamlMapping grpc:
                return $"grpc on port {grpc.GetString("port") ?? "?"}";
            case "exec" when handler.Value is YamlMapping exec:
                var command = exec.GetSequence("command")?.Items.OfType<YamlScalar>().Select(s => s.Value) ?? [];
                var text = string.Join(' ', command);
                return "exec \"" + (text.Length > 60 ? text[..57] + "..." : text) + "\"";
            default:
                return handler.Key.Value;
        }
    }
}
