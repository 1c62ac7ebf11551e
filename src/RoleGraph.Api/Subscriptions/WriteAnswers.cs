using System.Diagnostics;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The writes over HTTP whose answers are not sent yet, so that a change's fan-out waits for them: a write publishes
/// its change before its own answer is written, and 1,000 streams' sends queued on the same cores would otherwise
/// delay that answer (measured: +1 ms at p50, +11 ms at p99 beside 1,000 subscribers). A change waits at most
/// <see cref="MaxWait"/>, so steady writes cannot hold events back; once the last answer is complete it waits
/// <see cref="Settle"/> more, for the answer to leave.
/// </summary>
internal sealed class WriteAnswers(TimeSpan maxWait, TimeSpan settle)
{
    /// <summary>The longest a change waits for writers' answers before it is fanned out anyway.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long after the last answer completed a fan-out still waits. A complete response is in Kestrel's output
    /// pipe, not yet on the socket: Kestrel sends it from a work item of its own, and a fan-out started at once took
    /// the cores first (writes beside 1,000 subscribers +0.6 to 1 ms at p50 with the service on one CPU; with this
    /// wait, within the noise: docs/benchmarks.md, round 7). Events reach subscribers that much later.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(2);

    private readonly Lock _gate = new();
    private int _pending;
    private long _lastSent;
    private TaskCompletionSource? _allSent;

    public WriteAnswers()
        : this(MaxWait, Settle)
    {
    }

    /// <summary>Writes whose answers are not sent yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Counts the request's answer as pending until the response is complete.</summary>
    public void Track(HttpContext context)
    {
        lock (_gate)
        {
            _pending++;
        }

        context.Response.OnCompleted(static state =>
        {
            ((WriteAnswers)state).Sent();
            return Task.CompletedTask;
        }, this);
    }

    /// <summary>
    /// Completes when no write's answer is pending and the last was completed <see cref="Settle"/> ago, or after the
    /// longest wait; at once when no answer is pending or recent.
    /// </summary>
    public Task WhenSentAsync(CancellationToken cancellationToken)
    {
        Task allSent;
        lock (_gate)
        {
            if (_pending == 0)
            {
                var left = settle - Stopwatch.GetElapsedTime(_lastSent);
                return _lastSent == 0 || left <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(left, cancellationToken);
            }

            allSent = (_allSent ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        return WaitAsync(allSent, maxWait, settle, cancellationToken);
    }

    private static async Task WaitAsync(Task allSent, TimeSpan maxWait, TimeSpan settle, CancellationToken cancellationToken)
    {
        using (var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            patience.CancelAfter(maxWait);
            await allSent.WaitAsync(patience.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (allSent.IsCompleted && settle > TimeSpan.Zero)
        {
            await Task.Delay(settle, cancellationToken);
        }
    }

    private void Sent()
    {
        TaskCompletionSource? allSent = null;
        lock (_gate)
        {
            _lastSent = Stopwatch.GetTimestamp();
            if (--_pending == 0)
            {
                allSent = _allSent;
                _allSent = null;
            }
        }

        allSent?.TrySetResult();
    }
}
