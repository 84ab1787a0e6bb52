using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>The template-set API the Helm render loop builds on: definitions, clones, options, re-entrancy, budgets.</summary>
public sealed class GoTemplateSetTests
{
    private static string Run(GoTemplateSet set, string name, object? data = null) => set.ExecuteToString(name, data);

    [Test]
    public void A_later_definition_replaces_an_earlier_one_unless_it_is_empty()
    {
        var set = new GoTemplateSet();
        set.Parse("a.tpl", "{{define \"x\"}}1{{end}}");
        set.Parse("b.tpl", "{{define \"x\"}}2{{end}}");
        set.Parse("c.tpl", "{{define \"x\"}}  {{end}}");
        set.Parse("main", "{{template \"x\"}}");

        Assert.That(Run(set, "main"), Is.EqualTo("2"));
    }

    [Test]
    public void Two_definitions_in_one_text_are_Gos_error()
    {
        var set = new GoTemplateSet();
        var ex = Assert.Throws<GoTemplateParseException>(() => set.Parse("a.tpl", "{{define \"x\"}}1{{end}}{{define \"x\"}}2{{end}}"));
        Assert.That(ex!.Message, Is.EqualTo("template: a.tpl:1: template: multiple definition of template \"x\""));
        Assert.That(set.Lookup("x"), Is.False, "nothing is added from a text that does not parse");
    }

    [Test]
    public void A_clone_is_independent()
    {
        var set = new GoTemplateSet();
        set.Parse("x", "one");
        var clone = set.Clone();
        clone.Parse("x", "two");
        clone.Parse("y", "three");

        Assert.Multiple(() =>
        {
            Assert.That(Run(set, "x"), Is.EqualTo("one"));
            Assert.That(Run(clone, "x"), Is.EqualTo("two"));
            Assert.That(set.Lookup("y"), Is.False);
        });
    }

    [Test]
    public void Missing_key_options_behave_as_in_go()
    {
        var data = new Dictionary<string, object?> { ["a"] = 1.0 };
        var set = new GoTemplateSet();
        set.Parse("t", "{{.missing}}|{{.missing.deeper}}");
        Assert.That(Run(set, "t", data), Is.EqualTo("<no value>|<no value>"));

        set.MissingKey = GoMissingKey.Zero;
        var ex = Assert.Throws<GoTemplateExecException>(() => Run(set, "t", data));
        Assert.That(ex!.Message, Is.EqualTo("template: t:1:23: executing \"t\" at <.missing.deeper>: nil pointer evaluating interface {}.deeper"));

        set.MissingKey = GoMissingKey.Error;
        ex = Assert.Throws<GoTemplateExecException>(() => Run(set, "t", data));
        Assert.That(ex!.Message, Is.EqualTo("template: t:1:2: executing \"t\" at <.missing>: map has no entry for key \"missing\""));
    }

    [Test]
    public void Execution_is_reentrant_from_a_function()
    {
        var set = new GoTemplateSet();
        set.Funcs([new GoFunction("include", [GoType.String, GoType.Any], null, a => set.ExecuteToString((string)a[0]!, a[1]))]);
        set.Parse("t", "{{define \"inner\"}}<{{.}}>{{end}}[{{include \"inner\" .x | printf \"%s!\"}}]");

        Assert.That(Run(set, "t", new Dictionary<string, object?> { ["x"] = "v" }), Is.EqualTo("[<v>!]"));
    }

    [Test]
    public void A_functions_error_is_gos_error_calling()
    {
        var set = new GoTemplateSet();
        set.Funcs([new GoFunction("boom", [], null, _ => throw new GoFunctionException("bad thing"))]);
        set.Parse("t", "a\n  {{ boom }}");

        var ex = Assert.Throws<GoTemplateExecException>(() => Run(set, "t"));
        Assert.That(ex!.Message, Is.EqualTo("template: t:2:5: executing \"t\" at <boom>: error calling boom: bad thing"));
    }

