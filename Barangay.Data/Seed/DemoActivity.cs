using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Seed;

/// <summary>A few weeks of the hall's work: requests, complaints, events, announcements and pending registrations.</summary>
internal sealed class DemoActivity(TimeProvider clock, Random rng, CertificateCodes? codes = null)
{
    public async Task SeedAsync(BarangayDbContext db, User residentAccount, User secretary, User admin, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = TimeZones.ManilaToday(clock).Year;
        var residents = await db.Residents.AsNoTracking().OrderBy(r => r.ResidentId).Select(r => new { r.Id, r.Purok, r.UserId, r.Dob }).ToListAsync(ct);
        var juan = residents.First(r => r.UserId == residentAccount.Id);
        var adults = residents.Where(r => r.Dob <= DateOnly.FromDateTime(now).AddYears(-18)).ToList();

        string[] types = ["barangay-clearance", "certificate-of-residency", "certificate-of-indigency", "business-clearance", "good-moral"];
        string[] statuses = [DocumentRequestStatuses.Submitted, DocumentRequestStatuses.Submitted, DocumentRequestStatuses.Reviewed, DocumentRequestStatuses.Processing, DocumentRequestStatuses.Approved, DocumentRequestStatuses.Released, DocumentRequestStatuses.Released, DocumentRequestStatuses.Rejected];
        var requests = new List<DocumentRequest>();
        var workdays = new Settings.WorkingDayClock(Settings.SettingJson.ReadHolidays(
            await db.AppSettings.AsNoTracking().Where(s => s.Key == Settings.SettingKeys.Holidays).Select(s => s.Value).FirstOrDefaultAsync(ct)).Select(h => h.Date));
        for (var i = 0; i < 60; i++)
        {
            var who = i < 3 ? juan : adults[rng.Next(adults.Count)];
            var status = i < 3 ? statuses[i] : statuses[rng.Next(statuses.Length)];
            requests.Add(new DocumentRequest
            {
                Id = Guid.NewGuid(), ResidentId = who.Id, Purok = who.Purok, Type = types[rng.Next(types.Length)], Status = status,
                Metadata = """{"purpose":"Employment"}""", SubmittedAt = now.AddDays(-rng.Next(0, 40)).AddHours(-rng.Next(0, 9)),
                ProcessedBy = status is DocumentRequestStatuses.Submitted ? null : secretary.Id,
            });
        }
        var reqNo = await HumanIds.ReserveAsync(db, HumanIds.DocumentRequest, year, requests.Count, ct);
        foreach (var r in requests.OrderBy(r => r.SubmittedAt)) r.RequestId = HumanIds.Format(HumanIds.DocumentRequest, year, reqNo++);
        // Fees, payments, who reviewed and approved, the RA 11032 clock and frozen certificates (DemoRequests).
        var officials = await db.Officials.AsNoTracking().Where(o => o.Position == Security.OfficialPositions.PunongBarangay || o.Position == Security.OfficialPositions.Treasurer)
            .Select(o => new { o.Position, o.UserId, o.FullName }).ToListAsync(ct);
        var kapitan = officials.First(o => o.Position == Security.OfficialPositions.PunongBarangay);
        var treasurer = officials.First(o => o.Position == Security.OfficialPositions.Treasurer);
        await new DemoRequests(rng, codes).CompleteAsync(db, requests,
            new DemoRequests.Staff(secretary.Id, secretary.FullName, treasurer.UserId, treasurer.FullName, kapitan.UserId, kapitan.FullName), workdays, now, ct);
        db.DocumentRequests.AddRange(requests);

        string[] cats = ["noise", "garbage", "boundary", "debt", "road", "animals"];
        string[] cstat = [ComplaintStatuses.New, ComplaintStatuses.New, ComplaintStatuses.InProgress, ComplaintStatuses.Resolved, ComplaintStatuses.Closed];
        var complaints = new List<Complaint>();
        for (var i = 0; i < 20; i++)
        {
            var who = i == 0 ? juan : adults[rng.Next(adults.Count)];
            var cat = cats[rng.Next(cats.Length)];
            complaints.Add(new Complaint
            {
                ResidentId = who.Id, Purok = who.Purok, Category = cat, Status = i == 0 ? ComplaintStatuses.InProgress : cstat[rng.Next(cstat.Length)],
                Subject = cat switch { "noise" => "Videoke past 10 PM", "garbage" => "Uncollected garbage", "road" => "Clogged canal", "animals" => "Stray dogs", _ => "Dispute with neighbor" },
                Description = cat switch
                {
                    "noise" => "The neighbours' videoke goes on past 10 PM on weeknights; the children cannot sleep.",
                    "garbage" => "Garbage bags have been left at the corner for a week; dogs tear them open.",
                    "road" => "The canal along the street is clogged and floods the road when it rains.",
                    "animals" => "Stray dogs chase children on their way to school in the morning.",
                    "boundary" => "The neighbour's new fence was built about half a metre inside the complainant's lot.",
                    _ => "A neighbour borrowed ₱5,000 in June and has not paid back despite repeated requests.",
                }, ReportedAt = now.AddDays(-rng.Next(0, 30)),
                Priority = rng.NextDouble() < 0.2 ? "high" : "normal", AssignedTo = rng.NextDouble() < 0.5 ? secretary.Id : null,
            });
        }
        // What the hall did, as the blotter's "action taken" and the complaint's timeline show it.
        foreach (var c in complaints)
        {
            var taken = c.ReportedAt.AddHours(rng.Next(2, 30));
            var action = c.Category switch
            {
                "noise" => "Tanod sent to the house; the owner agreed to stop the videoke by 10 PM.",
                "garbage" => "Reported to the municipal garbage collection; the pick-up was rescheduled.",
                "road" => "Barangay utility workers cleared the canal.",
                "animals" => "The owners were reminded of the anti-rabies ordinance; the dogs are now tied.",
                _ => "Both parties invited to the hall for a talk with the Punong Barangay.",
            };
            if (c.Status is ComplaintStatuses.Resolved or ComplaintStatuses.Closed) { c.ResolutionNotes = action; c.ResolvedAt = taken < now ? taken : now; }
            var meta = new ComplaintMetadata { Channel = rng.NextDouble() < 0.3 ? ComplaintChannels.WalkIn : ComplaintChannels.App };
            if (meta.Channel == ComplaintChannels.WalkIn) meta.EnteredBy = secretary.Id;
            if (c.Status != ComplaintStatuses.New)
                meta.History.Add(new ComplaintHistoryEntry("in progress", taken < now ? taken : now, secretary.Id, secretary.FullName, c.Status == ComplaintStatuses.InProgress ? action : null));
            c.Metadata = meta.ToJson();
        }
        var cNo = await HumanIds.ReserveAsync(db, HumanIds.Complaint, year, complaints.Count, ct);
        foreach (var c in complaints.OrderBy(c => c.ReportedAt)) c.ComplaintId = HumanIds.Format(HumanIds.Complaint, year, cNo++);
        db.Complaints.AddRange(complaints);

        var manilaMidnight = TimeZones.ManilaToUtc(TimeZones.ManilaToday(clock).ToDateTime(TimeOnly.MinValue));
        var events = new[]
        {
            Ev("Libreng Konsulta: Medical Mission", "health", manilaMidnight.AddDays(9).AddHours(8), 4, "Covered court", 150, EventStatuses.Published),
            Ev("Barangay Assembly (2nd semester)", "assembly", manilaMidnight.AddDays(16).AddHours(14), 3, "Barangay hall", 300, EventStatuses.Published),
            Ev("Clean-up Drive: Ilog San Isidro", "cleanup", manilaMidnight.AddDays(-12).AddHours(6), 4, "Purok 3 riverside", null, EventStatuses.Published),
            Ev("Basketball League Opening", "sports", manilaMidnight.AddDays(30).AddHours(16), 4, "Covered court", null, EventStatuses.Draft),
        };
        var eNo = await HumanIds.ReserveAsync(db, HumanIds.Event, year, events.Length, ct);
        foreach (var e in events) { e.EventId = HumanIds.Format(HumanIds.Event, year, eNo++); e.CreatedBy = e.OrganizerId = secretary.Id; }
        db.Events.AddRange(events);
        db.EventRegistrations.Add(new EventRegistration { EventId = events[0].Id, ResidentId = juan.Id, RegisteredAt = now.AddDays(-1) });
        foreach (var r in adults.OrderBy(_ => rng.Next()).Take(40))
            if (r.Id != juan.Id) db.EventRegistrations.Add(new EventRegistration { EventId = events[0].Id, ResidentId = r.Id, RegisteredAt = now.AddDays(-rng.Next(1, 5)) });
        events[0].RegisteredCount = db.ChangeTracker.Entries<EventRegistration>().Count(e => e.Entity.EventId == events[0].Id);

        var anns = new[]
        {
            An("Schedule of garbage collection", "Garbage is collected **Monday, Wednesday and Friday** from 6:00 AM. Please segregate.", true),
            An("Libreng anti-rabies vaccination", "Bring your dogs and cats to the covered court on Saturday, 8:00 AM to 12:00 NN.", false),
            An("Office hours during the holidays", "The hall is closed on regular holidays. Urgent concerns: call the tanod hotline.", false),
        };
        var aNo = await HumanIds.ReserveAsync(db, HumanIds.Announcement, year, anns.Length, ct);
        foreach (var a in anns) { a.AnnouncementId = HumanIds.Format(HumanIds.Announcement, year, aNo++); a.CreatedBy = secretary.Id; a.StartAt = now.AddDays(-3); }
        db.Announcements.AddRange(anns);

        var regs = new[] { ("Kristine", "Soriano", "purok-2"), ("Mark Anthony", "Dela Peña", "purok-5"), ("Niña", "Castañeda", "purok-7") };
        var gNo = await HumanIds.ReserveAsync(db, HumanIds.Registration, year, regs.Length, ct);
        var d = 0;
        foreach (var (first, last, purok) in regs)
        {
            db.RegistrationsPending.Add(new RegistrationPending
            {
                RegistrationId = HumanIds.Format(HumanIds.Registration, year, gNo++),
                UserPayload = System.Text.Json.JsonSerializer.Serialize(new { first_name = first, last_name = last, purok, dob = "1998-05-14" }),
                CreatedAt = now.AddDays(-(++d)), EstimatedReviewEta = now.AddDays(3 - d),
            });
        }

        db.Notifications.Add(new Notification { UserId = residentAccount.Id, ResidentId = juan.Id, Type = "request.status", Payload = """{"text":"Your Barangay Clearance request is being processed.","href":"/"}""", CreatedAt = now.AddHours(-5) });
        db.Notifications.Add(new Notification { UserId = residentAccount.Id, ResidentId = juan.Id, Type = "event.reminder", Payload = """{"text":"The medical mission is next week. See you there!","href":"/"}""", CreatedAt = now.AddHours(-2) });
        db.Notifications.Add(new Notification { UserId = admin.Id, Type = "system", Payload = """{"text":"Welcome to the barangay system.","href":"/"}""", CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private static CommunityEvent Ev(string title, string cat, DateTime startUtc, int hours, string venue, int? cap, string status) => new()
    {
        Id = Guid.NewGuid(), Title = title, Category = cat, StartAt = startUtc, EndAt = startUtc.AddHours(hours), Venue = venue,
        MaxCapacity = cap, RegistrationRequired = cap is not null, Status = status, Description = title,
    };

    private static Announcement An(string title, string body, bool pinned) => new()
    {
        Title = title, Body = body, Pinned = pinned, Status = AnnouncementStatuses.Published,
    };
}
