namespace Barangay.Data.Announcements;

/// <summary>
/// Starts the fan-out of a committed <c>announcement_deliveries</c> row (call it after SaveChanges). Starting it
/// twice is harmless: the fan-out locks the row and resumes from its cursor. A lost start is resumed by the sweeper.
/// </summary>
public interface IAnnouncementDispatcher
{
    Task StartAsync(Guid deliveryId, CancellationToken ct = default);
}
