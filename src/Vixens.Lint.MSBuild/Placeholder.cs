namespace Vixens.Lint.MSBuild; internal static class Placeholder { }
