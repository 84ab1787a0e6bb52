namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The names in Sprig v3.3.0's generic function map (the version ArgoCD v3 pins; later Sprig adds randSeededNumeric),
/// which ArgoCD gives goTemplate ApplicationSets (minus <c>env</c>, <c>expandenv</c> and <c>getHostByName</c>). A template calling one the engine does not provide yet is reported
/// unrendered, not as an error: ArgoCD would render it.
/// </summary>
internal static class SprigFunctionNames
{
    /// <summary>Functions ArgoCD removes from Sprig's map: calling them is "function X not defined" in ArgoCD too.</summary>
    public static readonly IReadOnlySet<string> RemovedByArgoCd = new HashSet<string>(StringComparer.Ordinal) { "env", "expandenv", "getHostByName" };

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "hello", "ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration", "durationRound",
        "htmlDate", "htmlDateInZone", "must_date_modify", "mustDateModify", "mustToDate", "now", "toDate", "unixEpoch",
        "abbrev", "abbrevboth", "trunc", "trim", "upper", "lower", "title", "untitle", "substr", "repeat", "trimall",
        "trimAll", "trimSuffix", "trimPrefix", "nospace", "initials", "randAlphaNum", "randAlpha", "randAscii",
        "randNumeric", "swapcase", "shuffle", "snakecase", "camelcase", "kebabcase", "wrap",
        "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote", "squote", "cat", "indent", "nindent", "replace",
        "plural", "sha1sum", "sha256sum", "adler32sum", "toString", "atoi", "int64", "int", "float64", "seq",
        "toDecimal", "split", "splitList", "splitn", "toStrings", "until", "untilStep", "add1", "add", "sub", "div",
        "mod", "mul", "randInt", "add1f", "addf", "subf", "divf", "mulf", "biggest", "max", "min", "maxf", "minf",
        "ceil", "floor", "round", "join", "sortAlpha", "default", "empty", "coalesce", "all", "any", "compact",
        "mustCompact", "fromJson", "toJson", "toPrettyJson", "toRawJson", "mustFromJson", "mustToJson",
        "mustToPrettyJson", "mustToRawJson", "ternary", "deepCopy", "mustDeepCopy", "typeOf", "typeIs", "typeIsLike",
        "kindOf", "kindIs", "deepEqual", "env", "expandenv", "getHostByName", "base", "dir", "clean", "ext", "isAbs",
        "osBase", "osClean", "osDir", "osExt", "osIsAbs", "b64enc", "b64dec", "b32enc", "b32dec", "tuple", "list",
        "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit", "merge", "mergeOverwrite",
        "mustMerge", "mustMergeOverwrite", "values", "append", "push", "mustAppend", "mustPush", "prepend",
        "mustPrepend", "first", "mustFirst", "rest", "mustRest", "last", "mustLast", "initial", "mustInitial",
        "reverse", "mustReverse", "uniq", "mustUniq", "without", "mustWithout", "has", "mustHas", "slice",
        "mustSlice", "concat", "dig", "chunk", "mustChunk", "bcrypt", "htpasswd", "genPrivateKey", "derivePassword",
        "buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "encryptAES", "decryptAES", "randBytes", "uuidv4", "semver", "semverCompare", "fail",
        "regexMatch", "mustRegexMatch", "regexFindAll", "mustRegexFindAll", "regexFind", "mustRegexFind",
        "regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral",
        "regexSplit", "mustRegexSplit", "regexQuoteMeta", "urlParse", "urlJoin",
    };
}
