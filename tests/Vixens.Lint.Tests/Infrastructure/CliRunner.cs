using Vixens.Lint.Cli;

namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>Runs the CLI in-process with captured output, from the repository root so printed paths are stable.</summary>
internal static class CliRunner
{
    private static readonly object Gate = new();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        lock (Gate)
        {
            var originalOut = Console.Out;
            var originalError = Console.Error;
            var originalDirectory = Environment.CurrentDirectory;
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                Environment.CurrentDirectory = TestPaths.RepositoryRoot;
                var exitCode = Program.Main(args);
                return (exitCode, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
                Environment.CurrentDirectory = originalDirectory;
            }
        }
    }
}
