namespace Barangay.App.Components.Pages.Messaging;

/// <summary>
/// What is kept of a new message while the phone is offline (DraftKeeper). <see cref="SendKey"/> travels with the
/// draft, so a message sent again after a dropped answer is stored once (MessagingService.SendOnce.cs).
/// </summary>
public sealed record MessageDraft(string? Subject, string? Body, Guid? SendKey = null);
