using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Vixens.Lint.Sarif;

/// <summary>
/// Part of the Sarif.Sdk workaround (see Vixens.Lint.Sarif.csproj): Sarif.dll is a plain file reference, so the
/// applications that use this project get the file copied next to them but not listed in their .deps.json, and the
/// .NET host does not load unlisted files. Resolving it from this assembly's folder keeps the workaround here.
/// </summary>
internal static class SarifAssemblyResolver
{
#pragma warning disable CA2255 // A module initializer is the one hook that runs before any Sarif.Sdk type is touched.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        var self = typeof(SarifAssemblyResolver).Assembly;
        var context = AssemblyLoadContext.GetLoadContext(self) ?? AssemblyLoadContext.Default;
        context.Resolving += (loadContext, name) => Resolve(loadContext, name, self);
    }

    // In a single-file or native AOT build every assembly is compiled in, this event never fires, and Location is empty.
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Only reached when assemblies are separate files.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when assemblies are separate files, hence not trimmed.")]
    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name, Assembly self)
    {
        if (name.Name is not ("Sarif" or "Newtonsoft.Json"))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(self.Location);
        var candidate = directory is null ? null : Path.Combine(directory, name.Name + ".dll");
        return candidate is not null && File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }
}
