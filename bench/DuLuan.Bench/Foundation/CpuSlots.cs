namespace DuLuan.Bench.Foundation;

/// <summary>
/// Holds both CPU slot locks the sessions on this machine share (/tmp/duluan-slot-a.lock and -b.lock), so a
/// measurement runs alone. .NET takes an exclusive flock for FileShare.None on Linux, the lock flock(1) takes.
/// </summary>
public static class CpuSlots
{
    private static readonly string[] Paths = ["/tmp/duluan-slot-a.lock", "/tmp/duluan-slot-b.lock"];

    public static async Task<IDisposable> HoldBothAsync()
    {
        var held = new List<FileStream>();
        foreach (var path in Paths)
        {
            while (true)
            {
                try
                {
                    held.Add(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                    break;
                }
                catch (IOException)
                {
                    await Task.Delay(500);
                }
            }
        }

        return new Held(held);
    }

    private sealed class Held(List<FileStream> files) : IDisposable
    {
        public void Dispose() => files.ForEach(f => f.Dispose());
    }
}
