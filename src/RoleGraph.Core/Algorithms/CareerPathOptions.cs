using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Algorithms;

/// <summary>What counts as a realistic career step, and how far <see cref="CareerPaths"/> may search.</summary>
/// <param name="Neighbors">How many nearest roles of each role are candidate next steps (k of nearest(role, k)), 1..100.</param>
/// <param name="MinStepScore">The least similarity a step may have, in (0, 1]: below it a move is not one step.</param>
/// <param name="MaxExpandedRoles">
/// The most roles whose nearest roles the search asks for, 1..100,000: the cost of a query is mostly those calls, so
/// this bounds it where the target is far. Reached, the search returns the paths found so far.
/// </param>
/// <param name="IntoTargetFromItsNearest">
/// Also let the last step come from any role among the target's own nearest, with the score the target gives it.
/// Similarity scores are symmetric but nearest lists are not: a role few others list among their k nearest could
/// otherwise hardly be reached, though it lists close roles itself. One more call of nearest (for the target).
/// </param>
public sealed record CareerPathOptions(
    int Neighbors = CareerPathOptions.DefaultNeighbors,
    double MinStepScore = CareerPathOptions.DefaultMinStepScore,
    int MaxExpandedRoles = CareerPathOptions.DefaultMaxExpandedRoles,
    bool IntoTargetFromItsNearest = true)
{
    public const int DefaultNeighbors = 10;
    public const double DefaultMinStepScore = 0.2;
    public const int DefaultMaxExpandedRoles = 300;
    public const int MaxNeighbors = 100;
    public const int MaxMaxExpandedRoles = 100_000;

    public static CareerPathOptions Default { get; } = new();

    public void Validate()
    {
        if (Neighbors < 1 || Neighbors > MaxNeighbors)
        {
            throw GraphInputException.OutOfRange("neighbors", Neighbors, 1, MaxNeighbors);
        }

        // Written so that NaN fails too.
        if (!(MinStepScore > 0 && MinStepScore <= 1))
        {
            throw new GraphInputException($"Argument 'minStepScore' must be above 0 and at most 1; got {MinStepScore}.", "minStepScore", MinStepScore);
        }

        if (MaxExpandedRoles < 1 || MaxExpandedRoles > MaxMaxExpandedRoles)
        {
            throw GraphInputException.OutOfRange("maxExpandedRoles", MaxExpandedRoles, 1, MaxMaxExpandedRoles);
        }
    }
}
