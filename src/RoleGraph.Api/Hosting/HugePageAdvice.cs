namespace RoleGraph.Api.Hosting;

/// <summary>What <see cref="HeapHugePages.Advise"/> did: the outcome, the bytes of address range advised, and why.</summary>
internal sealed record HugePageAdvice(HugePageOutcome Outcome, long AdvisedBytes, string Reason);
