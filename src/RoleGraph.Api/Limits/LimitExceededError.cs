using GraphQL.Validation;

namespace RoleGraph.Api.Limits;

/// <summary>A document that breaks one of <see cref="LimitsOptions"/>: a validation failure with its own code.</summary>
internal sealed class LimitExceededError : ValidationError
{
    public LimitExceededError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