    [Test]
    public void Arguments_convert_as_reflect_calls_do()
    {
        var set = new GoTemplateSet();
        set.Funcs(
        [
            new GoFunction("twice", [GoType.Int], null, a => (int)a[0]! * 2),
            new GoFunction("half", [GoType.Float64], null, a => (double)a[0]! / 2),
            new GoFunction("shout", [GoType.String], null, a => ((string)a[0]!).ToUpperInvariant()),
        ]);
        set.Parse("ok", "{{ twice 21 }}|{{ half 3 }}|{{ \"x\" | shout }}");
        set.Parse("float-to-int", "{{ twice .f }}");
        set.Parse("literal-float-to-int", "{{ twice 1.5 }}");
        set.Parse("nil-to-string", "{{ shout .missing }}");
        var data = new Dictionary<string, object?> { ["f"] = 1.0 };

        Assert.Multiple(() =>
        {
            Assert.That(Run(set, "ok"), Is.EqualTo("42|1.5|X"));
            Assert.That(Assert.Throws<GoTemplateExecException>(() => Run(set, "float-to-int", data))!.Message,
                Is.EqualTo("template: float-to-int:1:9: executing \"float-to-int\" at <.f>: wrong type for value; expected int; got float64"));
            Assert.That(Assert.Throws<GoTemplateExecException>(() => Run(set, "literal-float-to-int", data))!.Message,
                Is.EqualTo("template: literal-float-to-int:1:9: executing \"literal-float-to-int\" at <1.5>: expected integer; found 1.5"));
            Assert.That(Assert.Throws<GoTemplateExecException>(() => Run(set, "nil-to-string", data))!.Message,
                Is.EqualTo("template: nil-to-string:1:9: executing \"nil-to-string\" at <.missing>: invalid value; expected string"));
        });
    }

    [Test]
    public void Structs_expose_fields_and_methods_and_print_as_go_does()
    {
        var set = new GoTemplateSet();
        set.Parse("t", "{{ .Chart.Name }}|{{ .Caps.Has \"v1\" }}|{{ .Caps.Has \"v2\" }}|{{ .Chart }}|{{ printf \"%v|%+v\" .Chart .Chart }}");
        set.Parse("bad", "{{ .Chart.Nope }}");
        set.Parse("bad-dot", "{{ with .Chart }}{{ .Nope }}{{ end }}");
        var data = new Dictionary<string, object?> { ["Chart"] = new Metadata("web", "1.0"), ["Caps"] = new Capabilities() };

        Assert.Multiple(() =>
        {
            Assert.That(Run(set, "t", data), Is.EqualTo("web|true|false|{web 1.0}|&{web 1.0}|&{Name:web Version:1.0}"));
            // A map element is interface-typed in Go, so the error names interface {}; with dot the struct itself.
            Assert.That(Assert.Throws<GoTemplateExecException>(() => Run(set, "bad", data))!.Message,
                Is.EqualTo("template: bad:1:9: executing \"bad\" at <.Chart.Nope>: can't evaluate field Nope in type interface {}"));
            Assert.That(Assert.Throws<GoTemplateExecException>(() => Run(set, "bad-dot", data))!.Message,
                Is.EqualTo("template: bad-dot:1:20: executing \"bad-dot\" at <.Nope>: can't evaluate field Nope in type *chart.Metadata"));
        });
    }

    [Test]
    public void The_step_budget_stops_a_long_loop()
    {
        var set = new GoTemplateSet { Limits = new GoTemplateLimits { MaxSteps = 1_000 } };
        set.Parse("t", "{{ range .l }}{{ . }}{{ end }}");
        var data = new Dictionary<string, object?> { ["l"] = Enumerable.Range(0, 10_000).Select(static i => (object?)(double)i).ToList() };

        Assert.Throws<GoTemplateBudgetException>(() => Run(set, "t", data));
    }

