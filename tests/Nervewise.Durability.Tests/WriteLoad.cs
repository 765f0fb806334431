using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Nervewise.Durability.Tests;

/// <summary>
/// Writers that post diary entries without pause, each with an id of its own made before the first try.
/// An entry that gets no answer is sent again with the same id until one comes, as the app's offline queue
/// does; only a 2xx counts as acknowledged.
/// </summary>
internal sealed class WriteLoad
{
    private static readonly string[] Regions = ["low-back", "buttock", "sit-bone", "posterior-thigh", "back-of-knee", "calf", "shin", "foot"];
    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(-5), new(5, 30, 0), TimeSpan.Zero];
    private static readonly TimeSpan GiveUpAfterStop = TimeSpan.FromSeconds(60);

    private readonly Session _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Guid, Entry> _acknowledged = new();
    private readonly ConcurrentDictionary<Guid, Entry> _unanswered = new();
    private readonly Task[] _writers;
    private volatile string? _unexpected;
    private int _inFlight;
    private int _created;
    private int _alreadyStored;
    private int _refused;
    private int _broken;
    private int _timedOut;
    private int _serverErrors;

    public sealed record Entry(Guid Id, string Time, string Item, decimal Value, string Note);

    private WriteLoad(Session session, int writers)
    {
        _session = session;
        _writers = [.. Enumerable.Range(1, writers).Select(w => Task.Run(() => WriteAsync(w)))];
    }

    public static WriteLoad Start(Session session, int writers) => new(session, writers);

    public IReadOnlyDictionary<Guid, Entry> Acknowledged => _acknowledged;

    /// <summary>Sent but never answered with a 2xx (only when a writer gave up after the stop): may or may not be stored.</summary>
    public IReadOnlyDictionary<Guid, Entry> Unanswered => _unanswered;

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>201: stored by this request.</summary>
    public int Created => _created;

    /// <summary>200 to a resend: the first try was stored but its answer was lost when the server was killed.</summary>
    public int AlreadyStored => _alreadyStored;

    /// <summary>No server listening (it was down or still starting).</summary>
    public int Refused => _refused;

    /// <summary>The connection broke after the request was made: the server died under it.</summary>
    public int Broken => _broken;

    public int TimedOut => _timedOut;

    public int ServerErrors => _serverErrors;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Waits until <paramref name="more"/> further entries have been acknowledged.</summary>
    public async Task WaitForAcknowledgedAsync(int more, TimeSpan patience)
    {
        var target = AcknowledgedCount + more;
        var clock = Stopwatch.StartNew();
        while (AcknowledgedCount < target)
        {
            ThrowIfUnexpected();
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"Only {AcknowledgedCount} of {target} entries acknowledged after {patience.TotalSeconds:0} s.");
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Waits (briefly) for a moment when a request is on its way, and says how many are.</summary>
    public async Task<int> WaitForInFlightAsync()
    {
        var clock = Stopwatch.StartNew();
        while (InFlight == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Yield();
        }
        return InFlight;
    }

    /// <summary>Lets each writer finish the entry it is on, then stops.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers).WaitAsync(GiveUpAfterStop + TimeSpan.FromSeconds(30));
        ThrowIfUnexpected();
    }

    private void ThrowIfUnexpected()
    {
        if (_unexpected is { } message)
        {
            throw new InvalidOperationException(message);
        }
    }

    private async Task WriteAsync(int writer)
    {
        var random = new Random(writer * 7919 + Environment.TickCount);
        for (var n = 1; !_stop.IsCancellationRequested && _unexpected is null; n++)
        {
            var entry = NewEntry(writer, n, random);
            _unanswered[entry.Id] = entry;
            Stopwatch? sinceStop = null;
            while (_unexpected is null)
            {
                if (_stop.IsCancellationRequested && (sinceStop ??= Stopwatch.StartNew()).Elapsed > GiveUpAfterStop)
                {
                    break;
                }
                if (await PostAsync(entry))
                {
                    _unanswered.TryRemove(entry.Id, out _);
                    _acknowledged[entry.Id] = entry;
                    break;
                }
                // Soon, but not so often that waiting writers slow the server's own start.
                await Task.Delay(random.Next(100, 250));
            }
        }
    }

    /// <summary>One try; true when the server answered 2xx.</summary>
    private async Task<bool> PostAsync(Entry entry)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/diary")
            {
                Content = JsonContent.Create(new { id = entry.Id, time = entry.Time, type = "pain", item = entry.Item, value = entry.Value, note = entry.Note }),
            };
            using var response = await _session.SendAsync(request);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    Interlocked.Increment(ref _created);
                    return true;
                case HttpStatusCode.OK:
                    Interlocked.Increment(ref _alreadyStored);
                    return true;
                case >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests:
                    Interlocked.Increment(ref _serverErrors);
                    return false;
                default:
                    // A refusal (401 after a restart, 400, 409) means something is wrong, not a kill: stop and say so.
                    _unexpected = $"POST {entry.Id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    return false;
            }
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _broken);
            return false;
        }
        catch (TaskCanceledException)
        {
            Interlocked.Increment(ref _timedOut);
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static Entry NewEntry(int writer, int n, Random random)
    {
        var offset = Offsets[n % Offsets.Length];
        var time = new DateTimeOffset(2026, 3, 1, 0, 0, 0, offset).AddMinutes(writer * 1_000_000 + n);
        return new(
            Guid.NewGuid(),
            time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Regions[random.Next(Regions.Length)],
            random.Next(0, 101) / 10m,
            $"writer {writer}, entry {n}");
    }
}
