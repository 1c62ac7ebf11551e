using Microsoft.Extensions.Options;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The ranges of <see cref="SubscriptionOptions"/>, checked at start so a bad setting stops the service with its name.
/// Written out rather than as data annotations: those are read by reflection, which the published (ahead-of-time
/// compiled) service does not keep.
/// </summary>
internal sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        var problems = new List<string>();
        InRange(problems, nameof(options.MaxSubscribers), options.MaxSubscribers, 1, 1_000_000);
        InRange(problems, nameof(options.BufferSize), options.BufferSize, 1, 100_000);
        InRange(problems, nameof(options.MaxItemsPerEvent), options.MaxItemsPerEvent, 0, 1_000_000);
        InRange(problems, nameof(options.KeepAliveInterval), options.KeepAliveInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        InRange(problems, nameof(options.DropGracePeriod), options.DropGracePeriod, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        InRange(problems, nameof(options.ConnectionInitTimeout), options.ConnectionInitTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        InRange(problems, nameof(options.Neo4jPollInterval), options.Neo4jPollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void InRange<T>(List<string> problems, string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            problems.Add($"{SubscriptionOptions.SectionName}:{setting} must be between {min} and {max}; got {value}.");
        }
    }
}
