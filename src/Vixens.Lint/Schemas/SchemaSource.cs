namespace Vixens.Lint.Schemas;

/// <summary>Where a schema came from, in resolution order.</summary>
public enum SchemaSource
{
    /// <summary>The bundled Kubernetes OpenAPI of the configured version.</summary>
    Kubernetes,
    /// <summary>A CustomResourceDefinition among the resources being checked.</summary>
    RepositoryCrd,
    /// <summary>The bundled CRD catalog.</summary>
    CrdCatalog,
    /// <summary>A file in one of the user's schema folders.</summary>
    UserDirectory,
}
