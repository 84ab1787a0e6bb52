using Vixens.Lint.Helm.Functions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Tests.Functions;

/// <summary>
/// Sprig and Helm functions called directly, each expectation being what helm v3.17.2 printed for the same call
/// (run through a one-template chart with <c>helm template</c>); random and clock functions are checked for shape.
/// </summary>
public sealed class SprigFunctionTests
{
    private static readonly Dictionary<string, GoFunction> Functions =
        SprigFunctions.All.Concat(HelmDataFunctions.All).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Last());

    private static object? Call(string name, params object?[] args) => Functions[name].Invoke(args);

    private static string Print(string name, params object?[] args) => GoFmt.Sprint(Call(name, args));

    [Test]
    public void Every_sprig_function_is_there_and_env_is_not()
    {
        string[] names =
        [
            "abbrev", "abbrevboth", "trunc", "trim", "upper", "lower", "title", "untitle", "substr", "repeat", "trimall", "trimAll",
            "trimSuffix", "trimPrefix", "nospace", "initials", "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "swapcase",
            "shuffle", "snakecase", "camelcase", "kebabcase", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote",
            "squote", "cat", "indent", "nindent", "replace", "plural", "sha1sum", "sha256sum", "sha512sum", "adler32sum", "toString",
            "atoi", "int64", "int", "float64", "seq", "toDecimal", "split", "splitList", "splitn", "toStrings", "until", "untilStep",
            "add1", "add", "sub", "div", "mod", "mul", "randInt", "add1f", "addf", "subf", "divf", "mulf", "biggest", "max", "min",
            "maxf", "minf", "ceil", "floor", "round", "join", "sortAlpha", "default", "empty", "coalesce", "all", "any", "compact",
            "mustCompact", "fromJson", "toJson", "toPrettyJson", "toRawJson", "mustFromJson", "mustToJson", "mustToPrettyJson",
            "mustToRawJson", "ternary", "deepCopy", "mustDeepCopy", "typeOf", "typeIs", "typeIsLike", "kindOf", "kindIs", "deepEqual",
            "getHostByName", "base", "dir", "clean", "ext", "isAbs", "osBase", "osClean", "osDir", "osExt", "osIsAbs", "b64enc",
            "b64dec", "b32enc", "b32dec", "tuple", "list", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit",
            "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite", "values", "append", "push", "mustAppend", "mustPush",
            "prepend", "mustPrepend", "first", "mustFirst", "rest", "mustRest", "last", "mustLast", "initial", "mustInitial",
            "reverse", "mustReverse", "uniq", "mustUniq", "without", "mustWithout", "has", "mustHas", "slice", "mustSlice", "concat",
            "dig", "chunk", "mustChunk", "bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert", "genCA",
            "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "encryptAES",
            "decryptAES", "randBytes", "uuidv4", "semver", "semverCompare", "fail", "regexMatch", "mustRegexMatch", "regexFindAll",
            "mustRegexFindAll", "regexFind", "mustRegexFind", "regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral",
            "mustRegexReplaceAllLiteral", "regexSplit", "mustRegexSplit", "regexQuoteMeta", "urlParse", "urlJoin", "hello", "ago",
            "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration", "durationRound", "htmlDate",
            "htmlDateInZone", "must_date_modify", "mustDateModify", "mustToDate", "now", "toDate", "unixEpoch",
            "toYaml", "toYamlPretty", "fromYaml", "fromYamlArray", "fromJsonArray", "toToml", "fromToml",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(names.Where(n => !Functions.ContainsKey(n)), Is.Empty);
            Assert.That(Functions.ContainsKey("env") || Functions.ContainsKey("expandenv"), Is.False);
            Assert.That(SprigFunctions.All.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty);
        });
    }

    [Test]
    public void Duration_counts_only_strings_and_int64() => Assert.Multiple(() =>
    {
        Assert.That(Call("duration", 3661), Is.EqualTo("0s"));
        Assert.That(Call("duration", 3661L), Is.EqualTo("1h1m1s"));
        Assert.That(Call("duration", "90"), Is.EqualTo("1m30s"));
    });

    [TestCase("untitle", "First Try", "first try")]
    [TestCase("title", "hello world-foo_bar", "Hello World-Foo_bar")]
    [TestCase("snakecase", "FirstName", "first_name")]
    [TestCase("kebabcase", "HTTPServer", "http-server")]
    [TestCase("camelcase", "http_server", "HttpServer")]
    [TestCase("swapcase", "Hello World", "hELLO wORLD")]
    [TestCase("initials", "First Try", "FT")]
    [TestCase("nospace", "h e l l o", "hello")]
    [TestCase("b64enc", "hello", "aGVsbG8=")]
    [TestCase("b64dec", "aGVsbG8=", "hello")]
    [TestCase("b64dec", "a", "illegal base64 data at input byte 0")]
    [TestCase("b32enc", "hello", "NBSWY3DP")]
    [TestCase("b32dec", "NBSWY3DP", "hello")]
    [TestCase("b32dec", "1", "illegal base32 data at input byte 0")]
    [TestCase("sha256sum", "hello", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [TestCase("adler32sum", "hello", "103547413")]
    [TestCase("regexQuoteMeta", "1.2.3", "1\\.2\\.3")]
    [TestCase("base", "/a/b.txt", "b.txt")]
    [TestCase("dir", "/a/b.txt", "/a")]
    [TestCase("ext", "/a/b.txt", ".txt")]
    [TestCase("clean", "/a/../b//c/.", "/b/c")]
    public void String_functions(string name, string input, string expected) => Assert.That(Call(name, input), Is.EqualTo(expected));

    [Test]
    public void Byte_based_cuts_keep_go_bytes()
    {
        var cut = (string)Call("trunc", 2, "héllo")!;
        Assert.That(Call("b64enc", cut), Is.EqualTo("aMM="));
    }

    [Test]
    public void Numbers_keep_go_types() => Assert.Multiple(() =>
    {
        Assert.That(Call("add", 1, 2.5, "3"), Is.EqualTo(6L));
        Assert.That(Call("div", 7, 2), Is.EqualTo(3L));
        Assert.That(() => Call("div", 1, 0), Throws.TypeOf<GoFunctionException>().With.Message.EqualTo("runtime error: integer divide by zero"));
        Assert.That(Call("addf", 1.1, 2.2), Is.EqualTo(3.3));
        Assert.That(Call("divf", 10, 3), Is.EqualTo(3.3333333333333335));
        Assert.That(Call("round", 3.14159, 2), Is.EqualTo(3.14));
        Assert.That(Call("seq", 5), Is.EqualTo("1 2 3 4 5"));
        Assert.That(Call("seq", 5, -1, 1), Is.EqualTo("5 4 3 2 1"));
        Assert.That(Print("until", 3), Is.EqualTo("[0 1 2]"));
        Assert.That(Call("int64", "0x10"), Is.EqualTo(16L));
        Assert.That(Call("toDecimal", "0777"), Is.EqualTo(511L));
    });

    [Test]
    public void Lists_and_dicts() => Assert.Multiple(() =>
    {
        var list = new List<object?> { 1, 2, 2, 3 };
        Assert.That(Print("uniq", list), Is.EqualTo("[1 2 3]"));
        Assert.That(Print("chunk", 3, new List<object?> { 1, 2, 3, 4, 5 }), Is.EqualTo("[[1 2 3] [4 5]]"));
        Assert.That(Print("slice", list, 1, 3), Is.EqualTo("[2 2]"));
        Assert.That(Call("has", 1d, list), Is.EqualTo(false));
        Assert.That(() => Call("first", "abc"), Throws.TypeOf<GoFunctionException>().With.Message.EqualTo("Cannot find first on type string"));
        Assert.That(Print("dict", "a", 1, "b"), Is.EqualTo("map[a:1 b:]"));
        var dst = new Dictionary<string, object?> { ["a"] = 1, ["n"] = new Dictionary<string, object?> { ["x"] = "" } };
        var src = new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3, ["n"] = new Dictionary<string, object?> { ["x"] = "y", ["z"] = 0 } };
        Assert.That(Print("merge", dst, src), Is.EqualTo("map[a:1 b:3 n:map[x:y z:0]]"));
        Assert.That(Print("mergeOverwrite", new Dictionary<string, object?> { ["a"] = 1 }, new Dictionary<string, object?> { ["a"] = null }), Is.EqualTo("map[a:<nil>]"));
        Assert.That(Call("dig", "a", "b", "def", new Dictionary<string, object?> { ["a"] = new Dictionary<string, object?> { ["b"] = "v" } }), Is.EqualTo("v"));
    });

    [Test]
    public void Regex_follows_re2() => Assert.Multiple(() =>
    {
        Assert.That(Print("regexSplit", "z+", "pizza", -1), Is.EqualTo("[pi a]"));
        Assert.That(Print("regexFindAll", "a.", "paranormal", -1), Is.EqualTo("[ar an al]"));
        Assert.That(Call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W"), Is.EqualTo("-W-xxW-"));
        Assert.That(Call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W"), Is.EqualTo("---"));
        Assert.That(Call("regexMatch", "^[a-z]+$", "abc\n"), Is.EqualTo(false));
        Assert.That(() => Call("mustRegexMatch", "(", "x"), Throws.TypeOf<GoFunctionException>().With.Message.EqualTo("error parsing regexp: missing closing ): `(`"));
    });

    [Test]
    public void Semver_and_constraints() => Assert.Multiple(() =>
    {
        Assert.That(Call("semverCompare", "^1.2.0", "1.2.3"), Is.EqualTo(true));
        Assert.That(Call("semverCompare", "^1.2.0", "2.2.3"), Is.EqualTo(false));
        Assert.That(Call("semverCompare", "=>1.0", "1.0.0"), Is.EqualTo(true));
        Assert.That(Call("semverCompare", ">=1.2.0-0", "1.3.0-beta.1"), Is.EqualTo(true));
        Assert.That(Call("semverCompare", ">=1.2.0", "1.3.0-beta.1"), Is.EqualTo(false));
        Assert.That(Call("semverCompare", "~1.2.3 || 2.x", "2.5.0"), Is.EqualTo(true));
        Assert.That(GoFmt.Sprint(Call("semver", "v1.2.3-beta.1+c0ff33")), Is.EqualTo("1.2.3-beta.1+c0ff33"));
    });

    [Test]
    public void Dates_with_fixed_input() => Assert.Multiple(() =>
    {
        var date = Call("toDate", "2006-01-02", "2024-02-29");
        Assert.That(GoFmt.Sprint(date), Is.EqualTo("2024-02-29 00:00:00 +0000 UTC"));
        Assert.That(Call("date", "2006-01-02T15:04:05Z07:00", date), Is.EqualTo("2024-02-29T00:00:00Z"));
        Assert.That(Call("unixEpoch", Call("toDate", "02 Jan 06 15:04:05 MST", "13 Jun 19 20:39:39 GMT")), Is.EqualTo("1560458379"));
        Assert.That(GoFmt.Sprint(Call("toDate", "2006-01-02", "nope")), Is.EqualTo("0001-01-01 00:00:00 +0000 UTC"));
        Assert.That(Call("htmlDate", 0), Is.EqualTo("1970-01-01"));
        Assert.That(Call("durationRound", "2400h"), Is.EqualTo("3mo"));
        Assert.That(() => Call("mustDateModify", "bad", date), Throws.TypeOf<GoFunctionException>().With.Message.EqualTo("time: invalid duration \"bad\""));
    });

    [Test]
    public void Derived_passwords_match_sprig() =>
        Assert.That(Call("derivePassword", 1, "long", "password", "user", "example.com"), Is.EqualTo("ZedaFaxcZaso9*"));

    [Test]
    public void Aes_round_trips()
    {
        var encrypted = (string)Call("encryptAES", "secretkey", "plaintext")!;
        Assert.That(Call("decryptAES", "secretkey", encrypted), Is.EqualTo("plaintext"));
    }

    [Test]
    public void Random_values_have_their_shape() => Assert.Multiple(() =>
    {
        Assert.That((string)Call("randAlphaNum", 12)!, Does.Match("^[A-Za-z0-9]{12}$"));
        Assert.That((string)Call("randNumeric", 5)!, Does.Match("^[0-9]{5}$"));
        Assert.That((string)Call("uuidv4")!, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That((string)Call("bcrypt", "password")!, Does.Match(@"^\$2a\$10\$[./A-Za-z0-9]{53}$"));
        Assert.That((string)Call("genPrivateKey", "ecdsa")!, Does.StartWith("-----BEGIN EC PRIVATE KEY-----\n"));
        var ca = (IGoObject)Call("genCA", "ca", 365)!;
        Assert.That(ca.TryGetField("Cert", out var cert) && ((string)cert!).StartsWith("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal), Is.True);
        var leaf = (IGoObject)Call("genSignedCert", "leaf", new List<object?> { "10.0.0.1" }, new List<object?> { "a.example" }, 30, ca)!;
        Assert.That(leaf.TryGetField("Key", out var key) && ((string)key!).StartsWith("-----BEGIN RSA PRIVATE KEY-----", StringComparison.Ordinal), Is.True);
    });

    [Test]
    public void Bcrypt_matches_a_known_vector() =>
        // OpenBSD's test vector: password "U*U", salt "CCCCCCCCCCCCCCCCCCCCC." at cost 5.
        Assert.That(GoBcrypt.Hash("U*U"u8.ToArray(), Convert.FromHexString("10410410410410410410410410410410"), 5),
            Is.EqualTo("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));

    [Test]
    public void Helm_data_functions() => Assert.Multiple(() =>
    {
        Assert.That(Call("toToml", new Dictionary<string, object?> { ["foo"] = "bar" }), Is.EqualTo("foo = \"bar\"\n"));
        Assert.That(Print("fromToml", "hello = \"world\""), Is.EqualTo("map[hello:world]"));
        Assert.That(GoFmt.Sprint(Call("fromToml", "a = ")), Is.EqualTo("map[Error:toml: line 0 (last key \"a\"): unexpected EOF; expected value]"));
        Assert.That(Print("fromJsonArray", "[\"one\", 2, { \"name\": \"helm\" }]"), Is.EqualTo("[one 2 map[name:helm]]"));
        Assert.That(Call("toYamlPretty", new Dictionary<string, object?> { ["a"] = new List<object?> { 1, 2 }, ["b"] = new Dictionary<string, object?> { ["c"] = "x" } }),
            Is.EqualTo("a:\n  - 1\n  - 2\nb:\n  c: x"));
        Assert.That(Call("toJson", new Dictionary<string, object?> { ["a"] = "<&>", ["b"] = 1e21 }), Is.EqualTo("{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":1e+21}"));
    });
}
