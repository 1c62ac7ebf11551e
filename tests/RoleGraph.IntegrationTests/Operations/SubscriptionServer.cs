using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Operations;

/// <summary>The service on a real loopback socket (streams need one), and opening GraphQL-over-SSE streams to it.</summary>
internal static class SubscriptionServer
{
    /// <summary>
    /// How long a test waits for what must happen (an event, a count): only ever an upper bound, never a duration a
    /// test expects to pass, so it is generous; CI machines are shared, and a loaded one took seconds to deliver.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static RoleGraphApiFactory Started(RoleGraphApiFactory factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        factory.ClientOptions.BaseAddress = new Uri(address);
        return factory;
    }

    public static async Task<HttpResponseMessage> OpenStreamAsync(HttpClient client, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Patience, "The condition did not hold in time.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
