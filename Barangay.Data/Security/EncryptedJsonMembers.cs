using System.Text.Json.Nodes;

namespace Barangay.Data.Security;

/// <summary>
/// Encrypts chosen string members of a JSON column (<c>notes[].text</c>: the member <c>text</c> of each item of the array
/// <c>notes</c>) and leaves the rest as it is, so the column stays JSON the app can read and the database can index.
/// </summary>
public sealed class EncryptedJsonMembers(ColumnCipher cipher, string column, IReadOnlyList<string> paths)
{
    private readonly string[][] _paths = paths.Select(p => p.Split('.')).ToArray();
    private readonly string[] _leaves = paths.Select(p => "\"" + p.Split('.')[^1].TrimEnd('[', ']') + "\"").Distinct().ToArray();

    /// <summary>The JSON as stored: listed members encrypted (members already encrypted are kept).</summary>
    public string Seal(string json) =>
        _leaves.Any(l => json.Contains(l, StringComparison.Ordinal)) ? Transform(json, seal: true) ?? json : json;

    /// <summary>The JSON as the app reads it: listed members decrypted.</summary>
    public string Open(string json) =>
        json.Contains(ColumnCipher.Prefix, StringComparison.Ordinal) ? Transform(json, seal: false) ?? json : json;

    /// <summary>The transformed JSON, or null when nothing changed (or it is not JSON).</summary>
    private string? Transform(string json, bool seal)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is null) return null;
        var changed = false;
        foreach (var path in _paths) changed |= Walk(root, path, 0, seal);
        return changed ? root.ToJsonString() : null;
    }

    private bool Walk(JsonNode node, string[] path, int at, bool seal)
    {
        var segment = path[at];
        var many = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = many ? segment[..^2] : segment;
        if (node is not JsonObject o || o[name] is not { } child) return false;
        var last = at == path.Length - 1;
        if (many)
        {
            if (child is not JsonArray items) return false;
            var changed = false;
            foreach (var item in items)
            {
                if (item is not null && !last) changed |= Walk(item, path, at + 1, seal);
            }
            return changed;
        }
        if (!last) return Walk(child, path, at + 1, seal);
        if (child is not JsonValue v || !v.TryGetValue<string>(out var s)) return false;
        var result = seal ? cipher.Encrypt(s, column) : cipher.Decrypt(s, column);
        if (result == s) return false;
        o[name] = result;
        return true;
    }
}
