namespace Vixens.Lint.Sarif; internal static class Placeholder { }
