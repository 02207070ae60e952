using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Barangay.Tests.Data.Officials;

/// <summary>A real, decodable PNG (a browser draws it), made here rather than checked in: a round face on a blue background.</summary>
public static class SamplePhoto
{
    public static byte[] Png(int size = 96)
    {
        var raw = new byte[size * (size * 3 + 1)];
        var i = 0;
        var c = size / 2.0;
        for (var y = 0; y < size; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var d = Math.Sqrt((x - c) * (x - c) + (y - c * 0.8) * (y - c * 0.8));
                var shoulders = y > size * 0.72 && Math.Abs(x - c) < size * 0.38;
                var (r, g, b) = d < size * 0.22 ? ((byte)224, (byte)172, (byte)105) : shoulders ? ((byte)33, (byte)52, (byte)110) : ((byte)144, (byte)191, (byte)249);
                raw[i++] = r;
                raw[i++] = g;
                raw[i++] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT", z.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
