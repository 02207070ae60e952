namespace Barangay.Data.Messaging;

/// <summary>What a conversation is about (a complaint or a document request), for links from their pages.</summary>
public sealed record ConversationLink(string Kind, Guid Id);

/// <summary>A file attached to a message, as stored in <c>messages.attachments</c>.</summary>
public sealed record MessageAttachment(Guid FileId, string FileName, string ContentType, long SizeBytes);

/// <summary>An attachment as a reader sees it: <see cref="Url"/> is a signed, time-limited download link.</summary>
public sealed record AttachmentLink(Guid FileId, string FileName, string ContentType, long SizeBytes, string Url);

/// <summary>One message in a conversation view. <see cref="Mine"/>: sent by the caller; <see cref="FromHall"/>: by an official.</summary>
public sealed record MessageRow(
    Guid Id, Guid ConversationId, string SenderName, bool FromHall, bool Mine, string Body, DateTime CreatedAt,
    IReadOnlyList<AttachmentLink> Attachments, bool System = false);

/// <summary>A conversation opened for reading (it is marked read for the caller when it is a participant).</summary>
public sealed record ConversationView(
    Guid Id, string Subject, Guid? ResidentId, string ResidentName, string? ResidentCode, string? Purok,
    ConversationLink? Link, bool AwaitingReply, bool IsParticipant, IReadOnlyList<MessageRow> Messages);

/// <summary>A row of "my conversations" or of the hall inbox.</summary>
public sealed record ConversationRow(
    Guid Id, string Subject, string ResidentName, string? ResidentCode, string? Purok, ConversationLink? Link,
    string LastSender, string LastPreview, DateTime? LastMessageAt, bool AwaitingReply, int Unread);

/// <summary>The hall inbox's filters; all optional. <see cref="Purok"/> is the lookup code.</summary>
public sealed record HallInboxFilter(Guid? ResidentId = null, string? Purok = null, ConversationLink? Link = null, bool OnlyAwaiting = false, string? Name = null);

public sealed record HallInboxList(IReadOnlyList<ConversationRow> Items, int Total, int Awaiting);

/// <summary>
/// A new message (the first of a conversation or a reply) with the ids of files already uploaded through <see cref="MessagingService.AttachAsync"/>.
/// <see cref="SendKey"/>: the form's key, kept with its draft; a new conversation sent again with the same key is not stored twice (MessagingService.SendOnce.cs).
/// </summary>
public sealed record NewMessage(string Body, IReadOnlyList<Guid>? AttachmentIds = null, Guid? SendKey = null);

/// <summary>A message that was stored: its conversation and its row.</summary>
public sealed record MessageSent(Guid ConversationId, MessageRow Message);
