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
        if (string.IsNullOrWhiteSpace(e.Title)) errors[nameof(e.Title)] = "The title is required.";
        else if (e.Title.Trim().Length > MaxTitle) errors[nameof(e.Title)] = $"The title is longer than {MaxTitle} characters.";
        if (e.Description is { Length: > MaxDescription }) errors[nameof(e.Description)] = $"The description is longer than {MaxDescription} characters.";
        if (e.StartLocal is null) errors[nameof(e.StartLocal)] = "The start date and time are required.";
        if (e.EndLocal is null) errors[nameof(e.EndLocal)] = "The end date and time are required.";
        if (e.StartLocal is { } s && e.EndLocal is { } end && end <= s)
            errors[nameof(e.EndLocal)] = "The event must end after it starts.";
        if (e.MaxCapacity is < 1 or > MaxCapacityLimit)
            errors[nameof(e.MaxCapacity)] = $"The capacity must be between 1 and {MaxCapacityLimit:N0}, or empty for no limit.";
        if (e.Venue is { Length: > 300 }) errors[nameof(e.Venue)] = "The venue is longer than 300 characters.";
        if (e.Category is { Length: > 100 }) errors[nameof(e.Category)] = "The category is longer than 100 characters.";
        return errors;
    }

    public static DateTime ToUtc(DateTime manilaLocal) => TimeZones.ManilaToUtc(manilaLocal);
}
