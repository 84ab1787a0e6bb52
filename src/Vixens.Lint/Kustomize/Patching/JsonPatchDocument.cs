using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>One document being JSON-patched: runs the six operations with evanphx/json-patch v4 semantics and wording.</summary>
internal sealed class JsonPatchDocument
{
    private const string Missing = "missing value";

    public JsonPatchDocument(YamlNode root) => Root = root;

    public YamlNode Root { get; private set; }

    /// <summary>Runs one operation; returns the error text, or null on success.</summary>
    public string? Apply(YamlMapping operation, Provenance provenance)
    {
        var kind = StringField(operation, "op") ?? "unknown";
        return kind switch
        {
            "add" => Add(operation),
            "remove" => Remove(operation),
            "replace" => Replace(operation),
            "move" => Move(operation),
            "test" => Test(operation),
            "copy" => Copy(operation, provenance),
            _ => $"Unexpected kind: {kind}",
        };
    }

    private string? Add(YamlMapping operation)
    {
        if (StringField(operation, "path") is not { } path)
        {
            return $"add operation failed to decode path: {Missing}";
        }

        var parent = JsonPointerContainer.FindParent(Root, path, out var key);
        if (parent is null)
        {
            return $"add operation does not apply: doc is missing path: \"{path}\": {Missing}";
        }

        return parent.Add(key, Value(operation)) is { } error ? $"error in add for path: '{path}': {error}" : null;
    }

    private string? Remove(YamlMapping operation)
    {
        if (StringField(operation, "path") is not { } path)
        {
            return $"remove operation failed to decode path: {Missing}";
        }

        var parent = JsonPointerContainer.FindParent(Root, path, out var key);
        if (parent is null)
        {
            return $"remove operation does not apply: doc is missing path: \"{path}\": {Missing}";
        }

        return parent.Remove(key) is { } error ? $"error in remove for path: '{path}': {error}" : null;
    }

    private string? Replace(YamlMapping operation)
    {
        if (StringField(operation, "path") is not { } path)
        {
            return $"replace operation failed to decode path: operation missing path field: {Missing}";
        }

        if (path.Length == 0)
        {
            // The library swaps the whole document for an object or array, and silently ignores any other value.
            if (Value(operation) is YamlMapping or YamlSequence)
            {
                Root = Value(operation);
            }

            return null;
        }

        var parent = JsonPointerContainer.FindParent(Root, path, out var key);
        if (parent is null)
        {
            return $"replace operation does not apply: doc is missing path: {path}: {Missing}";
        }

        parent.Get(key, out var getError);
        if (getError is not null)
        {
            return $"replace operation does not apply: doc is missing key: {path}: {Missing}";
        }

        // An object without the key is not an error: the library adds it.
        return parent.Set(key, Value(operation)) is { } error ? $"error in remove for path: '{path}': {error}" : null;
    }

    private string? Move(YamlMapping operation)
    {
        if (StringField(operation, "from") is not { } from)
        {
            return "move operation failed to decode from: operation, missing from field: " + Missing;
        }

        var source = JsonPointerContainer.FindParent(Root, from, out var fromKey);
        if (source is null)
        {
            return $"move operation does not apply: doc is missing from path: {from}: {Missing}";
        }

        var value = source.Get(fromKey, out var getError);
        if (getError is not null)
        {
            return $"error in move for path: '{fromKey}': {getError}";
        }

        if (source.Remove(fromKey) is { } removeError)
        {
            return $"error in move for path: '{fromKey}': {removeError}";
        }

        if (StringField(operation, "path") is not { } path)
        {
            return $"move operation failed to decode path: operation missing path field: {Missing}";
        }

        var destination = JsonPointerContainer.FindParent(Root, path, out var key);
        if (destination is null)
        {
            return $"move operation does not apply: doc is missing destination path: {path}: {Missing}";
        }

        var moved = value ?? new YamlScalar("null", operation.Span);
        return destination.Add(key, moved) is { } error ? $"error in move for path: '{path}': {error}" : null;
    }

    private string? Copy(YamlMapping operation, Provenance provenance)
    {
        if (StringField(operation, "from") is not { } from)
        {
            return "copy operation failed to decode from: operation, missing from field: " + Missing;
        }

        var source = JsonPointerContainer.FindParent(Root, from, out var fromKey);
        if (source is null)
        {
            return $"copy operation does not apply: doc is missing from path: {from}: {Missing}";
        }

        var value = source.Get(fromKey, out var getError);
        if (getError is not null)
        {
            return $"error in copy for from: '{from}': {getError}";
        }

        if (StringField(operation, "path") is not { } path)
        {
            return $"copy operation failed to decode path: {Missing}";
        }

        var destination = JsonPointerContainer.FindParent(Root, path, out var key);
        if (destination is null)
        {
            return $"copy operation does not apply: doc is missing destination path: {path}: {Missing}";
        }

        // The copy is new content written by the patch: it points at the operation that made it.
        var copy = value?.DeepClone() ?? new YamlScalar("null", operation.Span);
        copy.StampProvenance(PatchProvenance.For(operation, provenance));
        return destination.Add(key, copy) is { } error ? $"error while adding value during copy: {error}" : null;
    }

    private string? Test(YamlMapping operation)
    {
        if (StringField(operation, "path") is not { } path)
        {
            return $"test operation failed to decode path: operation missing path field: {Missing}";
        }

        var expected = operation["value"];
        if (path.Length == 0)
        {
            return JsonEquality.AreEqual(Root, expected) ? null : $"testing value {path} failed: test failed";
        }

        var parent = JsonPointerContainer.FindParent(Root, path, out var key);
        if (parent is null)
        {
            return $"test operation does not apply: is missing path: {path}: {Missing}";
        }

        var actual = parent.Get(key, out var getError);
        if (getError is not null)
        {
            return $"error in test for path: '{path}': {getError}";
        }

        if (YamlFacts.IsMissingOrNull(actual))
        {
            return YamlFacts.IsMissingOrNull(expected) ? null : $"testing value {path} failed: test failed";
        }

        return JsonEquality.AreEqual(actual, expected) ? null : $"testing value {path} failed: test failed";
    }

    /// <summary>The operation's value (a clone already stamped with the patch provenance); JSON null when absent.</summary>
    private static YamlNode Value(YamlMapping operation) => operation["value"] ?? new YamlScalar("null", operation.Span) { Provenance = operation.Provenance };

    private static string? StringField(YamlMapping operation, string name) =>
        operation[name] is YamlScalar { IsNull: false } scalar ? scalar.Value : null;
}
