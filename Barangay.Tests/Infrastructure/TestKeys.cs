using Barangay.Data.Files;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// The demo template was seeded (and its encrypted columns written) with the key ring of the default data folder.
/// A host started over a data folder of its own gets those keys too, as a replica of a real deployment shares its keys.
/// </summary>
public static class TestKeys
{
    public static void CopyInto(string dataRoot)
    {
        var source = new FileStorageOptions { DataRoot = FileStorageOptions.DefaultDataRoot(AppContext.BaseDirectory) }.KeysRoot;
        if (!Directory.Exists(source)) return;
        var target = new FileStorageOptions { DataRoot = dataRoot }.KeysRoot;
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "file-*.key"))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }
}
