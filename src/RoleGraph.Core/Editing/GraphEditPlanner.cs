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
    public static GraphEditPlan Plan(IReadOnlyList<GraphNode> currentNodes, IReadOnlyList<GraphLink> currentLinks, GraphEdit edit)
    {
        var problems = new List<GraphEditProblem>();
        var nodes = currentNodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var links = currentLinks.ToDictionary(LinkKey.Of);
        var writeNodes = new List<GraphNode>();
        var deleteNodes = new List<string>();
        var writeLinks = new List<GraphLink>();
        var deleteLinks = new List<LinkKey>();
        int nodesCreated = 0, nodesUpdated = 0, nodesUnchanged = 0;
        int linksCreated = 0, linksUpdated = 0, linksUnchanged = 0;

        void Problem(string code, string path, string message) => problems.Add(new GraphEditProblem(code, path, message));

        var upsertedNodes = new HashSet<string>(StringComparer.Ordinal);
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

            if (!upsertedNodes.Add(node.Id))
            {
                Problem(GraphEditProblem.BadInput, $"{path}.id", $"The node '{node.Id}' is given more than once.");
            }
            else if (!nodes.TryGetValue(node.Id, out var existing))
            {
                nodes[node.Id] = node;
                writeNodes.Add(node);
                nodesCreated++;
            }
            else if (existing.Kind != node.Kind && edit.ReplaceAll)
            {
                // Replacing the whole graph may re-kind an id: the old node goes, and with it links the edit does not repeat.
                nodes[node.Id] = node;
                writeNodes.Add(node);
                nodesUpdated++;
            }
            else if (existing.Kind != node.Kind)
            {
                Problem(GraphEditProblem.BadInput, $"{path}.id", $"The id '{node.Id}' belongs to a {existing.Kind}; it cannot also name a {node.Kind}.");
            }
            else if (SameNode(existing, node))
            {
                nodesUnchanged++;
            }
            else
            {
                nodes[node.Id] = node;
                writeNodes.Add(node);
                nodesUpdated++;
            }
        }

        var explicitlyDeleted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < edit.DeleteNodes.Count; i++)
        {
            var id = edit.DeleteNodes[i];
            if (upsertedNodes.Contains(id))
            {
                Problem(GraphEditProblem.BadInput, $"deleteNodes[{i}]", $"The node '{id}' is both written and deleted.");
            }
            else if (explicitlyDeleted.ContainsKey(id))
            {
                Problem(GraphEditProblem.BadInput, $"deleteNodes[{i}]", $"The node '{id}' is deleted more than once.");
            }
            else if (nodes.Remove(id))
            {
                explicitlyDeleted[id] = $"deleteNodes[{i}]";
                deleteNodes.Add(id);
            }
            else
            {
                Problem(GraphEditProblem.NotFound, $"deleteNodes[{i}]", $"No node has the id '{id}'.");
            }
        }

        if (edit.ReplaceAll)
        {
            foreach (var id in nodes.Keys.Where(id => !upsertedNodes.Contains(id)).ToList())
            {
                nodes.Remove(id);
                deleteNodes.Add(id);
            }
        }

        for (var i = 0; i < edit.DeleteLinks.Count; i++)
        {
            var key = edit.DeleteLinks[i];
            if (RelationRules.IsSymmetric(key.Relation) && !links.ContainsKey(key))
            {
                key = new LinkKey(key.ToId, key.FromId, key.Relation); // stored the other way round: the same fact
            }

            if (links.Remove(key))
            {
                deleteLinks.Add(key);
            }
            else
            {
                Problem(GraphEditProblem.NotFound, $"deleteLinks[{i}]", $"There is no link {key}.");
            }
        }

        var upsertedLinks = new HashSet<LinkKey>();
        for (var i = 0; i < edit.UpsertLinks.Count; i++)
        {
            var link = edit.UpsertLinks[i];
            var key = LinkKey.Of(link);
            var path = $"links[{i}]";
            var from = nodes.GetValueOrDefault(link.FromId);
            var to = nodes.GetValueOrDefault(link.ToId);
            if (from is null || to is null)
            {
                foreach (var (field, id) in new[] { ("from", link.FromId), ("to", link.ToId) }.Where(e => !nodes.ContainsKey(e.Item2)))
                {
                    Problem(GraphEditProblem.BadInput, $"{path}.{field}", explicitlyDeleted.ContainsKey(id) || currentNodes.Any(n => n.Id == id)
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
            if (RelationRules.IsSymmetric(link.Relation) && (edit.ReplaceAll ? upsertedLinks.Contains(reverse) : links.ContainsKey(reverse)))
            {
                Problem(GraphEditProblem.BadInput, path, $"{RelationRules.WireName(link.Relation)} is symmetric: the link {link.ToId} -> {link.FromId} already says this.");
            }
            else if (!upsertedLinks.Add(key))
            {
                Problem(GraphEditProblem.BadInput, path, $"The link {key} is given more than once.");
            }
            else if (!links.TryGetValue(key, out var existing))
            {
                links[key] = link;
                writeLinks.Add(link);
                linksCreated++;
            }
            else if (existing.Importance == link.Importance && existing.Level == link.Level)
            {
                linksUnchanged++;
            }
            else
            {
                links[key] = link;
                writeLinks.Add(link);
                linksUpdated++;
            }
        }

        if (edit.ReplaceAll)
        {
            foreach (var key in links.Keys.Where(k => !upsertedLinks.Contains(k)).ToList())
            {
                links.Remove(key);
                deleteLinks.Add(key);
            }
        }

        // Links left without an endpoint: gone with their node when cascading, a refusal otherwise.
        var dangling = links.Keys.Where(k => !nodes.ContainsKey(k.FromId) || !nodes.ContainsKey(k.ToId)).ToList();
        if (!edit.Cascade)
        {
            var linkCounts = dangling
                .SelectMany(k => new[] { k.FromId, k.ToId }.Where(explicitlyDeleted.ContainsKey).Distinct())
                .CountBy(id => id)
                .ToDictionary(StringComparer.Ordinal);

            // In the order the edit names the nodes, not the order a store happens to hold their links in.
            foreach (var (id, path) in explicitlyDeleted)
            {
                if (linkCounts.TryGetValue(id, out var count))
                {
                    Problem(GraphEditProblem.BadInput, path,
                        $"The node '{id}' has {count} link{(count == 1 ? "" : "s")}; delete with cascade to remove {(count == 1 ? "it" : "them")} too.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new GraphEditException(problems);
        }

        foreach (var key in dangling)
        {
            links.Remove(key);
            deleteLinks.Add(key);
        }

        return new GraphEditPlan(
            nodes.Values.ToArray(),
            links.Values.ToArray(),
            new GraphChangeSet(writeNodes, deleteNodes, writeLinks, deleteLinks),
            new ChangeCounts(nodesCreated, nodesUpdated, nodesUnchanged, deleteNodes.Count),
            new ChangeCounts(linksCreated, linksUpdated, linksUnchanged, deleteLinks.Count));
    }

    /// <summary>Whether an upsert would change nothing about a node.</summary>
    public static bool SameNode(GraphNode a, GraphNode b) =>
        a.Kind == b.Kind
        && a.Name == b.Name
        && a.Description == b.Description
        && a.Aliases.SequenceEqual(b.Aliases, StringComparer.Ordinal)
        && a.Properties.Count == b.Properties.Count
        && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value);
}
