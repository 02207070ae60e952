namespace Barangay.Data.Common;

/// <summary>Rows whose <c>updated_at</c> is stamped by <see cref="TimestampInterceptor"/> (no triggers: CockroachDB).</summary>
public interface IHasUpdatedAt
{
    DateTime UpdatedAt { get; set; }
}

/// <summary>Rows that are never physically deleted; a global query filter hides them once <c>deleted_at</c> is set.</summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
}

/// <summary>Rows that carry an app-managed optimistic concurrency token (no xmin on CockroachDB).</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
