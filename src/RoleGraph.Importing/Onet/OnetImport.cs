using System.Runtime.InteropServices;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// One run of <see cref="OnetReader.Read"/>: reads every file into entities (for the whole database, so that ids do
/// not depend on the occupation filter), allocates ids in a fixed order, then emits the nodes and links the kept
/// occupations reach. The policies are documented on <see cref="OnetReader"/>.
/// </summary>
internal sealed class OnetImport(string directory, OnetImportOptions options, Func<string, NodeKind?> existingKind, IProgress<OnetProgress>? progress)
{
    private const int TaskIdWords = 5;
    private const int TaskIdLength = 40;

    private readonly Dictionary<string, (string Name, string Description)> _contentModel = new(StringComparer.Ordinal);
    private readonly List<Occupation> _occupations = new(1100);
    private readonly Dictionary<string, Occupation> _occupationsByCode = new(1100, StringComparer.Ordinal);
    private readonly Dictionary<string, Element> _skillElements = new(64, StringComparer.Ordinal);
    private readonly Dictionary<string, Element> _knowledgeElements = new(64, StringComparer.Ordinal);
    private readonly Dictionary<string, Category> _contentCategories = new(32, StringComparer.Ordinal);
    private readonly Dictionary<(UnspscLevel, string), Category> _unspscCategories = new(6000);
    private readonly Dictionary<string, Tool> _toolsBySlug = new(30_000, StringComparer.Ordinal);
    private readonly Dictionary<string, Tool> _toolsByName = new(30_000, StringComparer.Ordinal);
    private readonly Dictionary<string, Responsibility> _tasks = new(20_000, StringComparer.Ordinal);
    private readonly List<PendingLink> _links = new(200_000);
    private readonly HashSet<(Entity, Entity, RelationKind)> _linkKeys = new(200_000);

    private (double Min, double Max) _importanceScale;
    private (double Min, double Max) _levelScale;

    private enum UnspscLevel
    {
        Commodity,
        Class,
        Family,
        Segment,
    }

    public TaxonomyFile Run()
    {
        ReadScales();
        ReadContentModel();
        ReadOccupations();
        ApplyFilter();
        ReadAlternateTitles();
        ReadRatings(OnetReader.SkillsFile, _skillElements);
        ReadRatings(OnetReader.KnowledgeFile, _knowledgeElements);
        ReadUnspsc();
        ReadTools(OnetReader.TechnologySkillsFile, technology: true);
        ReadTools(OnetReader.ToolsUsedFile, technology: false);
        ReadTasks();
        AllocateIds();
        return Emit();
    }

    private OnetTable Open(string file) => OnetTable.Open(directory, file, progress);

    // ---- Reading ------------------------------------------------------------------------------------------------

    private void ReadScales()
    {
        var table = Open(OnetReader.ScalesFile);
        int id = table.Column("Scale ID"), min = table.Column("Minimum"), max = table.Column("Maximum");
        (double, double)? im = null, lv = null;
        while (table.Read())
        {
            var scale = table.Span(id);
            if (scale.SequenceEqual("IM") || scale.SequenceEqual("LV"))
            {
                var range = (table.Number(min, "Minimum"), table.Number(max, "Maximum"));
                if (range.Item2 <= range.Item1)
                {
                    throw table.Error($"the {scale} scale's maximum is not above its minimum.");
                }

                if (scale.SequenceEqual("IM"))
                {
                    im = range;
                }
                else
                {
                    lv = range;
                }
            }
        }

        _importanceScale = im ?? throw new InvalidDataException($"{table.FileName}: no row for the IM (Importance) scale.");
        _levelScale = lv ?? throw new InvalidDataException($"{table.FileName}: no row for the LV (Level) scale.");
    }

    private void ReadContentModel()
    {
        var table = Open(OnetReader.ContentModelFile);
        int id = table.Column("Element ID"), name = table.Column("Element Name"), description = table.Column("Description");
        while (table.Read())
        {
            _contentModel.TryAdd(table.Text(id), (table.Text(name), table.Text(description)));
        }
    }

