using System.Xml.Linq;
using Barangay.Data.Tenancy;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Barangay.App.Tenancy;

/// <summary>
/// The Data Protection key ring is one for the deployment (cookies, antiforgery, links), kept in the home database
/// (<c>ConnectionStrings:Default</c>) whichever barangay's request first loads or rotates it.
/// </summary>
public sealed class HomeKeyRing(IXmlRepository inner) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var home = BarangayAmbient.UseHome();
        return inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var home = BarangayAmbient.UseHome();
        inner.StoreElement(element, friendlyName);
    }
}
