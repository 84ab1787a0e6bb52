using NUnit.Framework;
using Vixens.Lint.Model;

namespace Vixens.Lint.Tests.Drift;

/// <summary>Expected values are what apimachinery's <c>resource.MustParse(x).String()</c> prints.</summary>
public sealed class QuantityTests
{
    [TestCase("1", "1")]
    [TestCase("1000m", "1")]
    [TestCase("1500m", "1500m")]
    [TestCase("0.5", "500m")]
    [TestCase(".5", "500m")]
    [TestCase("5.", "5")]
    [TestCase("1.5", "1500m")]
    [TestCase("0.1", "100m")]
    [TestCase("100m", "100m")]
    [TestCase("2000m", "2")]
    [TestCase("0.1m", "100u")]
    [TestCase("1n", "1n")]
    [TestCase("0.5n", "1n")]
    [TestCase("1000", "1k")]
    [TestCase("1500", "1500")]
    [TestCase("10000", "10k")]
    [TestCase("1000k", "1M")]
    [TestCase("1000M", "1G")]
    [TestCase("1G", "1G")]
    [TestCase("1024Mi", "1Gi")]
    [TestCase("1536Mi", "1536Mi")]
    [TestCase("1.5Gi", "1536Mi")]
    [TestCase("2048Ki", "2Mi")]
    [TestCase("1000Ki", "1000Ki")]
    [TestCase("0.5Ki", "512")]
    [TestCase("1Ki", "1Ki")]
    [TestCase("0.9Gi", "966367641600m")]
    [TestCase("1e3", "1e3")]
    [TestCase("1E3", "1e3")]
    [TestCase("1000e0", "1e3")]
    [TestCase("1e-3", "1e-3")]
    [TestCase("10e2", "1e3")]
    [TestCase("1.5e3", "1500")]
    [TestCase("-1000m", "-1")]
    [TestCase("-1Ki", "-1Ki")]
    [TestCase("+5", "5")]
    [TestCase("0", "0")]
    [TestCase("0Mi", "0")]
    [TestCase("0.000m", "0")]
    [TestCase("1E", "1E")]
    [TestCase("1000P", "1E")]
    [TestCase("7Ei", "7Ei")]
    [TestCase("8Ei", "9223372036854775807")]
    [TestCase("100Ei", "9223372036854775807")]
    public void Canonical_form_matches_apimachinery(string input, string expected)
    {
        Assert.That(Quantity.TryParse(input, out var quantity), Is.True, input);
        Assert.That(quantity.ToCanonicalString(), Is.EqualTo(expected));
        Assert.That(quantity.IsCanonical, Is.EqualTo(input == expected));
    }

    [TestCase("")]
    [TestCase("m")]
    [TestCase(".")]
    [TestCase("1.2.3")]
    [TestCase("1K")]
    [TestCase("1mi")]
    [TestCase("1 Gi")]
    [TestCase("1Gib")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase("abc")]
    [TestCase("--1")]
    public void Malformed_quantities_are_rejected(string input) =>
        Assert.That(Quantity.TryParse(input, out _), Is.False);

    [Test]
    public void Values_compare_across_suffixes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.Parse("1Gi") > Quantity.Parse("1G"), Is.True);
            Assert.That(Quantity.Parse("1000m") == Quantity.Parse("1"), Is.True);
            Assert.That(Quantity.Parse("500m") < Quantity.Parse("0.6"), Is.True);
            Assert.That(Quantity.Parse("128974848").Value, Is.EqualTo(Quantity.Parse("123Mi").Value));
            Assert.That((long)Quantity.Parse("1.5").MilliValue, Is.EqualTo(1500));
            Assert.That((long)Quantity.Parse("0.1m").MilliValue, Is.EqualTo(1));
        });
    }
}
