using RoleGraph.Core.Store;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// The chosen store without <see cref="ObservedGraphStore"/> in front: for the service's own bookkeeping (opening and
/// seeding, the size gauges, revision polling), which is neither a user's call to trace nor a write to audit.
/// </summary>
internal sealed record UnobservedStore(IGraphStore Store);
