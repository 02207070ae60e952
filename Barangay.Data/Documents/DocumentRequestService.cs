using System.Globalization;
using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>
/// Document requests: residents request from their phones and follow a timeline; officials enter walk-ins, work the
/// queue, record payments and approve; every status change notifies the resident (and emails them) in the same
/// transaction as the change and its audit row.
/// </summary>
public sealed partial class DocumentRequestService(
    BarangayDb dbs,
    IDbContextFactory<BarangayDbContext> factory,
    HolidayCalendar calendar,
    CertificateCodes codes,
    TimeProvider clock,
    IEmailDispatcher? emails = null)
{
    public const string TargetType = "DocumentRequest";
    public const string NotificationType = "document_request";
    public const int MaxPurpose = 300;
    public const int MaxAttachments = 5;
    public const FileKinds AttachmentKinds = FileKinds.Documents;
    public const string NotFoundMessage = "Request not found.";

    /// <summary>The document types residents may request now (public: the request form lists them).</summary>
    public async Task<IReadOnlyList<DocumentType>> TypesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TypesAsync(db, ct);
    }

    internal static async Task<List<DocumentType>> TypesAsync(BarangayDbContext db, CancellationToken ct) =>
        (await db.LookupValues.AsNoTracking()
            .Where(l => l.Category == LookupCategories.DocumentType && !l.Retired)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label)
            .Select(l => new { l.Code, l.Label, l.Meta }).ToListAsync(ct))
        .Select(l => DocumentType.Parse(l.Code, l.Label, l.Meta)).ToList();

    /// <summary>
    /// Files a request: the resident's own (from their account) or, for an official with
    /// <see cref="Permissions.Documents.Process"/>, a walk-in for <see cref="NewDocumentRequest.ResidentId"/>.
    /// </summary>
    public async Task<ServiceResult<DocumentRequestAck>> CreateAsync(NewDocumentRequest input, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        Resident? resident;
        var walkIn = input.ResidentId is not null;
        if (walkIn)
        {
            if (!caller.Can(Permissions.Documents.Process)) return ServiceResult<DocumentRequestAck>.NotFound();
            resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.ResidentId, ct);
            if (resident is null) return ServiceResult<DocumentRequestAck>.Invalid("Resident", Texts.Say("Choose the resident the request is for."));
        }
        else
        {
            if (!caller.Can(Permissions.Documents.Request) || caller.UserId is null) return ServiceResult<DocumentRequestAck>.NotFound();
            resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == caller.UserId, ct);
            if (resident is null) return ServiceResult<DocumentRequestAck>.Invalid("Resident", Texts.Say("Your account is not linked to a record in the register yet; ask the hall."));
        }
        if (resident.RegistrationStatus != ResidentStatuses.Active)
            return ServiceResult<DocumentRequestAck>.Invalid("Resident", Texts.Say("Only active residents of the register can request documents."));

        var types = await TypesAsync(db, ct);
        var type = types.FirstOrDefault(t => t.Code == input.TypeCode);
        if (type is null) return ServiceResult<DocumentRequestAck>.Invalid(nameof(input.TypeCode), Texts.Say("Choose a document type."));
        var errors = DocumentRequestValidator.Validate(input, type, TimeZones.ManilaToday(clock));
        if (errors.Count == 0) await DocumentRequestValidator.CheckAttachmentsAsync(db, input.AttachmentIds, caller, errors, ct);
        if (errors.Count > 0) return ServiceResult<DocumentRequestAck>.Invalid(errors);
        if (type.OncePerPerson && await db.DocumentRequests.AsNoTracking().Where(r => r.ResidentId == resident.Id && r.Type == type.Code
                && r.Status != DocumentRequestStatuses.Cancelled && r.Status != DocumentRequestStatuses.Rejected)
                .Select(r => r.RequestId).FirstOrDefaultAsync(ct) is { } earlier)
            return ServiceResult<DocumentRequestAck>.Invalid(nameof(input.TypeCode),
                $"{type.Label} is given only once per person ({type.WaiverReason ?? "by law"}); {Name(resident)} already requested it as {earlier}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = await ActorNameAsync(db, caller, ct);
        var meta = new DocumentRequestMetadata
        {
            Purpose = input.Purpose.Trim(),
            Fields = type.Fields.Where(f => input.Fields.TryGetValue(f.Key, out var v) && !string.IsNullOrWhiteSpace(v))
                .ToDictionary(f => f.Key, f => input.Fields[f.Key].Trim()),
            TypeLabel = type.Label,
            Fee = type.Fee,
            WorkingDays = type.WorkingDays,
            Oath = input.Oath,
            WalkIn = walkIn,
            Language = Localization.AppLanguages.Match(input.Language),
            // A walk-in is entered at the desk with the requirements in hand (RA 11032 §4(j)); an online filing's are
            // found complete when an official reviews it.
            RequirementsCompleteAt = walkIn ? now : null,
            History = [new DocumentStatusEntry(DocumentRequestStatuses.Submitted, now, caller.UserId, actor, walkIn ? "Walk-in request entered at the hall" : null)],
        };
        var acting = await WhoActsAsync(db, ct);
        var request = new DocumentRequest
        {
            Id = Guid.NewGuid(),
            ResidentId = resident.Id,
            Type = type.Code,
            Status = DocumentRequestStatuses.Submitted,
            Metadata = meta.ToJson(),
            Attachments = input.AttachmentIds.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(input.AttachmentIds.Distinct()),
            PaymentInfo = type.IsFree && type.WaiverReason is { } waiver
                ? new PaymentInfo(0, null, null, null, null, true, waiver).ToJson()
                : null,
            SubmittedAt = now,
            Purok = resident.Purok,
        };
        // No deadline until requirements are complete and the fee is settled (a free walk-in starts at once).
        ServiceStandard.TryStart(request, meta, PaymentInfo.Parse(request.PaymentInfo), await calendar.ClockAsync(ct));
        request.Metadata = meta.ToJson();
        var due = request.DueAt;

        var strategy = db.Database.CreateExecutionStrategy();
        var emailIds = await strategy.ExecuteAsync(async token =>
        {
            await using var attempt = await factory.CreateDbContextAsync(token);
            attempt.Actor = caller.ToActor();
            await using var tx = await attempt.Database.BeginTransactionAsync(token);
            request.RequestId = await HumanIds.NextAsync(attempt, HumanIds.DocumentRequest, ct: token);
            attempt.DocumentRequests.Add(request);
            var text = due is { } d
                ? new Message("{0} request {1} received. Due {2}; {3} will act on it.", type.Label, request.RequestId, Message.At(d), acting)
                : type.IsFree
                    ? new Message("{0} request {1} received. {2} will act on it within {3} working days of your requirements being complete.", type.Label, request.RequestId, acting, type.WorkingDays.ToString(CultureInfo.InvariantCulture))
                    : new Message("{0} request {1} received. {2} will act on it within {3} working days of your requirements being complete and the fee of ₱{4} paid.", type.Label, request.RequestId, acting, type.WorkingDays.ToString(CultureInfo.InvariantCulture), type.Fee.ToString("N2", CultureInfo.InvariantCulture));
            var ids = await NotifyResidentAsync(attempt, resident, request, new Message("{0} request {1} received", type.Label, request.RequestId), text, token);
            await attempt.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return ids;
        }, ct);
        await DispatchAsync(emailIds, ct);
        return ServiceResult<DocumentRequestAck>.Success(new DocumentRequestAck(request.Id, request.RequestId, type.Label, now, due, type.WorkingDays, acting, type.Fee) { WalkIn = walkIn, Requirements = type.Requirements, WaiverReason = type.WaiverReason });
    }

    /// <summary>The signed-in resident's own requests, newest first.</summary>
    public async Task<IReadOnlyList<MyDocumentRequest>> MineAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is null) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from r in db.DocumentRequests.AsNoTracking()
                          join p in db.Residents.AsNoTracking() on r.ResidentId equals p.Id
                          where p.UserId == caller.UserId
                          orderby r.SubmittedAt descending
                          select new { r.Id, r.RequestId, r.Type, r.Status, r.SubmittedAt, r.DueAt, r.Metadata }).ToListAsync(ct);
        var labels = await LabelsAsync(db, ct);
        return rows.Select(r =>
        {
            var meta = DocumentRequestMetadata.Parse(r.Metadata);
            return new MyDocumentRequest(r.Id, r.RequestId, labels.GetValueOrDefault(r.Type, r.Type), r.Status, r.SubmittedAt, r.DueAt,
                IsOverdue(r.Status, r.DueAt, now),
                r.Status is DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released && meta.Certificate is not null, meta.Purpose);
        }).ToList();
    }

    /// <summary>A request for its page: the resident's own, or any for officials who work the queue; otherwise not found.</summary>
    public async Task<DocumentRequestDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return null;
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!MayRead(caller, resident))
        {
            await RecordRefusalAsync(db, id, "view", ct);
            return null;
        }
        return ToDetail(row, resident, await LabelsAsync(db, ct), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Someone asked for a request that is not theirs (another resident's id typed into the address, a certificate's
    /// PDF link passed on): the answer is "not found", and the attempt is written down, as a look at another's
    /// complaint or message is, so the audit log shows who probes the register's requests.
    /// </summary>
    internal static async Task RecordRefusalAsync(BarangayDbContext db, Guid id, string what, CancellationToken ct)
    {
        db.Record(AuditActions.View, TargetType, id.ToString(), new { outcome = "refused", action = what });
        await db.SaveChangesAsync(ct);
    }

    internal static bool MayRead(Caller caller, Resident resident) => MayRead(caller, resident.UserId);

    /// <summary>The holder (by their account) or an official who processes or releases documents.</summary>
    internal static bool MayRead(Caller caller, Guid? holderUserId) =>
        (caller.UserId is not null && holderUserId == caller.UserId) || caller.Can(Permissions.Documents.Process) || caller.Can(Permissions.Documents.Release);

    internal static DocumentRequestDetail ToDetail(DocumentRequest row, Resident resident, IReadOnlyDictionary<string, string> labels, DateTime now)
    {
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        var payment = PaymentInfo.Parse(row.PaymentInfo);
        var attachments = string.IsNullOrWhiteSpace(row.Attachments) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<Guid>>(row.Attachments) ?? [];
        return new DocumentRequestDetail(
            row.Id, row.RequestId, resident.Id, Name(resident), resident.ResidentId, row.Purok, row.Type,
            meta.TypeLabel ?? labels.GetValueOrDefault(row.Type, row.Type), row.Status, meta.Purpose,
            meta.Fields.Select(f => (Humanize(f.Key), f.Value)).ToList(), attachments, row.SubmittedAt, row.DueAt,
            IsOverdue(row.Status, row.DueAt, now), meta.Fee, payment, meta.Reason, meta.History, meta.Certificate, row.Version, meta.Revocation)
        {
            RequirementsCompleteAt = meta.RequirementsCompleteAt,
            FeeSettledAt = meta.Fee > 0 ? (payment?.Settled == true ? payment.PaidAt : null) : null,
            ClockStartedAt = meta.ClockStartedAt,
            WorkingDays = meta.WorkingDays,
            Extension = meta.Extension,
            WalkIn = meta.WalkIn,
        };
    }

    internal static bool IsOverdue(string status, DateTime? due, DateTime now) => due is { } d && d < now && DocumentRequestStatuses.Pending.Contains(status);

    internal static async Task<Dictionary<string, string>> LabelsAsync(BarangayDbContext db, CancellationToken ct) =>
        await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType).ToDictionaryAsync(l => l.Code, l => l.Label, ct);

    internal static string Name(Resident r) => string.Join(" ", new[] { r.FirstName, string.IsNullOrWhiteSpace(r.MiddleName) ? null : r.MiddleName.Trim()[0] + ".", r.LastName, r.NameExtension }
        .Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Humanize(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');

    internal static string Format(DateTime utc) =>
        TimeZones.ToManila(utc).ToString("ddd, MMM d, yyyy h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-PH"));

    /// <summary>The official's full name for timelines and "who did it" messages.</summary>
    internal static async Task<string> ActorNameAsync(BarangayDbContext db, Caller caller, CancellationToken ct)
    {
        if (caller.UserId is not { } id) return caller.Name ?? "the system";
        var full = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(full) ? caller.Name ?? "someone" : full;
    }

    /// <summary>"Liza R. Manalo, Barangay Secretary" — the acknowledgement names who acts on a new request.</summary>
    private static async Task<string> WhoActsAsync(BarangayDbContext db, CancellationToken ct)
    {
        var secretary = await db.Officials.AsNoTracking()
            .Where(o => o.Position == OfficialPositions.Secretary && o.Status == Officials.OfficialStatuses.Active)
            .Select(o => o.FullName).FirstOrDefaultAsync(ct);
        return secretary is null ? "the Barangay Secretary" : $"{secretary}, Barangay Secretary";
    }

    private async Task DispatchAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count > 0 && emails is not null) await emails.DispatchAsync(ids, ct);
    }

    /// <summary>A notification and (when the resident has an email and allows it) an email, added to <paramref name="db"/> for the caller's SaveChanges.</summary>
    internal static async Task<IReadOnlyList<Guid>> NotifyResidentAsync(BarangayDbContext db, Resident resident, DocumentRequest request, Message subject, Message text, CancellationToken ct)
    {
        var href = $"/my/requests/{request.Id}";
        if (resident.UserId is { } user)
        {
            var payload = Notifications.NotificationPayload.From(text, href, new Dictionary<string, string> { ["request"] = request.Id.ToString() });
            var sent = await Notifications.NotificationService.AddAsync(db, [user], NotificationType, payload, ct);
            if (!sent.Succeeded) throw new InvalidOperationException(sent.Error);
            await Notifications.NoticeTexts.QueueAsync(db, [user], text, "request", ct);
        }
        var email = resident.Email;
        if (string.IsNullOrWhiteSpace(email) && resident.UserId is { } uid)
            email = await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email) || !MyPrivacy.Parse(resident.PrivacySettings).AllowEmailNotifications || !email.Contains('@')) return [];
        // Written in the recipient's language (their account's choice, else English) when it is queued, moments before it is sent.
        var lang = AppLanguages.Culture(await RecipientLanguage.OfAsync(db, resident.UserId, ct));
        var body = $"{new Message("Hello {0},", resident.FirstName).Render(lang)}\n\n{text.Render(lang)}\n\n{Texts.Get("See it any time under My requests.", lang)}\n";
        var row = EmailOutbox.Queue(db, email, subject.Render(lang), body,
            new { request = request.Id, lang = lang.Name, message = new { key = text.Key, args = text.Args } });
        return [row.Id];
    }
}
