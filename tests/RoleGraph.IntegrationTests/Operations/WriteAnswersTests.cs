using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RoleGraph.Api.Subscriptions;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// A change's fan-out waits for the answers of the writes in flight (sent when their responses complete, then given
/// <see cref="WriteAnswers.Settle"/> to leave), and never longer than <see cref="WriteAnswers.MaxWait"/>.
/// </summary>
public sealed class WriteAnswersTests
{
    [Fact]
    public async Task The_fan_out_waits_until_every_pending_answer_is_sent()
    {
        // A longest wait far beyond the test's steps: with the service's 20 ms, a loaded machine could pause the test
        // past it between the first answer and the check that the fan-out still waits.
        var answers = new WriteAnswers(TimeSpan.FromMinutes(5), WriteAnswers.Settle);
        Assert.True(answers.WhenSentAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully, "Nothing pending: no wait.");

        var first = new Response();
        var second = new Response();
        answers.Track(first.Context);
        answers.Track(second.Context);
        Assert.Equal(2, answers.Pending);

        var waiting = answers.WhenSentAsync(TestContext.Current.CancellationToken);
        await first.CompleteAsync();
        Assert.Equal(1, answers.Pending);
        Assert.False(waiting.IsCompleted, "One answer is still pending.");

        await second.CompleteAsync();
        await waiting.WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken);
        Assert.Equal(0, answers.Pending);
    }

    [Fact]
    public async Task An_answer_that_is_never_sent_holds_the_fan_out_back_only_for_the_longest_wait()
    {
        // 200 ms rather than the service's 20: timers run on the kernel's coarse clock (a tick of up to 4 ms here, 10
        // elsewhere), and CI saw a 20 ms wait end after 16.6 ms by the stopwatch.
        var longest = TimeSpan.FromMilliseconds(200);
        var answers = new WriteAnswers(longest, WriteAnswers.Settle);
        answers.Track(new Response().Context);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        await answers.WhenSentAsync(TestContext.Current.CancellationToken).WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken);

        Assert.True(waited.Elapsed >= longest - TimeSpan.FromMilliseconds(20), $"Released after {waited.Elapsed.TotalMilliseconds} ms.");
        Assert.Equal(1, answers.Pending);
    }

    [Fact]
    public async Task Once_the_last_answer_is_complete_the_fan_out_waits_the_settle_time_for_it_to_leave()
    {
        // 200 ms rather than the service's 2, with 20 ms of slack: the coarse clock again (see above).
        var settle = TimeSpan.FromMilliseconds(200);
        var answers = new WriteAnswers(TimeSpan.FromMinutes(5), settle);
        Assert.True(answers.WhenSentAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully, "No answer yet: no wait.");
        var response = new Response();
        answers.Track(response.Context);

        var waiting = answers.WhenSentAsync(TestContext.Current.CancellationToken);
        await response.CompleteAsync();
        var sinceSent = System.Diagnostics.Stopwatch.StartNew();
        var joining = answers.WhenSentAsync(TestContext.Current.CancellationToken); // a change that comes just after
        Assert.False(joining.IsCompleted, "The answer was completed a moment ago: it may not be on its socket yet.");
        await Task.WhenAll(waiting, joining).WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken);

        Assert.True(sinceSent.Elapsed >= settle - TimeSpan.FromMilliseconds(20), $"Released {sinceSent.Elapsed.TotalMilliseconds} ms after the answer.");
        Assert.Equal(0, answers.Pending);
    }

    /// <summary>A response whose OnCompleted callbacks the test runs, as the server does once the response is sent.</summary>
    private sealed class Response : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _completed = [];

        public Response()
        {
            Context = new DefaultHttpContext();
            Context.Features.Set<IHttpResponseFeature>(this);
        }

        public DefaultHttpContext Context { get; }

        public override void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

        public async Task CompleteAsync()
        {
            foreach (var (callback, state) in _completed)
            {
                await callback(state);
            }
        }
    }
}
