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
        return builder;
    }
}
