using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Barangay.Bench.Certificates;

/// <summary>A small PNG made in memory (a seal-like disc), so the bench needs no image file.</summary>
internal static class BenchPng
{
    public static byte[] Disc(int size, (byte R, byte G, byte B) ink)
    {
        var raw = new byte[size * (size * 3 + 1)];
        var i = 0;
        var c = size / 2.0;
        for (var y = 0; y < size; y++)
        {
            raw[i++] = 0;
            for (var x = 0; x < size; x++)
            {
                var inside = (x - c) * (x - c) + (y - c) * (y - c) < c * c * 0.9;
                raw[i++] = inside ? ink.R : (byte)255;
                raw[i++] = inside ? ink.G : (byte)255;
                raw[i++] = inside ? ink.B : (byte)255;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;
        header[9] = 2;
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
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        BinaryPrimitives.WriteUInt32BigEndian(len, ~crc);
        s.Write(len);
    }
}
