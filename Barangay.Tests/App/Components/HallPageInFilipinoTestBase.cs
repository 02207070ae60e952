using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// A hall page rendered by bUnit in Filipino (the circuit's culture fil-PH) over the demo database, with complaints and the
/// hall's messages wired (mail recorded, live updates faked): the set-up the Filipino hall-page tests share.
/// </summary>
public abstract class HallPageInFilipinoTestBase : DemoPageTestBase
{
    protected HallPageInFilipinoTestBase(DemoDatabase database) : base(database, AppLanguages.FilipinoCulture)
    {
        Services.AddLogging();
        Services.AddComplaintsAndMessaging();
    }
}
