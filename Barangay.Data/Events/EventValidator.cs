using Barangay.Data.Common;

namespace Barangay.Data.Events;

/// <summary>The event form's rules; the service checks them again (the one that counts).</summary>
public static class EventValidator
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 10_000;
    public const int MaxCapacityLimit = 100_000;

    public static Dictionary<string, string> Validate(EventEdit e)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(e.Title)) errors[nameof(e.Title)] = Localization.Texts.Say("The title is required.");
        else if (e.Title.Trim().Length > MaxTitle) errors[nameof(e.Title)] = Localization.Texts.Say("The title is longer than {0} characters.", MaxTitle);
        if (e.Description is { Length: > MaxDescription }) errors[nameof(e.Description)] = Localization.Texts.Say("The description is longer than {0} characters.", MaxDescription);
        if (e.StartLocal is null) errors[nameof(e.StartLocal)] = Localization.Texts.Say("The start date and time are required.");
        if (e.EndLocal is null) errors[nameof(e.EndLocal)] = Localization.Texts.Say("The end date and time are required.");
        if (e.StartLocal is { } s && e.EndLocal is { } end && end <= s)
            errors[nameof(e.EndLocal)] = Localization.Texts.Say("The event must end after it starts.");
        if (e.MaxCapacity is < 1 or > MaxCapacityLimit)
            errors[nameof(e.MaxCapacity)] = Localization.Texts.Say("The capacity must be between 1 and {0:N0}, or empty for no limit.", MaxCapacityLimit);
        if (e.Venue is { Length: > 300 }) errors[nameof(e.Venue)] = Localization.Texts.Say("The venue is longer than {0} characters.", 300);
        if (e.Category is { Length: > 100 }) errors[nameof(e.Category)] = Localization.Texts.Say("The category is longer than {0} characters.", 100);
        return errors;
    }

    public static DateTime ToUtc(DateTime manilaLocal) => TimeZones.ManilaToUtc(manilaLocal);
}
