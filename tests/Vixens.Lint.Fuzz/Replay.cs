namespace Vixens.Lint.Fuzz;

/// <summary>Runs saved inputs (AFL's crashes/hangs, seeds) once each, without AFL, and says which fail and how long each took.</summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        var failures = 0;
        foreach (var path in paths)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                target.Run(File.ReadAllBytes(path));
                Console.WriteLine($"ok    {stopwatch.ElapsedMilliseconds,6} ms  {path}");
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"FAIL  {stopwatch.ElapsedMilliseconds,6} ms  {path}");
                Console.WriteLine(ex.ToString());
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