    [Test]
    public void The_output_budget_stops_a_huge_render_even_through_nested_executions()
    {
        var set = new GoTemplateSet { Limits = new GoTemplateLimits { MaxOutputChars = 10_000 } };
        set.Funcs([new GoFunction("include", [GoType.String, GoType.Any], null, a => set.ExecuteToString((string)a[0]!, a[1]))]);
        set.Parse("t", "{{ define \"big\" }}{{ range .l }}0123456789{{ end }}{{ end }}{{ include \"big\" . }}");
        var data = new Dictionary<string, object?> { ["l"] = Enumerable.Range(0, 5_000).Select(static i => (object?)(double)i).ToList() };

        Assert.Throws<GoTemplateBudgetException>(() => Run(set, "t", data));
    }

    [Test]
    public void Recursion_through_functions_meets_the_depth_budget_not_the_stack()
    {
        var set = new GoTemplateSet { Limits = new GoTemplateLimits { MaxDepth = 200 } };
        set.Funcs([new GoFunction("include", [GoType.String, GoType.Any], null, a =>
        {
            try
            {
                return set.ExecuteToString((string)a[0]!, a[1]);
            }
            catch (GoTemplateExecException ex)
            {
                throw new GoFunctionException(ex.Message);
            }
        })]);
        set.Parse("t", "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}");

        var ex = Assert.Throws<GoTemplateBudgetException>(() => Run(set, "t"));
        Assert.That(ex!.Message, Does.Contain("nesting budget of 200"));
    }

    [Test]
    public void Template_recursion_on_a_small_stack_ends_in_the_budget_exception()
    {
        var set = new GoTemplateSet();
        set.Parse("t", "{{ define \"r\" }}{{ template \"r\" }}{{ end }}{{ template \"r\" }}");
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Run(set, "t");
                }
                catch (Exception ex)
                {
                    caught = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.That(caught, Is.TypeOf<GoTemplateBudgetException>());
    }

    [Test]
    public void Template_recursion_with_a_large_stack_ends_as_go_does()
    {
        var set = new GoTemplateSet();
        set.Parse("t", "{{ define \"r\" }}{{ template \"r\" }}{{ end }}{{ template \"r\" }}");

        var ex = Assert.Throws<GoTemplateExecException>(() => GoTemplateSet.RunWithLargeStack(() => Run(set, "t")));
        Assert.That(ex!.Message, Is.EqualTo("template: t:1:28: executing \"r\" at <{{template \"r\"}}>: exceeded maximum template depth (100000)"));
    }

    [Test]
    public void Output_can_go_to_a_text_writer()
    {
        var set = new GoTemplateSet();
        set.Parse("t", "a{{ . }}b");
        var writer = new StringWriter();
        set.Execute("t", 1, writer);
        var sb = new StringBuilder("x");
        set.Execute("t", 2, sb);

        Assert.That(writer.ToString() + "|" + sb, Is.EqualTo("a1b|xa2b"));
    }

    [Test]
    public void An_unknown_template_is_gos_error()
    {
        var set = new GoTemplateSet("gotpl");
        var ex = Assert.Throws<GoTemplateExecException>(() => Run(set, "nope"));
        Assert.That(ex!.Message, Is.EqualTo("template: no template \"nope\" associated with template \"gotpl\""));
    }

    private sealed class Metadata(string name, string version) : IGoObject
    {
        public string GoTypeName => "*chart.Metadata";

        public bool IsPointer => true;

        public IReadOnlyList<KeyValuePair<string, object?>> Fields => [new("Name", name), new("Version", version)];

        public bool TryGetField(string fieldName, out object? value)
        {
            value = fieldName switch
            {
                "Name" => name,
                "Version" => version,
                _ => null,
            };
            return fieldName is "Name" or "Version";
        }

        public bool TryGetMethod(string methodName, out GoFunction? method)
        {
            method = null;
            return false;
        }
    }

    private sealed class Capabilities : IGoObject
    {
        public string GoTypeName => "chartutil.VersionSet";

        public bool IsPointer => false;

        public IReadOnlyList<KeyValuePair<string, object?>> Fields => [];

        public bool TryGetField(string name, out object? value)
        {
            value = null;
            return false;
        }

        public bool TryGetMethod(string name, out GoFunction? method)
        {
            method = name == "Has" ? new GoFunction("Has", [GoType.String], null, a => (string)a[0]! == "v1") : null;
            return method is not null;
        }
    }
}
