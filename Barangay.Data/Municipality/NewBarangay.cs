namespace Barangay.Data.Municipality;

/// <summary>What adding a barangay takes (the command's arguments, the admin page's form).</summary>
/// <param name="PublicUrl">The address residents type (links it emails start with it); null = PublicBaseUrl + b/{slug}/.</param>
public sealed record NewBarangay(string Name, string Psgc, string Host, string? Slug = null, string? Server = null, string? PublicUrl = null);
