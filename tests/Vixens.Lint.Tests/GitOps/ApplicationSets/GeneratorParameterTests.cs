using NUnit.Framework;
using Vixens.Lint.GitOps.ApplicationSets;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.GitOps.ApplicationSets;

/// <summary>
/// Parameter sets, compared with the tables of ArgoCD's own generator tests (applicationset/generators/git_test.go,
/// matrix_test.go, merge_test.go, cluster_test.go): same repository listing in, same parameters out.
/// </summary>
[TestFixture]
public sealed class GeneratorParameterTests
{
    private const string Repo = "https://github.com/example/gitops.git";

    /// <summary>
    /// ArgoCD's table mocks the repo server's answer as app1, app2, app_3, p1/app4; a real walk of that tree also lists
    /// p1 (it holds a directory with files), which "*" matches, so it is expected here too.
    /// </summary>
    [Test]
    public void Git_directories_happy_flow_keeps_top_level_directories_only()
    {
        var sets = Params("""
            - git:
                repoURL: https://github.com/example/gitops.git
                revision: HEAD
                directories: [{path: "*"}]
            """, InMemoryRepository.WithDirectories("app1", "app2", "app_3", "p1/app4"));
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"path":"app1","path.basename":"app1","path.basenameNormalized":"app1","path[0]":"app1"}""",
            """{"path":"app2","path.basename":"app2","path.basenameNormalized":"app2","path[0]":"app2"}""",
            """{"path":"app_3","path.basename":"app_3","path.basenameNormalized":"app-3","path[0]":"app_3"}""",
            """{"path":"p1","path.basename":"p1","path.basenameNormalized":"p1","path[0]":"p1"}""",
        }));
    }

    [Test]
    public void Git_directories_prefix_filters_and_exclude_in_any_order()
    {
        var repo = InMemoryRepository.WithDirectories("app1", "p1/app2", "p1/p2/app3", "p1/p2/p3/app4");
        Assert.That(Params("""
            - git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, pathParamPrefix: myRepo, directories: [{path: "p1/*"}, {path: "p1/*/*"}]}
            """, repo), Is.EqualTo(new[]
        {
            """{"myRepo.path":"p1/app2","myRepo.path.basename":"app2","myRepo.path.basenameNormalized":"app2","myRepo.path[0]":"p1","myRepo.path[1]":"app2"}""",
            """{"myRepo.path":"p1/p2","myRepo.path.basename":"p2","myRepo.path.basenameNormalized":"p2","myRepo.path[0]":"p1","myRepo.path[1]":"p2"}""",
            """{"myRepo.path":"p1/p2/app3","myRepo.path.basename":"app3","myRepo.path.basenameNormalized":"app3","myRepo.path[0]":"p1","myRepo.path[1]":"p2","myRepo.path[2]":"app3"}""",
            """{"myRepo.path":"p1/p2/p3","myRepo.path.basename":"p3","myRepo.path.basenameNormalized":"p3","myRepo.path[0]":"p1","myRepo.path[1]":"p2","myRepo.path[2]":"p3"}""",
        }));

        var excludeRepo = InMemoryRepository.WithDirectories("app1", "app2", "p1/app2", "p1/app3", "p2/app3");
        var first = Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, directories: [{path: "p1/*", exclude: true}, {path: "*"}, {path: "*/*"}]}""", excludeRepo);
        var last = Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, directories: [{path: "*"}, {path: "*/*"}, {path: "p1/*", exclude: true}]}""", excludeRepo);
        Assert.That(first, Is.EqualTo(last));
        Assert.That(first.Select(PathOf), Is.EqualTo(new[] { "app1", "app2", "p1", "p2", "p2/app3" }));
    }

    [Test]
    public void Git_directory_values_are_rendered_with_each_set_and_unknown_tags_stay()
    {
        var sets = Params("""
            - git:
                repoURL: https://github.com/example/gitops.git
                revision: HEAD
                directories: [{path: "*"}, {path: "*/*"}]
                values: {foo: bar, aaa: "{{ path[0] }}", no-op: "{{ this-does-not-exist }}"}
            """, InMemoryRepository.WithDirectories("app1", "p1/app2"));
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"path":"app1","path.basename":"app1","path.basenameNormalized":"app1","path[0]":"app1","values.aaa":"app1","values.foo":"bar","values.no-op":"{{ this-does-not-exist }}"}""",
            """{"path":"p1","path.basename":"p1","path.basenameNormalized":"p1","path[0]":"p1","values.aaa":"p1","values.foo":"bar","values.no-op":"{{ this-does-not-exist }}"}""",
            """{"path":"p1/app2","path.basename":"app2","path.basenameNormalized":"app2","path[0]":"p1","path[1]":"app2","values.aaa":"p1","values.foo":"bar","values.no-op":"{{ this-does-not-exist }}"}""",
        }));
    }

    [Test]
    public void Git_files_flatten_json_and_yaml_with_numbers_as_go_prints_float64()
    {
        var repo = new InMemoryRepository(
            ("cluster-config/production/config.json", """{"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc"}, "key1": "val1", "key2": {"key2_1": "val2_1", "key2_2": {"key2_2_1": "val2_2_1"}}, "key3": 123}"""),
            ("cluster-config/staging/config.json", """{"cluster": {"owner": "foo.bar@example.com", "name": "staging", "address": "https://kubernetes.default.svc"}}"""),
            ("path/dir/file_name.yaml", ""));
        var sets = Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "**/config.json"}]}""", repo);
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"cluster.address":"https://kubernetes.default.svc","cluster.name":"production","cluster.owner":"john.doe@example.com","key1":"val1","key2.key2_1":"val2_1","key2.key2_2.key2_2_1":"val2_2_1","key3":"123","path":"cluster-config/production","path.basename":"production","path.basenameNormalized":"production","path.filename":"config.json","path.filenameNormalized":"config.json","path[0]":"cluster-config","path[1]":"production"}""",
            """{"cluster.address":"https://kubernetes.default.svc","cluster.name":"staging","cluster.owner":"foo.bar@example.com","path":"cluster-config/staging","path.basename":"staging","path.basenameNormalized":"staging","path.filename":"config.json","path.filenameNormalized":"config.json","path[0]":"cluster-config","path[1]":"staging"}""",
        }));

        // "empty file returns path parameters"
        Assert.That(Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "path/dir/file_name.yaml"}]}""", repo), Is.EqualTo(new[]
        {
            """{"path":"path/dir","path.basename":"dir","path.basenameNormalized":"dir","path.filename":"file_name.yaml","path.filenameNormalized":"file-name.yaml","path[0]":"path","path[1]":"dir"}""",
        }));
    }

    [Test]
    public void Git_files_yaml_array_gives_one_set_per_element()
    {
        var repo = new InMemoryRepository(("cluster-config/production/config.yaml", """
            - cluster:
                owner: john.doe@example.com
                name: production
                inner:
                  one: two
            - cluster:
                name: staging
            """));
        var sets = Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "**/config.yaml"}]}""", repo);
        Assert.That(sets.Select(s => s[..s.IndexOf(",\"path\"", StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            """{"cluster.inner.one":"two","cluster.name":"production","cluster.owner":"john.doe@example.com" """.TrimEnd(),
            """{"cluster.name":"staging" """.TrimEnd(),
        }));
    }

    [Test]
    public void Git_files_invalid_file_is_an_error_on_the_file()
    {
        var repo = new InMemoryRepository(("cluster-config/production/config.json", "this is not json or yaml"));
        var expansion = Expand("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "**/config.json"}]}""", repo);
        Assert.That(expansion.Applications, Is.Empty);
        Assert.That(expansion.Diagnostics.Single().Id, Is.EqualTo("VX0301"));
        Assert.That(expansion.Diagnostics.Single().Message, Does.Contain("unable to process file 'cluster-config/production/config.json'"));
        Assert.That(expansion.Diagnostics.Single().Location.File, Is.EqualTo("/repo/cluster-config/production/config.json"));
    }

    /// <summary>git_test.go "test to verify the solution for Git File Generator Problem" (Generators-Git-File-Globbing.md).</summary>
    [Test]
    public void Git_file_globbing_pathspec_crosses_directories_doublestar_does_not()
    {
        var repo = new InMemoryRepository(
            ("cluster-charts/cluster1/mychart/values.yaml", "env: staging"),
            ("cluster-charts/cluster1/myotherchart/values.yaml", "env: prod"),
            ("cluster-charts/cluster2/values.yaml", "env: dev"),
            ("cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml", "env: testing"));
        const string Generators = """- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "cluster-charts/*/*/values.yaml"}, {path: "cluster-charts/*/values.yaml", exclude: true}]}""";

        var doublestar = Params(Generators, repo, options: o => o with { NewGitFileGlobbing = true });
        Assert.That(doublestar.Select(PathOf), Is.EqualTo(new[] { "cluster-charts/cluster1/mychart", "cluster-charts/cluster1/myotherchart" }));

        // git ls-files: '*' matches '/', so the exclude pattern also removes every deeper values.yaml.
        Assert.That(Params(Generators, repo), Is.Empty);
        var pathspec = Params("""- git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, files: [{path: "cluster-charts/*/*/values.yaml"}]}""", repo);
        Assert.That(pathspec.Select(PathOf), Is.EqualTo(new[] { "cluster-charts/cluster1/mychart/charts/mysubchart", "cluster-charts/cluster1/mychart", "cluster-charts/cluster1/myotherchart" }), "files sorted by their whole path");
    }

    [Test]
    public void Matrix_second_child_reads_the_first_and_conflicting_keys_fail()
    {
        var repo = InMemoryRepository.WithDirectories("apps/a", "apps/b");
        var sets = Params("""
            - matrix:
                generators:
                - git: {repoURL: https://github.com/example/gitops.git, revision: HEAD, directories: [{path: "apps/*"}]}
                - list:
                    elements:
                    - env: dev
                      app: '{{path.basename}}-dev'
            """, repo);
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"app":"a-dev","env":"dev","path":"apps/a","path.basename":"a","path.basenameNormalized":"a","path[0]":"apps","path[1]":"a"}""",
            """{"app":"b-dev","env":"dev","path":"apps/b","path.basename":"b","path.basenameNormalized":"b","path[0]":"apps","path[1]":"b"}""",
        }));
    }

    [Test]
    public void Matrix_of_matrix_and_merge_inside_matrix()
    {
        var sets = Params("""
            - matrix:
                generators:
                - matrix:
                    generators:
                    - list: {elements: [{a: "1"}, {a: "2"}]}
                    - list: {elements: [{b: "x{{a}}"}]}
                - merge:
                    mergeKeys: [c]
                    generators:
                    - list: {elements: [{c: "k", d: "base"}]}
                    - list: {elements: [{c: "k", d: "override"}]}
            """, null);
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"a":"1","b":"x1","c":"k","d":"override"}""",
            """{"a":"2","b":"x2","c":"k","d":"override"}""",
        }));
    }

    [Test]
    public void Cluster_generator_uses_declared_clusters_then_in_cluster()
    {
        var clusters = new[]
        {
            new ClusterDeclaration("staging", "https://staging:6443", null, new Dictionary<string, string> { ["env"] = "staging" }, new Dictionary<string, string>()),
            new ClusterDeclaration("Prod EU", "https://prod:6443", "platform", new Dictionary<string, string> { ["env"] = "prod" }, new Dictionary<string, string> { ["team"] = "sre" }),
        };
        var sets = Params("- clusters: {}", null, options: o => o with { Clusters = clusters });
        Assert.That(sets, Is.EqualTo(new[]
        {
            """{"metadata.annotations.team":"sre","metadata.labels.env":"prod","name":"Prod EU","nameNormalized":"prod-eu","project":"platform","server":"https://prod:6443"}""",
            """{"metadata.labels.env":"staging","name":"staging","nameNormalized":"staging","project":"","server":"https://staging:6443"}""",
            """{"name":"in-cluster","nameNormalized":"in-cluster","project":"","server":"https://kubernetes.default.svc"}""",
        }));

        var withLocal = new[] { new ClusterDeclaration("local", ClusterDeclaration.InClusterServer, null, new Dictionary<string, string>(), new Dictionary<string, string>()) };
        Assert.That(Params("- clusters: {}", null, options: o => o with { Clusters = withLocal }), Has.Length.EqualTo(1), "a declared in-cluster replaces the implicit one");
        Assert.That(Params("- clusters: {selector: {matchExpressions: [{key: env, operator: Exists}]}}", null, options: o => o with { Clusters = clusters }), Has.Length.EqualTo(2), "a selector leaves the implicit in-cluster out");
    }

    [Test]
    public void Cluster_secret_reads_data_and_string_data()
    {
        var file = YamlLoader.Parse("/repo/cluster.yaml", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: c
              labels: {argocd.argoproj.io/secret-type: cluster, env: prod}
            data:
              name: b2xk
              server: aHR0cHM6Ly9vbGQ=
            stringData:
              name: new
            """);
        var cluster = ClusterDeclaration.FromSecret((YamlMapping)file.Documents[0].Root!)!;
        Assert.That((cluster.Name, cluster.Server, cluster.Project), Is.EqualTo(("new", "https://old", (string?)null)));
        Assert.That(cluster.Labels["env"], Is.EqualTo("prod"));
    }

    [Test]
    public void Selector_with_an_invalid_operator_or_empty_values_is_an_error()
    {
        foreach (var selector in new[] { "{matchExpressions: [{key: a, operator: Gt, values: ['1']}]}", "{matchExpressions: [{key: a, operator: In, values: []}]}", "{matchExpressions: [{key: a, operator: Exists, values: [x]}]}" })
        {
            var expansion = Expand($"- list: {{elements: [{{a: '1'}}]}}\n  selector: {selector}", null);
            Assert.That(expansion.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VX0301" }), selector);
        }
    }

    private static string PathOf(string set) => System.Text.Json.JsonDocument.Parse(set).RootElement.GetProperty("path").GetString()!;

    internal static string[] Params(string generators, IRepositoryView? repo, Func<ExpansionOptions, ExpansionOptions>? options = null)
    {
        var expansion = Expand(generators, repo, options);
        Assert.That(expansion.Diagnostics.Where(d => d.Id != "VX0304"), Is.Empty, string.Join("\n", expansion.Diagnostics));
        return expansion.Applications.Select(a => ParamJson.Write(new Dictionary<string, object?>(a.Parameters))).ToArray();
    }

    internal static ApplicationSetExpansion Expand(string generators, IRepositoryView? repo, Func<ExpansionOptions, ExpansionOptions>? options = null, bool goTemplate = false, IGoTemplateEngine? engine = null)
    {
        var indented = string.Join("\n", generators.Split('\n').Select(l => "    " + l));
        var text = $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: test
              namespace: argocd
            spec:
              goTemplate: {{(goTemplate ? "true" : "false")}}
              generators:
            {{indented}}
              template:
                metadata:
                  name: app
                spec:
                  project: default
                  destination: {server: https://kubernetes.default.svc, namespace: default}
            """;
        var file = YamlLoader.Parse("/work/appset.yaml", text);
        Assert.That(file.HasErrors, Is.False, string.Join("\n", file.Diagnostics) + "\n" + text);
        var repositories = new RepositoryMap();
        if (repo is not null)
        {
            repositories.Add(Repo, repo);
        }

        var resolved = new ExpansionOptions { Repositories = repositories, GoTemplates = engine };
        return new ApplicationSetExpander(options?.Invoke(resolved) ?? resolved).Expand((YamlMapping)file.Documents[0].Root!, text);
    }
}
