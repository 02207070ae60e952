namespace Barangay.Data.Email;

/// <summary>
/// Starts delivery of committed <c>email_queue</c> rows (call it after SaveChanges). Dispatching a row twice is
/// harmless: the delivery job claims a row before sending it, so it is sent once.
/// </summary>
public interface IEmailDispatcher
{
    Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default);
}
