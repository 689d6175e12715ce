using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace DuLuan.Infrastructure;

/// <summary>
/// A public form sent twice (a double tap, a browser that sends again on a poor connection) is handled once: the page
/// carries a random key (<see cref="NewKey"/>), and a second request with the same key waits for the first and gets
/// its result, so one question is stored and the resident sees the one code, even when the browser dropped the first
/// answer. Kept in memory for <see cref="Window"/>; the work runs without the request's cancellation, since the browser
/// cancels the first request when it sends the second.
/// </summary>
public sealed class SentForms : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly MemoryCache sent = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Runs <paramref name="send"/> once per <paramref name="form"/> and <paramref name="key"/>; a key that is not one of
    /// ours (missing, wrong shape) just runs it. A failed run is forgotten, so sending again tries again.
    /// </summary>
    public async Task<T> OnceAsync<T>(string form, string? key, Func<Task<T>> send)
    {
        if (key is not { Length: 32 } || !key.All(char.IsAsciiHexDigit))
        {
            return await send();
        }

        var id = form + ":" + key;
        var mine = new Lazy<Task<T>>(send, LazyThreadSafetyMode.ExecutionAndPublication);
        Lazy<Task<T>> entry;
        lock (sent)
        {
            if (sent.TryGetValue(id, out Lazy<Task<T>>? known) && known is not null)
            {
                entry = known;
            }
            else
            {
                entry = mine;
                sent.Set(id, mine, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Window });
            }
        }

        try
        {
            return await entry.Value;
        }
        catch
        {
            lock (sent)
            {
                if (sent.TryGetValue(id, out Lazy<Task<T>>? known) && ReferenceEquals(known, entry))
                {
                    sent.Remove(id);
                }
            }

            throw;
        }
    }

    public void Dispose() => sent.Dispose();
}
