namespace Barangay.App.Components.Pages.Messaging;

/// <summary>What is kept of a new message while the phone is offline (DraftKeeper).</summary>
public sealed record MessageDraft(string? Subject, string? Body);
