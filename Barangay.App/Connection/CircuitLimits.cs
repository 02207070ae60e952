namespace Barangay.App.Connection;

/// <summary>
/// How long the server keeps a resident's page when the phone loses signal (section "Circuits" of appsettings).
/// A disconnected circuit holds its whole component tree in memory, so it is kept only briefly; what the resident
/// typed survives longer in two small places instead: the circuit's [PersistentState] values (.NET 10 circuit state
/// persistence, kept for <see cref="PersistedStateRetention"/>) and the draft on the phone itself (DraftKeeper).
/// </summary>
public sealed class CircuitLimits
{
    /// <summary>A dropped page is kept whole this long; a phone back within it continues on the same circuit.</summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>At most this many dropped pages are kept whole (each is a full component tree).</summary>
    public int DisconnectedMaxRetained { get; set; } = 2_000;

    /// <summary>After that, the page's persisted state (a few KB) is kept this long for the phone to resume.</summary>
    public TimeSpan PersistedStateRetention { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many persisted page states are kept in memory.</summary>
    public int PersistedStateMaxRetained { get; set; } = 20_000;

    /// <summary>A JS call that takes longer than this is abandoned (the phone went away mid-call).</summary>
    public TimeSpan JSInteropTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Render batches a slow phone may leave unacknowledged before the server waits for it.</summary>
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 5;

    /// <summary>
    /// Live pages one signed-in person may have open at once (tabs, phone and desk together; <see cref="PagesPerPerson"/>).
    /// A secretary working in a dozen tabs is far below it; a script opening pages to fill the server's memory stops here.
    /// </summary>
    public int MaxPagesPerAccount { get; set; } = 30;

    /// <summary>Live pages from one network address without a sign-in (many phones share a mobile network's address).</summary>
    public int MaxPagesPerAddress { get; set; } = 60;

    /// <summary>Serves /_diag/circuits (counts and memory only, for tests and the capacity bench); off in production.</summary>
    public bool Diagnostics { get; set; }
}
