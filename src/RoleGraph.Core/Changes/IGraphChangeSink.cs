namespace RoleGraph.Core.Changes;

/// <summary>
/// Where a store announces a change once it is durable and published (readers already see it). The port the stores
/// call; <see cref="GraphChangeFeed"/> is the implementation that fans changes out to subscribers. A publisher must
/// never wait for a subscriber: <see cref="Publish"/> only queues.
/// </summary>
public interface IGraphChangeSink
{
    void Publish(GraphChange change);
}
