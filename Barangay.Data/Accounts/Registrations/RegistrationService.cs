using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Barangay.Data.Sms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The applicant's side of self-registration (public, no sign-in): submit, check the status with the reference
/// number and password, withdraw. The account is created in status <c>pending</c> holding only the password's hash;
/// <c>user_payload</c> holds the details and never the password.
/// </summary>
public sealed class RegistrationService(
    IDbContextFactory<BarangayDbContext> factory,
    IPasswordHasher<User> hasher,
    ILookupNormalizer normalizer,
    HolidayCalendar calendar,
    IFileStore store,
    FileKeyRing keys,
    FileLinkSigner links,
    ILoggerFactory logs,
    IEmailDispatcher dispatcher,
    PasswordGate gate,
    TimeProvider clock,
    PublicLinks? publicLinks = null,
    ISmsDispatcher? sms = null,
    UserManager<User>? userManager = null)
{
    public async Task<string> PrivacyNoticeAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.PrivacyNotice).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return SettingJson.ReadText(json);
    }

    public async Task<IReadOnlyList<LookupOption>> PuroksAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && !l.Retired)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label).Select(l => new LookupOption(l.Code, l.Label)).ToListAsync(ct);
    }

    /// <summary>
    /// Checks everything first (nothing is written for bad input), then creates the pending account, the registration and the ID photo.
    /// <paramref name="verifiedMobile"/> is the number this browser proved with a texted code (<c>MobileCodeService</c>):
    /// the account gets it confirmed, and email becomes optional (the applicant is then told everything by text).
    /// </summary>
    public async Task<ServiceResult<RegistrationReceipt>> SubmitAsync(RegistrationForm form, RegistrationPhoto? photo, string? ip, string? userAgent, CancellationToken ct = default, string? verifiedMobile = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var puroks = (await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && !l.Retired).Select(l => l.Code).ToListAsync(ct)).ToHashSet();
        var errors = RegistrationValidator.Validate(form, TimeZones.ManilaToday(clock), puroks, verifiedMobile);

        byte[]? photoBytes = null;
        var files = FileServiceFor(Guid.Empty, "", ip, userAgent);
        var maxBytes = await files.MaxBytesAsync(ct);
        // In the applicant's language (the sign-up page's request culture), like the rest of the form's messages.
        if (photo is null) errors["IdPhoto"] = Localization.Texts.Say("ID photo: take or choose a photo of a valid ID.");
        else
        {
            photoBytes = await ReadAtMostAsync(photo.Content, maxBytes, ct);
            var check = photoBytes is null ? FileService.TooLarge(maxBytes) : FileContentCheck.Check(FileService.DisplayName(photo.FileName), photoBytes, FileKinds.Images).Refusal;
            if (check is not null) errors["IdPhoto"] = Localization.Texts.Say("ID photo: {0}", check);
        }

        var userName = form.UserName.Trim();
        var email = (form.Email ?? "").Trim().ToLowerInvariant();
        var normalizedName = normalizer.NormalizeName(userName);
        var normalizedEmail = email.Length == 0 ? null : normalizer.NormalizeEmail(email);
        if (errors.Count > 0) return ServiceResult<RegistrationReceipt>.Invalid(errors);
        if (normalizedEmail is null)
        {
            // Mobile alone: the same answer whether or not the number or the username is taken; a text tells the number's owner.
            var numberTaken = await db.Users.AnyAsync(u => u.PhoneNumber == verifiedMobile && u.PhoneNumberConfirmed && u.Status != UserStatuses.Disabled, ct);
            if (numberTaken || await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalizedName, ct))
                return await NumberTakenAsync(form, userName, verifiedMobile!, numberTaken, ip, userAgent, ct);
        }
        else
        {
            // A username or address that is taken gets the same answer as a new one ("check your email"); the email
            // tells the owner of the address, so the page cannot be used to learn who has an account.
            var emailTaken = await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalizedEmail, ct);
            if (emailTaken || await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalizedName, ct))
                return await AlreadyTakenAsync(form, userName, email, emailTaken, ip, userAgent, ct);
        }

        // The request's language (set by the localization middleware from the switch, the cookie or the browser).
        var language = AppLanguages.CodeOf(CultureInfo.CurrentUICulture);
        var notice = await PrivacyNoticeAsync(ct);
        var reviewDays = SettingJson.ReadInt(await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.RegistrationReviewDays).Select(s => s.Value).FirstOrDefaultAsync(ct), SettingsService.DefaultReviewDays);
        var eta = (await calendar.ClockAsync(ct)).AddWorkingDays(now, reviewDays);
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = normalizedName, Email = email.Length == 0 ? null : email, NormalizedEmail = normalizedEmail,
            // A number proved with a texted code is confirmed from the start: notices and sign-in codes reach it once approved.
            PhoneNumber = verifiedMobile, PhoneNumberConfirmed = verifiedMobile is not null,
            FullName = $"{form.FirstName.Trim()} {form.LastName.Trim()}", Roles = [AppRoles.Resident], Status = UserStatuses.Pending,
            LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            // The language of the page she registered on becomes her account's: notices and emails follow it until she switches.
            PreferredLanguage = language,
        };
        user.PasswordHash = hasher.HashPassword(user, form.Password);
        var payload = new RegistrationPayload
        {
            UserId = user.Id, UserName = userName, FirstName = form.FirstName.Trim(), MiddleName = Blank(form.MiddleName), LastName = form.LastName.Trim(),
            Dob = form.Dob, Sex = form.Sex, MaritalStatus = form.MaritalStatus, Purok = form.Purok, Address = Blank(form.Address),
            ContactNumber = verifiedMobile ?? Blank(form.ContactNumber), Email = email, PrivacyConsentAt = now,
            Language = language,
            PrivacyNoticeSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notice))),
        };

        RegistrationPending row;
        try
        {
            row = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var attempt = await factory.CreateDbContextAsync(ct);
                attempt.Actor = new AuditActor(null, userName, ip, Truncate(userAgent), Guid.NewGuid());
                await using var tx = await attempt.Database.BeginTransactionAsync(ct);
                var r = new RegistrationPending
                {
                    Id = Guid.NewGuid(), RegistrationId = await HumanIds.NextAsync(attempt, HumanIds.Registration, ct: ct),
                    UserPayload = payload.ToJson(), Status = RegistrationStatuses.Pending, CreatedAt = now, UpdatedAt = now, EstimatedReviewEta = eta,
                };
                attempt.Users.Add(user);
                attempt.RegistrationsPending.Add(r);
                await attempt.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return r;
            });
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" } pg)
        {
            // Someone took the same name or email between the check and the insert.
            return await AlreadyTakenAsync(form, userName, email, pg.ConstraintName?.Contains("email", StringComparison.Ordinal) == true, ip, userAgent, ct);
        }

        // The applicant stores their own ID photo (uploader and owner; readable by reviewers only, every read audited).
        using var content = new MemoryStream(photoBytes!, writable: false);
        var upload = await FileServiceFor(user.Id, userName, ip, userAgent).UploadAsync(
            new FileUploadRequest(photo!.FileName, FileKinds.Images, FileSensitivity.IdDocument, "Registration", row.Id.ToString(), user.Id), content, ct: ct);
        Guid? emailId = null;
        await using (var after = await factory.CreateDbContextAsync(ct))
        {
            after.Actor = new AuditActor(user.Id, userName, ip, Truncate(userAgent), Guid.NewGuid());
            var saved = await after.RegistrationsPending.FirstAsync(x => x.Id == row.Id, ct);
            payload = payload with { IdPhotoFileId = upload.File?.Id };
            saved.UserPayload = payload.ToJson();
            if (RegistrationTexts.ByText(payload)) RegistrationTexts.Received(after, publicLinks, payload, row.RegistrationId);
            else emailId = RegistrationEmails.Received(after, publicLinks, payload, row.RegistrationId, eta, await ConfirmPathAsync(user)).Id;
            await after.SaveChangesAsync(ct);
        }
        if (emailId is { } sent) await dispatcher.DispatchAsync([sent], ct);
        else if (sms is not null) await sms.StartAsync(ct);
        return ServiceResult<RegistrationReceipt>.Success(new RegistrationReceipt(row.Id, row.RegistrationId, eta));
    }

    /// <summary>
    /// The answer to a registration whose username or email is taken: nothing is created, the same password-hashing
    /// work is done as for a new one, and an email goes to the address typed (its owner, if it has an account).
    /// </summary>
    private async Task<ServiceResult<RegistrationReceipt>> AlreadyTakenAsync(RegistrationForm form, string userName, string email, bool emailTaken, string? ip, string? userAgent, CancellationToken ct)
    {
        hasher.HashPassword(new User(), form.Password);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(null, userName, ip, Truncate(userAgent), Guid.NewGuid());
        var mail = emailTaken
            ? RegistrationEmails.AddressHasAccount(db, email, form.FirstName.Trim(), AppLanguages.CodeOf(CultureInfo.CurrentUICulture))
            : RegistrationEmails.UserNameTaken(db, email, form.FirstName.Trim(), userName, AppLanguages.CodeOf(CultureInfo.CurrentUICulture));
        db.Record("RegistrationNotCreated", "Registration", null, new { reason = emailTaken ? "email already has an account" : "username taken" });
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchAsync([mail.Id], ct);
        return ServiceResult<RegistrationReceipt>.Success(RegistrationReceipt.NotCreated);
    }

    /// <summary>The "confirm your email" link for a new applicant (the same token and page as an email change), or null where no token provider is set up.</summary>
    private async Task<string?> ConfirmPathAsync(User user)
    {
        if (userManager is null || !userManager.Options.Tokens.ProviderMap.ContainsKey(userManager.Options.Tokens.EmailConfirmationTokenProvider)) return null;
        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        return $"Identity/Account/ConfirmEmail?userId={user.Id}&code={System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token))}";
    }

    /// <summary>The mobile-only twin of <see cref="AlreadyTakenAsync"/>: nothing created, the same hashing work, a text to the number.</summary>
    private async Task<ServiceResult<RegistrationReceipt>> NumberTakenAsync(RegistrationForm form, string userName, string number, bool numberTaken, string? ip, string? userAgent, CancellationToken ct)
    {
        hasher.HashPassword(new User(), form.Password);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(null, userName, ip, Truncate(userAgent), Guid.NewGuid());
        var language = AppLanguages.CodeOf(CultureInfo.CurrentUICulture);
        if (numberTaken) RegistrationTexts.NumberHasAccount(db, publicLinks, number, language);
        else RegistrationTexts.UserNameTaken(db, number, language);
        db.Record("RegistrationNotCreated", "Registration", null, new { reason = numberTaken ? "mobile number already has an account" : "username taken" });
        await db.SaveChangesAsync(ct);
        if (sms is not null) await sms.StartAsync(ct);
        return ServiceResult<RegistrationReceipt>.Success(RegistrationReceipt.NotCreated);
    }

    /// <summary>
    /// The applicant's registration for its reference number and the password chosen with it, through the
    /// <see cref="PasswordGate"/> (the same challenge, pause and failure count as signing in to that account).
    /// Only a registration still waiting for review has its password checked: once decided, the account is a live
    /// (or closed) account whose password is checked by signing in alone, and the result was emailed, so a decided
    /// registration, an unknown number and a wrong password all get the same refusal after the same hashing work.
    /// </summary>
    public async Task<ApplicantLookup> FindForApplicantAsync(string? registrationId, string? password, CancellationToken ct = default)
    {
        var reference = (registrationId ?? "").Trim().ToUpperInvariant();
        if (reference.Length is 0 or > 40 || string.IsNullOrEmpty(password))
            return new ApplicantLookup(null, new PasswordCheck(PasswordCheckOutcome.Wrong, await gate.OfferAsync(null, ct)));
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.RegistrationsPending.AsNoTracking().FirstOrDefaultAsync(x => x.RegistrationId == reference, ct);
        var p = r is null ? null : RegistrationPayload.FromJson(r.UserPayload);
        var user = r?.Status == RegistrationStatuses.Pending
            ? await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == p!.UserId && u.Status == UserStatuses.Pending, ct)
            : null;
        var check = await gate.CheckAsync(user?.UserName ?? reference, user?.Id, "registration status", _ =>
        {
            if (user?.PasswordHash is null) { gate.DummyWork(password); return Task.FromResult(false); }
            return Task.FromResult(hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed);
        }, ct);
        if (check.Passed && user is { EmailConfirmed: false } && !string.IsNullOrWhiteSpace(user.Email))
        {
            // The reference number went to this address alone, so using it proves the applicant reads that mailbox:
            // the email is confirmed now, and notices and password resets reach them once the account is approved
            // (approved self-registrations used to stay unconfirmed, and a lockout then pointed to a reset that never came).
            var tracked = await db.Users.IgnoreQueryFilters().FirstAsync(u => u.Id == user.Id, ct);
            tracked.EmailConfirmed = true;
            db.Actor = new AuditActor(user.Id, user.UserName, null, null, Guid.NewGuid());
            db.Record(AuditActions.Update, "User", user.Id.ToString(), new { email_confirmed = new { old = false, @new = true }, via = "registration_reference" });
            await db.SaveChangesAsync(ct);
        }
        return new ApplicantLookup(check.Passed ? View(r!, p!) : null, check);
    }

    /// <summary>The status for a registration the applicant already proved is theirs (the page keeps that proof in a protected cookie).</summary>
    public async Task<RegistrationStatusView?> GetForApplicantAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.RegistrationsPending.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? null : View(r, RegistrationPayload.FromJson(r.UserPayload));
    }

    /// <summary>Withdraws a pending registration; its username and email are freed. A decided one stays as it is.</summary>
    public async Task<ServiceResult<RegistrationStatusView>> WithdrawAsync(Guid id, string? ip, string? userAgent, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.RegistrationsPending.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<RegistrationStatusView>.NotFound();
        var p = RegistrationPayload.FromJson(r.UserPayload);
        db.Actor = new AuditActor(p.UserId, p.UserName, ip, Truncate(userAgent), Guid.NewGuid());
        if (r.Status != RegistrationStatuses.Pending)
            return ServiceResult<RegistrationStatusView>.Conflict(Texts.Say("This registration was already {0}; it can no longer be withdrawn.", Texts.Say(r.Status)), View(r, p));
        var now = clock.GetUtcNow().UtcDateTime;
        p = p with { DecidedAt = now, DecidedBy = "applicant" };
        r.Status = RegistrationStatuses.Withdrawn;
        r.UserPayload = p.ToJson();
        await CloseAccountAsync(db, p.UserId, ct);
        db.Record(AuditActions.StatusChange, "Registration", r.Id.ToString(), new { from = RegistrationStatuses.Pending, to = RegistrationStatuses.Withdrawn });
        Guid? emailId = null;
        if (RegistrationTexts.ByText(p)) RegistrationTexts.Withdrawn(db, p, r.RegistrationId);
        else emailId = RegistrationEmails.Withdrawn(db, publicLinks, p, r.RegistrationId).Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await GetForApplicantAsync(id, ct);
            return ServiceResult<RegistrationStatusView>.Conflict(Texts.Say("This registration was already {0}; it can no longer be withdrawn.", Texts.Say(current?.Status ?? "")), current);
        }
        if (emailId is { } sent) await dispatcher.DispatchAsync([sent], ct);
        else if (sms is not null) await sms.StartAsync(ct);
        return ServiceResult<RegistrationStatusView>.Success(View(r, p));
    }

    /// <summary>
    /// A rejected or withdrawn application's pending account is disabled and its username and email are freed,
    /// so the person can apply again (the row stays: the audit trail refers to it).
    /// </summary>
    internal static async Task CloseAccountAsync(BarangayDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.Status != UserStatuses.Pending) return;
        var tag = $"~closed-{user.Id.ToString("N")[..8]}";
        user.Status = UserStatuses.Disabled;
        user.UserName += tag;
        user.NormalizedUserName += tag.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.DeletedAt = Common.ContextClock.UtcNow(db);
    }

    internal static RegistrationStatusView View(RegistrationPending r, RegistrationPayload p) =>
        new(r.Id, r.RegistrationId, r.Status, p.FullName, r.CreatedAt, r.EstimatedReviewEta, p.Reason, p.DecidedAt);

    private FileService FileServiceFor(Guid userId, string userName, string? ip, string? userAgent) =>
        new(new BarangayDb(factory, new ApplicantCaller(userId, userName, ip, Truncate(userAgent))), factory, store, keys, links, logs.CreateLogger<FileService>());

    private static async Task<byte[]?> ReadAtMostAsync(Stream s, long max, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await s.ReadAsync(buffer, ct)) > 0)
        {
            if (ms.Length + n > max) return null;
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Truncate(string? s) => s is { Length: > 512 } ? s[..512] : s;
}

public sealed record LookupOption(string Code, string Label);
