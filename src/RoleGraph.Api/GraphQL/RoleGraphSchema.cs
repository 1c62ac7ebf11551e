using GraphQL.Types;

namespace RoleGraph.Api.GraphQL;

/// <summary>The served schema; schema.graphql at the repository root is its printed form and the API contract.</summary>
internal sealed class RoleGraphSchema : Schema
{
    public RoleGraphSchema(IServiceProvider services, QueryType query, Mutations.MutationType mutation, Subscriptions.SubscriptionType subscription)
        : base(services)
    {
        Description = "RoleGraph: a knowledge graph of job roles, skills, tools, responsibilities and categories.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
