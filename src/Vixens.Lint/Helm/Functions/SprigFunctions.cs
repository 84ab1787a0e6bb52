using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Every function of Sprig v3.3.0's <c>TxtFuncMap</c> as Helm v3.17.2 exposes it: without <c>env</c> and
/// <c>expandenv</c> (Helm deletes them), with <c>getHostByName</c> answering "" as Helm does without --enable-dns.
/// Helm's own functions (<see cref="HelmDataFunctions"/>) replace Sprig's of the same name (toJson, fromJson).
/// </summary>
public static class SprigFunctions
{
    private static readonly Lazy<IReadOnlyList<GoFunction>> Functions = new(() =>
        SprigStrings.All()
            .Concat(SprigMath.All())
            .Concat(SprigLists.All())
            .Concat(SprigDicts.All())
            .Concat(SprigDefaults.All())
            .Concat(SprigEncoding.All())
            .Concat(SprigRegex.All())
            .Concat(SprigDates.All())
            .Concat(SprigCrypto.All())
            .Append(new GoFunction("semver", [GoType.String], null, a => SemverVersion.Parse((string)a[0]!)))
            .Append(new GoFunction("semverCompare", [GoType.String, GoType.String], null, a => SemverConstraint.Check((string)a[0]!, SemverVersion.Parse((string)a[1]!))))
            .Append(new GoFunction("fail", [GoType.String], null, a => throw new GoFunctionException((string)a[0]!)))
            .Append(new GoFunction("hello", [], null, _ => "Hello!"))
            .ToList());

    /// <summary>The functions, each with its Go signature.</summary>
    public static IReadOnlyList<GoFunction> All => Functions.Value;
}
