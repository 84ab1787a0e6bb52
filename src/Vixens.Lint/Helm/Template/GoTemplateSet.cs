using System.Text;
using Vixens.Lint.Helm.Template.Execution;
using Vixens.Lint.Helm.Template.Parsing;

namespace Vixens.Lint.Helm.Template;

/// <summary>What a field lookup on a map does when the key is missing (Go's <c>missingkey</c> option).</summary>
public enum GoMissingKey
{
    /// <summary><c>missingkey=default</c> (or <c>invalid</c>): no value; prints <c>&lt;no value&gt;</c>.</summary>
    Default,

    /// <summary><c>missingkey=zero</c>: the map's zero element (a nil <c>interface{}</c>); Helm's choice when not strict.</summary>
    Zero,

    /// <summary><c>missingkey=error</c>: "map has no entry for key"; Helm's choice with <c>--strict</c>.</summary>
    Error,
}

/// <summary>
/// A family of Go templates sharing definitions and functions, like Go's <c>*template.Template</c> (which Helm uses as
/// one template per chart file plus every <c>define</c>).
/// </summary>
/// <remarks>
/// <para>
/// Parse each text once with <see cref="Parse"/> (Helm: one call per file, named by its path); a later definition of
/// a name replaces the earlier one unless it is empty, as in Go. Trees are immutable once parsed, so
/// <see cref="Clone"/> is cheap (Helm's <c>tpl</c> parses its text into a clone).
/// </para>
/// <para>
/// <see cref="Execute(string, object?, StringBuilder)"/> is re-entrant: a function body (Helm's <c>include</c>) may
/// call it again, on this set or a clone, while an execution is running; nested executions share the
/// <see cref="Limits"/> of the outermost one on the thread. Errors are <see cref="GoTemplateParseException"/> and
/// <see cref="GoTemplateExecException"/> with Go's exact text; a spent budget is a
/// <see cref="GoTemplateBudgetException"/>. A function's <see cref="GoFunctionException"/> becomes Go's
/// <c>error calling NAME: MESSAGE</c>.
/// </para>
/// <para>
/// Several threads may execute one set at once (each has its own budgets); <see cref="Parse"/> and <see cref="Funcs"/>
/// must not run while another thread executes it (parse into a <see cref="Clone"/> instead, as <c>tpl</c> does).
/// </para>
/// <para>
/// Deep recursion (an <c>include</c> of itself) needs stack: run a whole render through
/// <see cref="RunWithLargeStack{T}(Func{T})"/> so that the depth budget, not the thread's stack, is what stops it.
/// </para>
/// </remarks>
public sealed class GoTemplateSet
{
    private readonly Dictionary<string, ParseTree> _templates;
    private readonly Dictionary<string, GoFunction> _functions;

    /// <summary>Creates an empty set; <paramref name="name"/> is what Go's "no template X associated with template NAME" names.</summary>
    public GoTemplateSet(string name = "gotpl")
    {
        Name = name;
        _templates = new Dictionary<string, ParseTree>(StringComparer.Ordinal);
        _functions = new Dictionary<string, GoFunction>(StringComparer.Ordinal);
    }

    private GoTemplateSet(GoTemplateSet other)
    {
        Name = other.Name;
        _templates = new Dictionary<string, ParseTree>(other._templates, StringComparer.Ordinal);
        _functions = new Dictionary<string, GoFunction>(other._functions, StringComparer.Ordinal);
        MissingKey = other.MissingKey;
        Limits = other.Limits;
    }

    /// <summary>The set's own name (Go: the name of the template the family was created from).</summary>
    public string Name { get; }

    /// <summary>The <c>missingkey</c> option; Helm sets <see cref="GoMissingKey.Zero"/>, or <see cref="GoMissingKey.Error"/> when strict.</summary>
    public GoMissingKey MissingKey { get; set; }

    /// <summary>The budgets for executions started on this set.</summary>
    public GoTemplateLimits Limits { get; set; } = GoTemplateLimits.Default;

    /// <summary>The names of every template defined (file templates and definitions).</summary>
    public IReadOnlyCollection<string> TemplateNames => _templates.Keys;

    /// <summary>Adds functions (replacing any of the same name); they must be added before parsing text that calls them.</summary>
    public GoTemplateSet Funcs(IEnumerable<GoFunction> functions)
    {
        foreach (var f in functions)
        {
            _functions[f.Name] = f;
        }

        return this;
    }

    /// <summary>Whether a function (added or builtin) of that name exists.</summary>
    public bool HasFunction(string name) => _functions.ContainsKey(name) || Builtins.IsBuiltin(name);

    internal bool TryGetFunction(string name, out GoFunction function) => _functions.TryGetValue(name, out function!);

    /// <summary>
    /// Parses <paramref name="text"/> as the template <paramref name="name"/> (Go: <c>t.New(name).Parse(text)</c>) and
    /// adds it and its definitions to the set. Nothing is added when the text does not parse.
    /// </summary>
    /// <exception cref="GoTemplateParseException">The text is not a valid template.</exception>
    public void Parse(string name, string text)
    {
        var trees = Parser.Parse(name, text, HasFunction);
        foreach (var (treeName, tree) in trees)
        {
            if (_templates.TryGetValue(treeName, out _) && ParseTree.IsEmpty(tree.Root))
            {
                // Go keeps an existing definition rather than replace it with an empty one.
                continue;
            }

            _templates[treeName] = tree;
        }
    }

    /// <summary>Whether a template of that name is defined.</summary>
    public bool Lookup(string name) => _templates.ContainsKey(name);

    /// <summary>A copy sharing the parsed trees: later parses into either do not affect the other.</summary>
    public GoTemplateSet Clone() => new(this);

    internal bool TryGetTemplate(string name, out ParseTree tree) => _templates.TryGetValue(name, out tree!);

    /// <summary>Runs the template <paramref name="name"/> with <paramref name="data"/> as dot, appending to <paramref name="output"/>.</summary>
    /// <exception cref="GoTemplateExecException">Go's execution error (partial output may have been written).</exception>
    /// <exception cref="GoTemplateBudgetException">A budget of <see cref="Limits"/> ran out.</exception>
    public void Execute(string name, object? data, StringBuilder output)
    {
        if (!_templates.TryGetValue(name, out var tree))
        {
            throw new GoTemplateExecException(name, $"template: no template {GoQuote.Quote(name)} associated with template {GoQuote.Quote(Name)}");
        }

        ExecState.Run(this, tree, data, output);
    }

    /// <summary>Runs the template <paramref name="name"/> and writes its output to <paramref name="writer"/> (once, at the end).</summary>
    public void Execute(string name, object? data, TextWriter writer)
    {
        var sb = new StringBuilder();
        try
        {
            Execute(name, data, sb);
        }
        finally
        {
            writer.Write(sb);
        }
    }

    /// <summary>Runs the template <paramref name="name"/> and returns its output.</summary>
    public string ExecuteToString(string name, object? data)
    {
        var sb = new StringBuilder();
        Execute(name, data, sb);
        return sb.ToString();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread with a large stack (256 MiB of address space, committed as used), so
    /// deeply nested templates meet the depth budget rather than the end of the stack. Exceptions propagate.
    /// </summary>
    public static T RunWithLargeStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }
}
