using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Households;
using Barangay.Data.Messaging;
using Barangay.Data.Residents;
using Barangay.Data.Settings;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>
/// A small barangay counted by hand (the numbers each test expects are written next to the rows that make them).
/// "Now" is Wednesday 18 March 2026, 10:00 in Manila; the twelve chart weeks start on Monday 29 December 2025.
/// </summary>
public static class HallFixture
{
    public static readonly DateTime Now = new(2026, 3, 18, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime January = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    public const string PurokA = "fx-a";
    public const string PurokB = "fx-b";

    public sealed record Ids(Guid Secretary, Guid JuanUser, Guid Juan, Guid Other, Guid OtherUser);

    public static async Task<Ids> SeedAsync(BarangayDbContext db)
    {
        var secretary = User("fx-secretary", AppRoles.Official);
        var juanUser = User("fx-juan", AppRoles.Resident);
        var otherUser = User("fx-maria", AppRoles.Resident);
        db.Users.AddRange(secretary, juanUser, otherUser);
        db.LookupValues.AddRange(
            Lookup(LookupCategories.Purok, PurokA, "Purok A"), Lookup(LookupCategories.Purok, PurokB, "Purok B"),
            Lookup(LookupCategories.ComplaintCategory, "fx-noise", "Noise"), Lookup(LookupCategories.ComplaintCategory, "fx-road", "Road"),
            Lookup(LookupCategories.ComplaintCategory, "fx-animals", "Animals"));

        // Households: H1 (A) and H2 (B) since January; H3 (A) deleted in February; H4 (B) new in May.
        // The home (now): 3 households. Form C Q1 2026: 2 (H1, H2).
        var h1 = Household("HH-FX-1", PurokA, January);
        var h2 = Household("HH-FX-2", PurokB, January);
        var h3 = Household("HH-FX-3", PurokA, January, deleted: new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var h4 = Household("HH-FX-4", PurokB, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        db.Households.AddRange(h1, h2, h3, h4);

        // Residents. Ages on 18 March 2026 (home) / 31 March 2026 (Form C Q1).
        var r1 = Resident("R1", PurokA, "Male", new(2026, 1, 1));                       // 0: pyramid 0–4, Form C under 1
        var r2 = Resident("R2", PurokA, "Female", new(2022, 3, 19));                    // 3 (home), 4 (Form C): 0–4, Form C 1–4
        var r3 = Resident("R3", PurokA, "Male", new(1990, 5, 5), "Married");             // 35; PWD, voter; boarder in H1
        r3.IsPwd = r3.IsRegisteredVoter = true;
        r3.UserId = juanUser.Id;
        var r4 = Resident("R4", PurokA, "Female", new(1960, 3, 18), "Widowed");          // 66 today: 65–69, senior; voter, solo parent
        r4.IsRegisteredVoter = r4.IsSoloParent = true;
        var r5 = Resident("R5", PurokB, "Female", new(1940, 1, 1), "Widowed");           // 86: 80+, senior; American
        r5.Citizenship = "American";
        var r6 = Resident("R6", PurokB, "Male", new(2001, 3, 18), "Single");             // 25 today: 25–29; OFW, voter, 4Ps
        r6.IsOfw = r6.IsRegisteredVoter = r6.IsFourPs = true;
        r6.UserId = otherUser.Id;
        var r7 = Resident("R7", PurokB, null, new(2010, 6, 1));                         // 15: sex not recorded; OSY, IP
        r7.IsOutOfSchoolYouth = r7.IsIndigenous = true;
        var r8 = Resident("R8", PurokB, "Male", new(1980, 1, 1));                       // archived: never counted
        r8.RegistrationStatus = ResidentStatuses.Archived;
        var r9 = Resident("R9", PurokA, "Female", new(1995, 1, 1));                     // deleted in June: counted in Q1 only (31: 30–34)
        r9.DeletedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var r10 = Resident("R10", PurokA, "Male", new(1985, 1, 1));                     // pending: never counted
        r10.RegistrationStatus = ResidentStatuses.Pending;
        var r11 = Resident("R11", PurokA, "Female", new(2000, 1, 1));                   // registered in May: in the home (26: 25–29), not in Q1
        r11.CreatedAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Residents.AddRange(r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11);
        // H1: head R1, boarder R3 (no family of its own in the RBI count), and R4 and R9 as daughters-in-law
        // (each a married child's family): three families; H2: head R5 (one family).
        db.HouseholdMembers.AddRange(Member(h1, r1, "Head"), Member(h1, r3, "Boarder"), Member(h1, r4, "Daughter-in-law"), Member(h1, r9, "Daughter-in-law"),
            Member(h2, r5, "Head"));

        db.RegistrationsPending.AddRange(Registration("REG-FX-1", "pending"), Registration("REG-FX-2", "pending"), Registration("REG-FX-3", "approved"));

        // Requests (all Juan's but R9's): open 7, overdue 2 (REQ-2, REQ-4); per week: w11 2, w10 1, w7 3.
        db.DocumentRequests.AddRange(
            Request("REQ-FX-1", r3, DocumentRequestStatuses.Submitted, Now.AddHours(-1), Now.AddDays(2)),
            Request("REQ-FX-2", r3, DocumentRequestStatuses.Submitted, Now.AddDays(-1), Now.AddHours(-1)),
            Request("REQ-FX-3", r3, DocumentRequestStatuses.Submitted, Now.AddDays(-8), null),
            Request("REQ-FX-4", r3, DocumentRequestStatuses.Reviewed, Now.AddDays(-30), Now.AddDays(-1)),
            Request("REQ-FX-5", r3, DocumentRequestStatuses.Processing, Now.AddDays(-30), Now.AddDays(1)),
            Request("REQ-FX-6", r3, DocumentRequestStatuses.Approved, Now.AddDays(-30), Now.AddDays(-20)),
            Request("REQ-FX-7", r9, DocumentRequestStatuses.Approved, Now.AddDays(-80), Now.AddDays(-70)),
            Request("REQ-FX-8", r3, DocumentRequestStatuses.Released, Now.AddDays(-80), Now.AddDays(-70)),
            Request("REQ-FX-9", r3, DocumentRequestStatuses.Rejected, Now.AddDays(-100), null));

        // Complaints: open 3 (2 without confidential ones); categories Noise 2, Road 2, Animals 1; per week: w11 2, w10 1, w5 1.
        db.Complaints.AddRange(
            Complaint("CMP-FX-1", r3, "fx-noise", ComplaintStatuses.New, Now.AddDays(-2)),
            Complaint("CMP-FX-2", r3, "fx-noise", ComplaintStatuses.InProgress, Now.AddDays(-9)),
            Complaint("CMP-FX-3", r6, "fx-road", ComplaintStatuses.New, Now.AddDays(-2), confidential: true),
            Complaint("CMP-FX-4", r3, "fx-road", ComplaintStatuses.Resolved, Now.AddDays(-40), resolved: Now.AddDays(-37)),
            Complaint("CMP-FX-5", r6, "fx-animals", ComplaintStatuses.Closed, Now.AddDays(-200), resolved: Now.AddDays(-190)));

        // Events: one upcoming published (e1); e2 is over, e3 a draft, e4 cancelled.
        var e1 = Event("EVT-FX-1", "Medical mission", EventStatuses.Published, Now.AddDays(2));
        var e2 = Event("EVT-FX-2", "Clean-up drive", EventStatuses.Published, Now.AddDays(-1));
        var e3 = Event("EVT-FX-3", "Draft", EventStatuses.Draft, Now.AddDays(5));
        var e4 = Event("EVT-FX-4", "Cancelled fiesta", EventStatuses.Cancelled, Now.AddDays(3));
        var e5 = Event("EVT-FX-5", "Basketball league", EventStatuses.Published, Now.AddDays(10));
        db.Events.AddRange(e1, e2, e3, e4, e5);
        // Juan: registered for e1, waitlisted for e5 (both shown), registered for e2 (over) and e4 (cancelled), cancelled e5? no.
        db.EventRegistrations.AddRange(
            Registration(e1, r3, EventRegistrationStatuses.Registered), Registration(e5, r3, EventRegistrationStatuses.Waitlisted),
            Registration(e2, r3, EventRegistrationStatuses.Registered), Registration(e4, r3, EventRegistrationStatuses.Registered),
            Registration(e1, r6, EventRegistrationStatuses.Registered));

        // Hall messages: 2 conversations await a reply; the secretary has 3 unread, Juan 4.
        var c1 = Conversation(r3, awaiting: true);
        var c2 = Conversation(r3, awaiting: false);
        var c3 = Conversation(r6, awaiting: true);
        db.Conversations.AddRange(c1, c2, c3);
        db.ConversationParticipants.AddRange(
            Participant(c1, secretary, 2), Participant(c2, secretary, 1), Participant(c1, juanUser, 3), Participant(c2, juanUser, 1), Participant(c3, otherUser, 5));
        // Each was written in by its resident (threads the system alone opened are in no inbox).
        db.Messages.AddRange(
            new Barangay.Data.Messaging.Message { Id = Guid.NewGuid(), ConversationId = c1.Id, SenderUserId = juanUser.Id, SenderResidentId = r3.Id, Body = "Fixture", CreatedAt = Now.AddHours(-2) },
            new Barangay.Data.Messaging.Message { Id = Guid.NewGuid(), ConversationId = c2.Id, SenderUserId = juanUser.Id, SenderResidentId = r3.Id, Body = "Fixture", CreatedAt = Now.AddHours(-2) },
            new Barangay.Data.Messaging.Message { Id = Guid.NewGuid(), ConversationId = c3.Id, SenderUserId = otherUser.Id, SenderResidentId = r6.Id, Body = "Fixture", CreatedAt = Now.AddHours(-2) });

        // Announcements for Juan (purok A, resident): everyone (pinned), purok A; not: purok B, officials only, a draft, an expired one.
        db.Announcements.AddRange(
            Announcement("ANN-FX-1", "Water interruption", [], [], pinned: true, Now.AddDays(-3)),
            Announcement("ANN-FX-2", "Purok A clean-up", [PurokA], [], pinned: false, Now.AddDays(-1)),
            Announcement("ANN-FX-3", "Purok B meeting", [PurokB], [], pinned: false, Now.AddDays(-1)),
            Announcement("ANN-FX-4", "Officials' meeting", [], [AppRoles.Official], pinned: false, Now.AddDays(-1)),
            Announcement("ANN-FX-5", "Draft", [], [], pinned: false, Now.AddDays(-1), AnnouncementStatuses.Draft),
            Announcement("ANN-FX-6", "Old news", [], [], pinned: false, Now.AddDays(-30), end: Now.AddDays(-10)));
        await db.SaveChangesAsync();
        return new Ids(secretary.Id, juanUser.Id, r3.Id, r6.Id, otherUser.Id);
    }

    private static User User(string name, string role) => new()
    {
        Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), FullName = name, Roles = [role], Status = UserStatuses.Active,
    };

    private static LookupValue Lookup(string category, string code, string label) => new() { Id = Guid.NewGuid(), Category = category, Code = code, Label = label };

    private static Household Household(string code, string purok, DateTime created, DateTime? deleted = null) => new()
    {
        Id = Guid.NewGuid(), HouseholdId = code, Purok = purok, CreatedAt = created, DeletedAt = deleted, Version = Guid.NewGuid(),
    };

    private static Resident Resident(string code, string purok, string? sex, DateOnly dob, string? civil = null) => new()
    {
        Id = Guid.NewGuid(), ResidentId = "RES-FX-" + code, FirstName = code, LastName = "Fixture", Dob = dob, Sex = sex, Purok = purok,
        MaritalStatus = civil, CreatedAt = January, Version = Guid.NewGuid(),
    };

    private static HouseholdMember Member(Household h, Resident r, string relation)
    {
        r.HouseholdId = h.Id;
        return new HouseholdMember { Id = Guid.NewGuid(), HouseholdId = h.Id, ResidentId = r.Id, Relation = relation };
    }

    private static RegistrationPending Registration(string code, string status) => new()
    {
        Id = Guid.NewGuid(), RegistrationId = code, Status = status, UserPayload = "{}", Version = Guid.NewGuid(),
    };

    private static DocumentRequest Request(string code, Resident r, string status, DateTime submitted, DateTime? due) => new()
    {
        Id = Guid.NewGuid(), RequestId = code, ResidentId = r.Id, Type = "barangay-clearance", Status = status, SubmittedAt = submitted, DueAt = due,
        Purok = r.Purok, Metadata = "{\"type_label\":\"Barangay Clearance\",\"fee\":0,\"working_days\":3}", Version = Guid.NewGuid(),
    };

    private static Complaint Complaint(string code, Resident r, string category, string status, DateTime reported, bool confidential = false, DateTime? resolved = null) => new()
    {
        Id = Guid.NewGuid(), ComplaintId = code, ResidentId = r.Id, Category = category, Subject = code + " subject", Description = "Fixture complaint.",
        Status = status, ReportedAt = reported, ResolvedAt = resolved, Confidential = confidential, Purok = r.Purok, Version = Guid.NewGuid(),
    };

    private static CommunityEvent Event(string code, string title, string status, DateTime start) => new()
    {
        Id = Guid.NewGuid(), EventId = code, Title = title, Status = status, StartAt = start, EndAt = start.AddHours(3), Venue = "Covered court", Version = Guid.NewGuid(),
    };

    private static EventRegistration Registration(CommunityEvent e, Resident r, string status) => new()
    {
        Id = Guid.NewGuid(), EventId = e.Id, ResidentId = r.Id, Status = status, RegisteredAt = Now.AddDays(-5),
    };

    private static Conversation Conversation(Resident r, bool awaiting) => new()
    {
        Id = Guid.NewGuid(), ResidentId = r.Id, Subject = "Fixture", AwaitingReply = awaiting, LastMessageAt = Now.AddHours(-2),
    };

    private static ConversationParticipant Participant(Conversation c, User u, int unread) => new()
    {
        Id = Guid.NewGuid(), ConversationId = c.Id, UserId = u.Id, UnreadCount = unread,
    };

    private static Announcement Announcement(string code, string title, string[] puroks, string[] roles, bool pinned, DateTime start,
        string status = AnnouncementStatuses.Published, DateTime? end = null) => new()
    {
        Id = Guid.NewGuid(), AnnouncementId = code, Title = title, Body = title + ".", Audience = new AnnouncementAudience(puroks, roles).ToJson(),
        Pinned = pinned, StartAt = start, EndAt = end, Status = status, CreatedAt = start, Version = Guid.NewGuid(),
    };
}
