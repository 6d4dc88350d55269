using System.Net;

namespace Approval.Bench;

/// <summary>What a client does when the host does not answer — the connection is refused or reset, the request times
/// out: wait a little and send the same request again. Counts what it retried, and any 5xx answer (never acceptable).</summary>
public sealed class Retrying
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    private long _retries;
    private long _serverErrors;

    public long Retries => Interlocked.Read(ref _retries);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public async Task<T> UntilAnsweredAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                Interlocked.Increment(ref _retries);
                if (ex is HttpStatusException { Status: >= HttpStatusCode.InternalServerError } status && status.Status != HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _serverErrors);
                }

                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    /// <summary>No answer at all, or a 5xx: the request may or may not have taken effect, so only an idempotent request
    /// (or one whose effect the caller checks) may be sent again.</summary>
    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or IOException
        || ex is HttpStatusException { Status: >= HttpStatusCode.InternalServerError };
}
