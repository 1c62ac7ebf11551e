using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Editing;

/// <summary>
/// Plans an edit against the graph as it is: checks every part of it, resolves cascades and replace-all deletions,
/// counts what is created, updated, unchanged and deleted, and yields the resulting graph and the change set.
/// Stores call it inside their write lock or transaction, so that the plan and its application see the same graph.
/// Nothing is changed when it throws.
/// </summary>
public static class GraphEditPlanner
{
    public static GraphEditPlan Plan(IReadOnlyList<GraphNode> currentNodes, IReadOnlyList<GraphLink> currentLinks, GraphEdit edit) =>
        Plan(new Planner(new PlanningGraph(currentNodes, currentLinks), edit));

    /// <summary>
    /// Plans against a snapshot: looks up only what the edit names (ids, and link keys through their source's
    /// adjacency), so a small edit costs its own size however large the graph. Same checks, counts and problems as
    /// planning against lists. The plan's <see cref="GraphEditPlan.Nodes"/> and <see cref="GraphEditPlan.Links"/> are
    /// made only if asked for; <see cref="GraphSnapshot.Apply"/> derives the graph afterwards from the change set.
    /// </summary>
    public static GraphEditPlan Plan(GraphSnapshot current, GraphEdit edit)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(edit);
        return edit.ReplaceAll
            ? Plan(current.Nodes, current.Links, edit) // replacing the graph touches all of it anyway
            : Plan(new Planner(new PlanningGraph(current), edit));
    }

    private static GraphEditPlan Plan(Planner planner)
    {
        planner.UpsertNodes();
        planner.DeleteNodes();
        planner.DropNodesNotRepeated();
        planner.DeleteLinks();
        planner.UpsertLinks();
        planner.DropLinksNotRepeated();
        var dangling = planner.DanglingLinks();
        planner.RefuseDeletesThatLeaveLinks(dangling);
        planner.ThrowIfProblems();
        planner.RemoveLinks(dangling);
        return planner.Result();
    }

    /// <summary>Whether an upsert would change nothing about a node.</summary>
    public static bool SameNode(GraphNode a, GraphNode b) =>
        a.Kind == b.Kind
        && a.Name == b.Name
        && a.Description == b.Description
        && a.Aliases.SequenceEqual(b.Aliases, StringComparer.Ordinal)
        && a.Properties.Count == b.Properties.Count
        && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>
    /// One plan: the graph as the edit leaves it so far, what the edit writes and deletes, the counts, and the problems
    /// found. Each step reads and extends that state; the steps run in <c>Plan</c>'s order.
    /// </summary>
    private sealed class Planner(PlanningGraph state, GraphEdit edit)
    {
        private readonly List<GraphEditProblem> _problems = [];
        private readonly PlanningGraph.NodeView _nodes = state.Nodes;
        private readonly PlanningGraph.LinkView _links = state.Links;
        private readonly List<GraphNode> _writeNodes = [];
        private readonly List<string> _deleteNodes = [];
        private readonly List<GraphLink> _writeLinks = [];
        private readonly List<LinkKey> _deleteLinks = [];
        private readonly HashSet<string> _upsertedNodes = new(StringComparer.Ordinal);
        private readonly HashSet<LinkKey> _upsertedLinks = [];

        /// <summary>The nodes the edit deletes by name, each with the input path that names it, in the edit's order.</summary>
        private readonly Dictionary<string, string> _explicitlyDeleted = new(StringComparer.Ordinal);

        private int _nodesCreated;
        private int _nodesUpdated;
        private int _nodesUnchanged;
        private int _linksCreated;
        private int _linksUpdated;
        private int _linksUnchanged;

        public void UpsertNodes()
        {
            for (var i = 0; i < edit.UpsertNodes.Count; i++)
            {
                var node = edit.UpsertNodes[i];
                var path = $"nodes[{i}]";
                var nodeProblems = NodeRules.HasProblems(node) ? NodeRules.Problems(node).ToList() : [];
                foreach (var (field, message) in nodeProblems)
                {
                    Problem(GraphEditProblem.BadInput, $"{path}.{field}", message);
                }

                if (nodeProblems.Count > 0)
                {
                    continue;
                }

                if (!_upsertedNodes.Add(node.Id))
                {
                    Problem(GraphEditProblem.BadInput, $"{path}.id", $"The node '{node.Id}' is given more than once.");
                }
                else if (!_nodes.TryGetValue(node.Id, out var existing))
                {
                    _nodes[node.Id] = node;
                    _writeNodes.Add(node);
                    _nodesCreated++;
                }
                else if (existing.Kind != node.Kind && edit.ReplaceAll)
                {
                    // Replacing the whole graph may re-kind an id: the old node goes, and with it links the edit does not repeat.
                    _nodes[node.Id] = node;
                    _writeNodes.Add(node);
                    _nodesUpdated++;
                }
                else if (existing.Kind != node.Kind)
                {
                    Problem(GraphEditProblem.BadInput, $"{path}.id", $"The id '{node.Id}' belongs to a {existing.Kind}; it cannot also name a {node.Kind}.");
                }
                else if (SameNode(existing, node))
                {
                    _nodesUnchanged++;
                }
                else
                {
                    _nodes[node.Id] = node;
                    _writeNodes.Add(node);
                    _nodesUpdated++;
                }
            }
        }

        public void DeleteNodes()
        {
            for (var i = 0; i < edit.DeleteNodes.Count; i++)
            {
                var id = edit.DeleteNodes[i];
                if (_upsertedNodes.Contains(id))
                {
                    Problem(GraphEditProblem.BadInput, $"deleteNodes[{i}]", $"The node '{id}' is both written and deleted.");
                }
                else if (_explicitlyDeleted.ContainsKey(id))
                {
                    Problem(GraphEditProblem.BadInput, $"deleteNodes[{i}]", $"The node '{id}' is deleted more than once.");
                }
                else if (_nodes.Remove(id))
                {
                    _explicitlyDeleted[id] = $"deleteNodes[{i}]";
                    _deleteNodes.Add(id);
                }
                else
                {
                    Problem(GraphEditProblem.NotFound, $"deleteNodes[{i}]", $"No node has the id '{id}'.");
                }
            }
        }

        /// <summary>Replacing the whole graph deletes every node the edit does not write.</summary>
        public void DropNodesNotRepeated()
        {
            if (!edit.ReplaceAll)
            {
                return;
            }

            foreach (var id in _nodes.Keys.Where(id => !_upsertedNodes.Contains(id)).ToList())
            {
                _nodes.Remove(id);
                _deleteNodes.Add(id);
            }
        }

        public void DeleteLinks()
        {
            for (var i = 0; i < edit.DeleteLinks.Count; i++)
            {
                var key = edit.DeleteLinks[i];
                if (RelationRules.IsSymmetric(key.Relation) && !_links.ContainsKey(key))
                {
                    key = new LinkKey(key.ToId, key.FromId, key.Relation); // stored the other way round: the same fact
                }

                if (_links.Remove(key))
                {
                    _deleteLinks.Add(key);
                }
                else
                {
                    Problem(GraphEditProblem.NotFound, $"deleteLinks[{i}]", $"There is no link {key}.");
                }
            }
        }

        public void UpsertLinks()
        {
            for (var i = 0; i < edit.UpsertLinks.Count; i++)
            {
                var link = edit.UpsertLinks[i];
                var key = LinkKey.Of(link);
                var path = $"links[{i}]";
                var from = _nodes.GetValueOrDefault(link.FromId);
                var to = _nodes.GetValueOrDefault(link.ToId);
                if (from is null || to is null)
                {
                    foreach (var (field, id) in new[] { ("from", link.FromId), ("to", link.ToId) }.Where(e => !_nodes.ContainsKey(e.Item2)))
                    {
                        Problem(GraphEditProblem.BadInput, $"{path}.{field}", _explicitlyDeleted.ContainsKey(id) || state.ExistedBefore(id)
                            ? $"The node '{id}' is deleted by this edit."
                            : $"No node has the id '{id}'.");
                    }

                    continue;
                }

                var linkProblems = RelationRules.HasProblems(link, from.Kind, to.Kind) ? RelationRules.Problems(link, from.Kind, to.Kind).ToList() : [];
                foreach (var (field, message) in linkProblems)
                {
                    Problem(GraphEditProblem.BadInput, $"{path}.{field}", message);
                }

                if (linkProblems.Count > 0)
                {
                    continue;
                }

                // In replace mode a stored reverse link goes unless the edit repeats it (which the taxonomy validator refuses).
                var reverse = new LinkKey(link.ToId, link.FromId, link.Relation);
                if (RelationRules.IsSymmetric(link.Relation) && (edit.ReplaceAll ? _upsertedLinks.Contains(reverse) : _links.ContainsKey(reverse)))
                {
                    Problem(GraphEditProblem.BadInput, path, $"{RelationRules.WireName(link.Relation)} is symmetric: the link {link.ToId} -> {link.FromId} already says this.");
                }
                else if (!_upsertedLinks.Add(key))
                {
                    Problem(GraphEditProblem.BadInput, path, $"The link {key} is given more than once.");
                }
                else if (!_links.TryGetValue(key, out var existing))
                {
                    _links[key] = link;
                    _writeLinks.Add(link);
                    _linksCreated++;
                }
                else if (existing.Importance == link.Importance && existing.Level == link.Level)
                {
                    _linksUnchanged++;
                }
                else
                {
                    _links[key] = link;
                    _writeLinks.Add(link);
                    _linksUpdated++;
                }
            }
        }

        /// <summary>Replacing the whole graph deletes every link the edit does not write.</summary>
        public void DropLinksNotRepeated()
        {
            if (!edit.ReplaceAll)
            {
                return;
            }

            foreach (var key in _links.Keys.Where(k => !_upsertedLinks.Contains(k)).ToList())
            {
                _links.Remove(key);
                _deleteLinks.Add(key);
            }
        }

        /// <summary>Links left without an endpoint: gone with their node when cascading, a refusal otherwise.</summary>
        public List<LinkKey> DanglingLinks() =>
            state.LinksPossiblyDangling(_explicitlyDeleted.Keys).Where(k => !_nodes.ContainsKey(k.FromId) || !_nodes.ContainsKey(k.ToId)).ToList();

        public void RefuseDeletesThatLeaveLinks(List<LinkKey> dangling)
        {
            if (edit.Cascade)
            {
                return;
            }

            var linkCounts = dangling
                .SelectMany(k => new[] { k.FromId, k.ToId }.Where(_explicitlyDeleted.ContainsKey).Distinct())
                .CountBy(id => id)
                .ToDictionary(StringComparer.Ordinal);

            // In the order the edit names the nodes, not the order a store happens to hold their links in.
            foreach (var (id, path) in _explicitlyDeleted)
            {
                if (linkCounts.TryGetValue(id, out var count))
                {
                    Problem(GraphEditProblem.BadInput, path,
                        $"The node '{id}' has {count} link{(count == 1 ? "" : "s")}; delete with cascade to remove {(count == 1 ? "it" : "them")} too.");
                }
            }
        }

        public void ThrowIfProblems()
        {
            if (_problems.Count > 0)
            {
                throw new GraphEditException(_problems);
            }
        }

        public void RemoveLinks(List<LinkKey> keys)
        {
            foreach (var key in keys)
            {
                _links.Remove(key);
                _deleteLinks.Add(key);
            }
        }

        public GraphEditPlan Result() => new(
            state.NodesAfter(),
            state.LinksAfter(),
            new GraphChangeSet(_writeNodes, _deleteNodes, _writeLinks, _deleteLinks),
            new ChangeCounts(_nodesCreated, _nodesUpdated, _nodesUnchanged, _deleteNodes.Count),
            new ChangeCounts(_linksCreated, _linksUpdated, _linksUnchanged, _deleteLinks.Count));

        private void Problem(string code, string path, string message) => _problems.Add(new GraphEditProblem(code, path, message));
    }
}
