namespace Barangay.Data.Notifications;

public sealed class NotificationOptions
{
    /// <summary>
    /// From this many recipients on, a fan-out is written with a binary COPY instead of EF inserts
    /// (EF's batched INSERTs are fine for a handful of rows, and a COPY's set-up is not worth it there).
    /// </summary>
    public int CopyThreshold { get; set; } = 100;
}
