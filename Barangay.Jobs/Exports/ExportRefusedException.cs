namespace Barangay.Jobs.Exports;

/// <summary>An export the job will not make, for a reason the requester can act on; the message is shown to them as it is.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);
