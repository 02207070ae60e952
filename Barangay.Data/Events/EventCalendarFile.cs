using System.Globalization;
using System.Text;

namespace Barangay.Data.Events;

/// <summary>An RFC 5545 VCALENDAR with one VEVENT, to add an event to a phone's calendar (written by hand: a dozen lines).</summary>
public static class EventCalendarFile
{
    public static string Build(EventRow e, string? description, string host, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Barangay Management System//Events//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "BEGIN:VEVENT");
        Line(sb, $"UID:{e.Id:D}@{Escape(host)}");
        Line(sb, $"DTSTAMP:{Stamp(stampUtc)}");
        Line(sb, $"DTSTART:{Stamp(e.StartAt)}");
        Line(sb, $"DTEND:{Stamp(e.EndAt)}");
        Line(sb, $"SUMMARY:{Escape(e.Title)}");
        if (!string.IsNullOrWhiteSpace(e.Venue)) Line(sb, $"LOCATION:{Escape(e.Venue)}");
        if (!string.IsNullOrWhiteSpace(description)) Line(sb, $"DESCRIPTION:{Escape(description)}");
        if (e.Status == EventStatuses.Cancelled) Line(sb, "STATUS:CANCELLED");
        else Line(sb, "STATUS:CONFIRMED");
        Line(sb, "END:VEVENT");
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).ReplaceLineEndings("\\n");

    /// <summary>Lines end in CRLF and are folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var bytes = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var n = rune.Utf8SequenceLength;
            if (bytes + n > (first ? 75 : 74))
            {
                sb.Append("\r\n ");
                bytes = 0;
                first = false;
            }
            sb.Append(rune.ToString());
            bytes += n;
        }
        sb.Append("\r\n");
    }
}
