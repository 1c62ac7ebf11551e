using GraphQL.Validation;
using GraphQLParser.AST;

namespace RoleGraph.Api.Limits;

/// <summary>Counts aliases and directives in the document as written; fragment bombs are the cost limit's business.</summary>
internal sealed class AliasAndDirectiveLimitRule(LimitsOptions limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Counter(limits));

    private sealed class Counter(LimitsOptions limits) : INodeVisitor
    {
        private int _aliases;
        private int _directives;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLField { Alias: not null })
            {
                _aliases++;
            }
            else if (node is GraphQLDirective)
            {
                _directives++;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLDocument)
            {
                if (_aliases > limits.MaxAliases)
                {
                    context.ReportError(new LimitExceededError(LimitCodes.Aliases, $"The document has {_aliases} aliases; the limit (MaxAliases) is {limits.MaxAliases}."));
                }

                if (_directives > limits.MaxDirectives)
                {
                    context.ReportError(new LimitExceededError(LimitCodes.Directives, $"The document has {_directives} directives; the limit (MaxDirectives) is {limits.MaxDirectives}."));
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
