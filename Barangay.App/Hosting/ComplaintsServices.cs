using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;

namespace Barangay.App.Hosting;

/// <summary>Complaints, the Katarungang Pambarangay case book and the blotter.</summary>
public static class ComplaintsServices
{
    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ComplaintService>();
        builder.Services.AddScoped<KpService>();
        builder.Services.AddScoped<Barangay.Data.Complaints.Vawc.VawcService>();
        // Replaces the dashboard's default (no KP cases) for the home's "KP cases near a deadline" card.
        builder.Services.AddScoped<Barangay.Data.Dashboard.IKpDeadlineCounter, KpDeadlineCounter>();
        return builder;
    }
}
