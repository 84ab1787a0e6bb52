using SharpFuzz;
using Vixens.Lint.Fuzz;

// Under afl-fuzz (fuzz.sh) the process stays alive and SharpFuzz feeds it one input per execution through stdin; an
// exception escaping the target is reported to AFL as a crash. Given files, it replays them once each (triage,
// reproducing a finding without AFL) and exits 1 if any of them fails.
var targets = FuzzTargets.All.ToDictionary(t => t.Name, StringComparer.Ordinal);
if (args.Length == 0 || !targets.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: Vixens.Lint.Fuzz {{{string.Join('|', targets.Keys)}}} [INPUT_FILE...]");
    return 2;
}

if (args.Length > 1)
{
    return Replay.Run(target, args.Skip(1));
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
