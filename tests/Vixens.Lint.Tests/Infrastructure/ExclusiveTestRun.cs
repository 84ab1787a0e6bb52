using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

#pragma warning disable CA1050 // A set-up fixture outside every namespace applies to the whole assembly.

/// <summary>
/// Runs this repository's test assemblies one at a time. `dotnet test Vixens.Lint.sln` starts them in parallel; the MSBuild
/// end-to-end tests then run `dotnet build` child processes that take both cores of a small CI machine and make the
/// timing-bound tests (hostile input) miss their bounds. Each assembly (this file is linked into every test project) holds
/// an exclusive lock file for its whole run; the other waits. The lock is per repository, released by the OS if a test host dies.
/// </summary>
[SetUpFixture]
public sealed class ExclusiveTestRun
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    private FileStream? _lock;

    [OneTimeSetUp]
    public void Acquire()
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(TestPaths.RepositoryRoot)), 0, 8);
        var path = Path.Combine(Path.GetTempPath(), $"vixens-lint-tests-{id}.lock");
        var deadline = DateTime.UtcNow + MaxWait;
        while (true)
        {
            try
            {
                _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    [OneTimeTearDown]
    public void Release() => _lock?.Dispose();
}
