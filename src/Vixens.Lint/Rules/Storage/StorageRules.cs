namespace Vixens.Lint.Rules.Storage;

/// <summary>The storage rules (VX6xxx).</summary>
public static class StorageRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new StorageClassExistsRule(),
        new RwoRollingUpdateRule(),
        new RetainWithoutBackupRule(),
        new CsiSecretRule(),
    ];
}
