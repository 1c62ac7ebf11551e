using RoleGraph.Core.Editing;

namespace RoleGraph.Embedded;

/// <summary>
/// An edit waiting for a group commit, and its writer's answer. A writer that gives up before any committer took the
/// edit cancels it (so it is never applied); once taken, the edit's outcome is the writer's answer, whatever happens.
/// </summary>
internal sealed class PendingWrite(GraphEdit edit)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<EditReport> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public GraphEdit Edit { get; } = edit;

    public Task<EditReport> Result => _result.Task;

    /// <summary>Claims the edit for a commit; false when its writer cancelled it.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) != Cancelled;

    /// <summary>Hands a claimed edit back to the queue, unplanned, for the next batch.</summary>
    public void Untake() => Volatile.Write(ref _state, Queued);

    /// <summary>Cancels the edit if no committer has claimed it.</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    public void Succeed(EditReport report) => _result.TrySetResult(report);

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
