namespace Vixens.Lint.Schemas.Tests;

public class SmokeTests
{
    [Test]
    public void Deployment_with_several_problems()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replica: 3
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx
                      imagePullPolicy: Sometimes
                      ports:
                        - containerPort: "80"
            """;
        var found = Manifests.Validate(yaml).Select(Manifests.Format).ToList();
        TestContext.Out.WriteLine(string.Join("\n", found));
        Assert.That(found, Is.Not.Empty);
    }
}