    private void ReadOccupations()
    {
        var table = Open(OnetReader.OccupationDataFile);
        int code = table.Column("O*NET-SOC Code"), title = table.Column("Title"), description = table.Column("Description");
        while (table.Read())
        {
            var occupation = new Occupation(table.Text(code), table.Text(title), table.Text(description));
            if (occupation.Code.Length == 0 || occupation.Title.Length == 0)
            {
                throw table.Error("an occupation needs a code and a title.");
            }

            if (!_occupationsByCode.TryAdd(occupation.Code, occupation))
            {
                throw table.Error($"the O*NET-SOC code {occupation.Code} appears twice.");
            }

            _occupations.Add(occupation);
        }
    }

    private void ApplyFilter()
    {
        if (options.Occupations is not { } kept)
        {
            return;
        }

        var unknown = kept.Where(c => !_occupationsByCode.ContainsKey(c)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"The O*NET database in '{directory}' has no occupation{(unknown.Length == 1 ? "" : "s")} {string.Join(", ", unknown)} (O*NET-SOC codes look like 15-2051.00).",
                nameof(options));
        }

        foreach (var occupation in _occupations)
        {
            occupation.Kept = kept.Contains(occupation.Code);
        }
    }

    /// <summary>The occupation a row names; an error for a code Occupation Data lacks.</summary>
    private Occupation OccupationOf(OnetTable table, int column)
    {
        var lookup = _occupationsByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        var code = table.Span(column);
        return lookup.TryGetValue(code, out var occupation)
            ? occupation
            : throw table.Error($"the O*NET-SOC code '{code}' is not in {OnetReader.OccupationDataFile}.");
    }

    private void ReadAlternateTitles()
    {
        var table = Open(OnetReader.AlternateTitlesFile);
        int code = table.Column("O*NET-SOC Code"), alternate = table.Column("Alternate Title"), shortTitle = table.Column("Short Title"), sources = table.Column("Source(s)");
        while (table.Read())
        {
            var occupation = OccupationOf(table, code);
            if (!occupation.Kept)
            {
                continue;
            }

            var sourceList = table.Span(sources);
            var sourceCount = sourceList.IsEmpty ? 0 : sourceList.Count(',') + 1;
            occupation.AlternateTitles.Add(new AlternateTitle(table.Text(alternate), table.Text(shortTitle), sourceCount, occupation.AlternateTitles.Count));
        }
    }

    private void ReadRatings(string file, Dictionary<string, Element> elements)
    {
        var table = Open(file);
        int code = table.Column("O*NET-SOC Code"), elementId = table.Column("Element ID"), elementName = table.Column("Element Name"),
            scale = table.Column("Scale ID"), value = table.Column("Data Value"), suppress = table.Column("Recommend Suppress"),
            notRelevant = table.Column("Not Relevant");
        var elementLookup = elements.GetAlternateLookup<ReadOnlySpan<char>>();
        var ratings = new Dictionary<(Occupation, Element), Rating>(table.RowCount / 2 + 1);
        while (table.Read())
        {
            var occupation = OccupationOf(table, code);
            var idSpan = table.Span(elementId);
            if (!elementLookup.TryGetValue(idSpan, out var element))
            {
                var id = idSpan.ToString();
                if (id.Length == 0)
                {
                    throw table.Error("the Element ID is empty.");
                }

                // Name and description from the content model; an element it lacks keeps the row's name and no category.
                var known = _contentModel.TryGetValue(id, out var reference);
                var name = known && reference.Name.Length > 0 ? reference.Name : table.Text(elementName);
                var description = known && reference.Description.Length > 0 ? reference.Description : null;
                element = new Element(id, name.Length == 0 ? id : name, description, ContentCategory(Parent(id)));
                elements.Add(id, element);
            }

            var scaleId = table.Span(scale);
            var isImportance = scaleId.SequenceEqual("IM");
            if (!occupation.Kept || (!isImportance && !scaleId.SequenceEqual("LV")))
            {
                continue;
            }

            var number = table.Number(value, "Data Value");
            ref var rating = ref CollectionsMarshal.GetValueRefOrAddDefault(ratings, (occupation, element), out _);
            if (isImportance)
            {
                if (rating.Importance is not null)
                {
                    throw table.Error($"a second IM rating of {element.ElementId} for {occupation.Code}.");
                }

                rating.Importance = number;
                rating.ImportanceSuppressed = table.Flag(suppress);
            }
            else
            {
                if (rating.Level is not null)
                {
                    throw table.Error($"a second LV rating of {element.ElementId} for {occupation.Code}.");
                }

                rating.Level = number;
                rating.LevelSuppressed = table.Flag(suppress);
                rating.NotRelevant = table.Flag(notRelevant);
            }
        }

        foreach (var ((occupation, element), rating) in ratings)
        {
            if (rating.Importance is not { } im || rating.ImportanceSuppressed || rating.NotRelevant)
            {
                continue;
            }

            double? level = rating.Level is { } lv && !rating.LevelSuppressed ? Scale(lv, _levelScale) : null;
            AddLink(occupation, element, RelationKind.Requires, Scale(im, _importanceScale), level);
        }
    }

    private static double Scale(double value, (double Min, double Max) range) =>
        Math.Clamp(Math.Round((value - range.Min) / (range.Max - range.Min), 3, MidpointRounding.AwayFromZero), 0, 1);

    private static string? Parent(string elementId)
    {
        var dot = elementId.LastIndexOf('.');
        return dot <= 0 ? null : elementId[..dot];
    }

    /// <summary>The category of a content-model element (and those above it), where the reference has it.</summary>
    private Category? ContentCategory(string? elementId)
    {
        if (elementId is null || !_contentModel.TryGetValue(elementId, out var reference))
        {
            return null;
        }

        if (!_contentCategories.TryGetValue(elementId, out var category))
        {
            category = new Category(
                elementId,
                reference.Name.Length == 0 ? elementId : reference.Name,
                reference.Description.Length == 0 ? null : reference.Description,
                "onetElementId",
                null,
                ContentCategory(Parent(elementId)));
            _contentCategories.Add(elementId, category);
        }

        return category;
    }

    private void ReadTools(string file, bool technology)
    {
        var table = Open(file);
        int code = table.Column("O*NET-SOC Code"), example = table.Column("Example"), commodityCode = table.Column("Commodity Code"), commodityTitle = table.Column("Commodity Title");
        int hot = technology ? table.Column("Hot Technology") : -1, inDemand = technology ? table.Column("In Demand") : -1;
        var nameLookup = _toolsByName.GetAlternateLookup<ReadOnlySpan<char>>();
        while (table.Read())
        {
            var occupation = OccupationOf(table, code);
            var name = table.Span(example);
            if (name.IsEmpty)
            {
                throw table.Error("the Example is empty.");
            }

            if (!nameLookup.TryGetValue(name, out var tool))
            {
                var nameText = name.ToString();
                var slug = OnetSlug.Of(nameText);
                if (!_toolsBySlug.TryGetValue(slug, out tool))
                {
                    tool = new Tool(slug);
                    _toolsBySlug.Add(slug, tool);
                }

                _toolsByName.Add(nameText, tool);
            }

            tool.CountSpelling(name);

            Category? commodity = null;
            var commodityId = table.Text(commodityCode);
            if (commodityId.Length > 0 && !_unspscCategories.TryGetValue((UnspscLevel.Commodity, commodityId), out commodity))
            {
                // A commodity UNSPSC Reference lacks: a category of its own, without parents.
                var title = table.Text(commodityTitle);
                commodity = UnspscCategory(UnspscLevel.Commodity, commodityId, title.Length == 0 ? commodityId : title, null);
            }

            if (!occupation.Kept)
            {
                continue;
            }

            AddLink(occupation, tool, RelationKind.Uses);
            if (commodity is not null)
            {
                AddLink(tool, commodity, RelationKind.InCategory);
            }

            if (technology)
            {
                tool.Technology = true;
                tool.Hot |= table.Flag(hot);
                if (table.Flag(inDemand))
                {
                    tool.InDemandFor.Add(occupation.Code);
                }
            }
        }
    }

    private Category UnspscCategory(UnspscLevel level, string code, string title, Category? parent)
    {
        if (_unspscCategories.TryGetValue((level, code), out var category))
        {
            category.Parent ??= parent;
            return category;
        }

        category = new Category(code, title, null, "unspscCode", level.ToString(), parent);
        _unspscCategories.Add((level, code), category);
        return category;
    }

    private void ReadUnspsc()
    {
        var table = Open(OnetReader.UnspscFile);
        var columns = new (UnspscLevel Level, int Code, int Title)[]
        {
            (UnspscLevel.Segment, table.Column("Segment Code"), table.Column("Segment Title")),
            (UnspscLevel.Family, table.Column("Family Code"), table.Column("Family Title")),
            (UnspscLevel.Class, table.Column("Class Code"), table.Column("Class Title")),
            (UnspscLevel.Commodity, table.Column("Commodity Code"), table.Column("Commodity Title")),
        };
        while (table.Read())
        {
            Category? parent = null;
            foreach (var (level, code, title) in columns)
            {
                var codeText = table.Text(code);
                if (codeText.Length == 0)
                {
                    continue;
                }

                var titleText = table.Text(title);
                parent = UnspscCategory(level, codeText, titleText.Length == 0 ? codeText : titleText, parent);
            }
        }
    }

    private void ReadTasks()
    {
        var table = Open(OnetReader.TaskStatementsFile);
        int code = table.Column("O*NET-SOC Code"), taskId = table.Column("Task ID"), statement = table.Column("Task"), type = table.Column("Task Type");
        while (table.Read())
        {
            var occupation = OccupationOf(table, code);
            var id = table.Text(taskId);
            if (id.Length == 0)
            {
                throw table.Error("the Task ID is empty.");
            }

            if (!_tasks.TryGetValue(id, out var task))
            {
                var text = table.Text(statement);
                if (text.Length == 0)
                {
                    throw table.Error("the Task is empty.");
                }

                var taskType = table.Text(type);
                task = new Responsibility(id, text, taskType.Length == 0 ? null : taskType);
                _tasks.Add(id, task);
            }

            if (occupation.Kept)
            {
                AddLink(occupation, task, RelationKind.ResponsibleFor);
            }
        }
    }

    private void AddLink(Entity from, Entity to, RelationKind relation, double? importance = null, double? level = null)
    {
        if (_linkKeys.Add((from, to, relation)))
        {
            _links.Add(new PendingLink(from, to, relation, importance, level));
            from.Used = true;
            to.Used = true;
        }
    }

    // ---- Ids ----------------------------------------------------------------------------------------------------

    private void AllocateIds()
    {
        var count = _occupations.Count + _skillElements.Count + _knowledgeElements.Count + _toolsBySlug.Count
            + _contentCategories.Count + _unspscCategories.Count + _tasks.Count;
        var ids = new OnetIdAllocator(existingKind, count);

        foreach (var occupation in _occupations.OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            occupation.Id = ids.Allocate(NodeKind.Role, OnetSlug.Of(occupation.Title), "role");
        }

        foreach (var element in _skillElements.Values.OrderBy(e => e.ElementId, StringComparer.Ordinal))
        {
            element.Id = ids.Allocate(NodeKind.Skill, OnetSlug.Of(element.Name), "skill");
        }

        foreach (var element in _knowledgeElements.Values.OrderBy(e => e.ElementId, StringComparer.Ordinal))
        {
            element.Id = ids.Allocate(NodeKind.Skill, OnetSlug.Of(element.Name), "knowledge");
        }

        foreach (var tool in _toolsBySlug.Values.OrderBy(t => t.Slug, StringComparer.Ordinal))
        {
            tool.Id = ids.Allocate(NodeKind.Tool, tool.Slug, "tool");
        }

        foreach (var category in _contentCategories.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value))
        {
            category.Id = ids.Allocate(NodeKind.Category, OnetSlug.Of(category.Name), "category");
        }

        foreach (var category in _unspscCategories.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).Select(c => c.Value))
        {
            category.Id = ids.Allocate(NodeKind.Category, OnetSlug.Of(category.Name), "category");
        }

        foreach (var task in _tasks.Values.OrderBy(t => t.TaskId.Length).ThenBy(t => t.TaskId, StringComparer.Ordinal))
        {
            var words = OnetSlug.FirstWords(OnetSlug.Of(task.Statement), TaskIdWords, TaskIdLength);
            var slug = OnetSlug.Of(task.TaskId);
            task.Id = ids.Allocate(NodeKind.Responsibility, words.Length == 0 ? slug : $"{words}-{slug}", "task");
        }
    }

    // ---- Output -------------------------------------------------------------------------------------------------

    private TaxonomyFile Emit()
    {
        foreach (var element in _skillElements.Values.Concat(_knowledgeElements.Values))
        {
            if (element.Used && element.Category is { } category)
            {
                AddLink(element, category, RelationKind.InCategory);
            }
        }

        // Categories reached by a used skill or tool bring their ancestors along.
        foreach (var category in _contentCategories.Values.Concat(_unspscCategories.Values).Where(c => c.Used).ToArray())
        {
            for (var child = category; child.Parent is { } parent; child = parent)
            {
                AddLink(child, parent, RelationKind.SubcategoryOf);
            }
        }

        var nodes = new List<TaxonomyFileNode>(_links.Count / 3);
        foreach (var occupation in _occupations.Where(o => o.Kept))
        {
            nodes.Add(Node(occupation, NodeKind.Role, occupation.Title, occupation.Description, Aliases(occupation), new() { ["onetSocCode"] = occupation.Code }));
        }

        foreach (var element in _skillElements.Values.Concat(_knowledgeElements.Values).Where(e => e.Used))
        {
            nodes.Add(Node(element, NodeKind.Skill, element.Name, element.Description, null, new() { ["onetElementId"] = element.ElementId }));
        }

        foreach (var tool in _toolsBySlug.Values.Where(t => t.Used))
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (tool.Technology)
            {
                properties["hotTechnology"] = tool.Hot ? "true" : "false";
                properties["inDemand"] = tool.InDemandFor.Count > 0 ? "true" : "false";
                if (tool.InDemandFor.Count > 0)
                {
                    properties["inDemandFor"] = string.Join(',', tool.InDemandFor);
                }
            }

            var (name, others) = tool.Spellings();
            nodes.Add(Node(tool, NodeKind.Tool, name, null, others, properties));
        }

        foreach (var task in _tasks.Values.Where(t => t.Used))
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["onetTaskId"] = task.TaskId };
            if (task.TaskType is not null)
            {
                properties["taskType"] = task.TaskType;
            }

            nodes.Add(Node(task, NodeKind.Responsibility, task.Statement, null, null, properties));
        }

        foreach (var category in _contentCategories.Values.Concat(_unspscCategories.Values).Where(c => c.Used))
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { [category.CodeProperty] = category.Code };
            if (category.Level is not null)
            {
                properties["unspscLevel"] = category.Level;
            }

            nodes.Add(Node(category, NodeKind.Category, category.Name, category.Description, null, properties));
        }

        nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var sorted = _links.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byFrom = string.CompareOrdinal(a.From.Id, b.From.Id);
            if (byFrom != 0)
            {
                return byFrom;
            }

            var byRelation = a.Relation.CompareTo(b.Relation);
            return byRelation != 0 ? byRelation : string.CompareOrdinal(a.To.Id, b.To.Id);
        });

        var fileLinks = new List<TaxonomyFileLink>(sorted.Length);
        foreach (var link in sorted)
        {
            fileLinks.Add(new TaxonomyFileLink
            {
                From = link.From.Id,
                To = link.To.Id,
                Relation = RelationRules.WireName(link.Relation),
                Importance = link.Importance,
                Level = link.Level,
            });
        }

        return new TaxonomyFile
        {
            FormatVersion = TaxonomyFile.CurrentFormatVersion,
            Taxonomy = new TaxonomyFileHeader
            {
                Name = OnetReader.TaxonomyName,
                Version = OnetReader.TaxonomyVersion,
                Source = OnetReader.TaxonomySource,
                License = OnetReader.TaxonomyLicense,
            },
            Nodes = nodes,
            Links = fileLinks,
        };
    }

    private static TaxonomyFileNode Node(Entity entity, NodeKind kind, string name, string? description, List<string>? aliases, Dictionary<string, string> properties) => new()
    {
        Id = entity.Id,
        Kind = kind.ToString(),
        Name = name,
        Description = string.IsNullOrWhiteSpace(description) ? null : description,
        Aliases = aliases is { Count: > 0 } ? aliases : null,
        Properties = properties.Count > 0 ? properties : null,
    };

    /// <summary>Alternate and short titles, most-sourced first, distinct ignoring case, without the title; all of them.</summary>
    private static List<string> Aliases(Occupation occupation)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { occupation.Title };
        var aliases = new List<string>(occupation.AlternateTitles.Count * 2);
        foreach (var title in occupation.AlternateTitles.OrderByDescending(t => t.Sources).ThenBy(t => t.Order))
        {
            foreach (var alias in (ReadOnlySpan<string>)[title.Title, title.ShortTitle])
            {
                if (alias.Length > 0 && seen.Add(alias))
                {
                    aliases.Add(alias);
                }
            }
        }

        return aliases;
    }

    // ---- Entities -----------------------------------------------------------------------------------------------

    /// <summary>Something that becomes a node: its id (allocated after reading) and whether a kept occupation reaches it.</summary>
    private abstract class Entity
    {
        public string Id { get; set; } = "";

        public bool Used { get; set; }
    }

    private sealed class Occupation(string code, string title, string description) : Entity
    {
        public string Code { get; } = code;
        public string Title { get; } = title;
        public string Description { get; } = description;
        public bool Kept { get; set; } = true;
        public List<AlternateTitle> AlternateTitles { get; } = [];
    }

    private readonly record struct AlternateTitle(string Title, string ShortTitle, int Sources, int Order);

    private sealed class Element : Entity
    {
        public Element(string elementId, string name, string? description, Category? category)
        {
            ElementId = elementId;
            Name = name;
            Description = description;
            Category = category;
        }

        public string ElementId { get; }
        public string Name { get; }
        public string? Description { get; }
        public Category? Category { get; }
    }

    private struct Rating
    {
        public double? Importance;
        public bool ImportanceSuppressed;
        public double? Level;
        public bool LevelSuppressed;
        public bool NotRelevant;
    }

    private sealed class Tool(string slug) : Entity
    {
        private readonly Dictionary<string, int> _spellings = new(1, StringComparer.Ordinal);

        public string Slug { get; } = slug;
        public bool Technology { get; set; }
        public bool Hot { get; set; }
        public SortedSet<string> InDemandFor { get; } = new(StringComparer.Ordinal);

        public void CountSpelling(ReadOnlySpan<char> name)
        {
            var lookup = _spellings.GetAlternateLookup<ReadOnlySpan<char>>();
            lookup[name] = lookup.TryGetValue(name, out var n) ? n + 1 : 1;
        }

        /// <summary>The most frequent spelling (ties: ordinal first) and the others as aliases.</summary>
        public (string Name, List<string>? Others) Spellings()
        {
            var ordered = _spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).ToList();
            return (ordered[0], ordered.Count > 1 ? ordered.GetRange(1, ordered.Count - 1) : null);
        }
    }

    private sealed class Responsibility(string taskId, string statement, string? taskType) : Entity
    {
        public string TaskId { get; } = taskId;
        public string Statement { get; } = statement;
        public string? TaskType { get; } = taskType;
    }

    /// <summary>A content-model element above the rated ones, or a UNSPSC commodity, class, family or segment.</summary>
    private sealed class Category(string code, string name, string? description, string codeProperty, string? level, Category? parent) : Entity
    {
        /// <summary>The content-model element id or the UNSPSC code.</summary>
        public string Code { get; } = code;
        public string Name { get; } = name;
        public string? Description { get; } = description;
        public string CodeProperty { get; } = codeProperty;
        public string? Level { get; } = level;
        public Category? Parent { get; set; } = parent;
    }

    private readonly record struct PendingLink(Entity From, Entity To, RelationKind Relation, double? Importance, double? Level);
}
