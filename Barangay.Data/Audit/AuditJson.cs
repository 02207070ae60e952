using System.Text.Encodings.Web;
using System.Text.Json;

namespace Barangay.Data.Audit;

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        // Keep Ñ and other Filipino letters readable in the stored JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
