using Barangay.Data.Municipality;

namespace Barangay.Data.Tenancy;

/// <summary>The barangay of this request or circuit (scoped); null on a single-barangay deployment.</summary>
public interface ICurrentBarangay
{
    BarangayListing? Barangay { get; }

    void Set(BarangayListing barangay);
}

/// <summary>Starts as the ambient barangay of the flow that created the scope (the request, the circuit's hub call).</summary>
public sealed class CurrentBarangay : ICurrentBarangay
{
    public BarangayListing? Barangay { get; private set; } = BarangayAmbient.Current;

    public void Set(BarangayListing barangay) => Barangay = barangay;
}
