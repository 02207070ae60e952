using System.Buffers.Binary;
using System.Text;

namespace Barangay.Bench.Circuits;

/// <summary>
/// Reads what the bench needs from a render batch in Blazor Server's binary format (RenderBatchWriter): the updated
/// components with their edits (16 bytes each: type, sibling index, reference frame index, removed attribute name),
/// the reference frames (20 bytes each: type, then for an element its subtree length and name, for an attribute its
/// name, value and 64-bit event handler id), the disposed component and event handler ids, and the string table.
/// The last 20 bytes of a batch hold the offsets of those five parts.
/// </summary>
internal readonly struct RenderBatchReader(byte[] batch)
{
    public const int PrependFrame = 1, SetAttribute = 3;
    public const int ElementFrame = 1, AttributeFrame = 3;

    private int I(int at) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(at));
    private int FramesAt => I(batch.Length - 16) + 4;

    /// <summary>The updated components: their id and where their diff starts.</summary>
    public IEnumerable<(int ComponentId, int Diff)> Diffs()
    {
        var table = I(batch.Length - 20);
        for (var c = 0; c < I(table); c++)
        {
            var diff = I(table + 4 + 4 * c);
            yield return (I(diff), diff);
        }
    }

    /// <summary>The edits of one diff: their type and reference frame index.</summary>
    public IEnumerable<(int Type, int Frame)> Edits(int diff)
    {
        for (var e = 0; e < I(diff + 4); e++)
        {
            var edit = diff + 8 + 16 * e;
            yield return (I(edit), I(edit + 8));
        }
    }

    public int FrameType(int frame) => I(FramesAt + 20 * frame);

    /// <summary>How many frames the frame at this index spans (an element: itself, its attributes and its descendants).</summary>
    public int SubtreeLength(int frame) => FrameType(frame) == ElementFrame ? I(FramesAt + 20 * frame + 4) : 1;

    /// <summary>An attribute frame's name, value (null unless a string) and event handler id (0 if none).</summary>
    public (string? Name, string? Value, ulong HandlerId) Attribute(int frame)
    {
        var at = FramesAt + 20 * frame;
        return (String(I(at + 4)), String(I(at + 8)), BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(at + 12)));
    }

    public IEnumerable<int> DisposedComponentIds()
    {
        var at = I(batch.Length - 12);
        for (var i = 0; i < I(at); i++) yield return I(at + 4 + 4 * i);
    }

    public IEnumerable<ulong> DisposedEventHandlerIds()
    {
        var at = I(batch.Length - 8);
        for (var i = 0; i < I(at); i++) yield return BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(at + 4 + 8 * i));
    }

    /// <summary>The batch in words (BENCH_CIRCUIT_TRACE=1): each diff's edits, the attributes of inserted elements, what was disposed.</summary>
    public string Describe()
    {
        var text = new StringBuilder("batch:");
        foreach (var (component, diff) in Diffs())
        {
            text.Append($"\n  component {component}:");
            foreach (var (type, frame) in Edits(diff))
            {
                text.Append($" [{type}");
                if (type == PrependFrame)
                    for (var f = frame; f < frame + SubtreeLength(frame); f++)
                        text.Append(FrameType(f) switch { ElementFrame => " <el", AttributeFrame => $" {Attribute(f).Name}={Attribute(f).Value?[..Math.Min(20, Attribute(f).Value!.Length)]}#{Attribute(f).HandlerId}", var t => $" t{t}" });
                else if (type == SetAttribute) text.Append($" set {Attribute(frame).Name}#{Attribute(frame).HandlerId}");
                text.Append(']');
            }
        }
        text.Append($"\n  disposed components {string.Join(',', DisposedComponentIds())}, handlers {string.Join(',', DisposedEventHandlerIds())}");
        return text.ToString();
    }

    private string? String(int index)
    {
        if (index < 0) return null;
        var at = I(I(batch.Length - 4) + 4 * index);
        int length = 0, shift = 0;
        byte b;
        do { b = batch[at++]; length |= (b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(batch, at, length);
    }
}
