using Barangay.Data.Common;

namespace Barangay.Data.Messaging;

public class Conversation : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public string? Subject { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
