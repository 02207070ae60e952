namespace Barangay.Data.Municipality;

/// <summary>What adding a barangay takes (the command's arguments, the admin page's form).</summary>
public sealed record NewBarangay(string Name, string Psgc, string Host, string? Slug = null, string? Server = null);
