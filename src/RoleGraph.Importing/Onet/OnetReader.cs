using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// Reads the O*NET 29.x text database (tab-separated UTF-8 files with a header row, as published by the O*NET
/// Resource Center) into a taxonomy file: occupations become roles, skills and knowledge areas become skills,
/// technology skills and tools become tools, task statements become responsibilities, and the content model and the
/// UNSPSC commodity hierarchy become categories.
/// </summary>
/// <remarks>
/// <para><b>Files.</b> The directory must hold Occupation Data, Alternate Titles, Skills, Knowledge, Content Model
/// Reference, Scales Reference, Technology Skills, Tools Used, UNSPSC Reference and Task Statements (each
/// <c>*.txt</c>). Every row is checked against its header's column count; a row that does not match, a number that
/// is not one, or a row naming an occupation Occupation Data lacks is an <see cref="InvalidDataException"/> naming the
/// file and line.</para>
///
/// <para><b>Ids.</b> Every node's id is the slug of its name (see <see cref="OnetSlug"/>): a role's of its title, a
/// skill's of the element name, a tool's of the example name, a category's of its title. Responsibilities, whose
/// statements are long, take the slug of the statement's first five words (40 characters at most) followed by the
/// O*NET task id, without a dangling "and", "of"... (<c>design-computers-and-the-software-14633</c>): readable,
/// short and unique.
/// When a slug is already spoken for, this is what happens:</para>
/// <list type="bullet">
/// <item>A node of the <b>same kind</b> already in the target store (<c>existingKind</c> returns that kind) is taken to
/// be the same concept: the O*NET node keeps the id and so merges into it (the seed's <c>programming</c> skill and
/// O*NET's Programming skill become one node; importing O*NET again onto its own earlier import maps every node onto
/// itself). The file still carries the node, so it is complete and valid on its own; loading it into a store that
/// has the id must merge rather than reject.</item>
/// <item>A node of <b>another kind</b> in the store, or any other node of this import, keeps the slug from being
/// used: the O*NET node becomes <c>slug-qualifier</c>, where the qualifier is <c>role</c>, <c>skill</c>,
/// <c>knowledge</c> (for knowledge areas, which are skills too), <c>tool</c>, <c>category</c> or <c>task</c>; if that
/// is taken as well (by either rule), <c>slug-qualifier-2</c>, <c>-3</c>, ... The seed's <c>python</c> skill thus
/// leaves O*NET's Python tool <c>python-tool</c>, and the Mathematics knowledge area is
/// <c>mathematics-knowledge</c> beside the Mathematics skill <c>mathematics</c>.</item>
/// <item>Within O*NET, tool examples whose names give the same slug are one tool ("Two-way radios" and "Two way
/// radios"; the most frequent spelling is the name, the others become aliases), while two different O*NET
/// entities (an occupation and a tool, a skill and a knowledge area, a tool and the commodity it belongs to) never
/// share a node.</item>
/// </list>
/// <para>Whoever comes first claims the plain slug, in this fixed order: roles, skills, knowledge areas, tools,
/// content-model categories, UNSPSC commodity, class, family and segment categories, responsibilities; within each
/// group by O*NET code, element id, slug or task id in ordinal order. Ids are therefore deterministic, independent of
/// file row order and of hash ordering, and independent of the <see cref="OnetImportOptions.Occupations"/> filter:
/// ids are allocated for the whole database and the filter only decides which nodes are emitted, so an occupation
/// imported alone gets the ids it would get in a full import.</para>
///
/// <para><b>Ratings.</b> A REQUIRES link's importance is the IM rating scaled to 0..1 and its level the LV rating
/// scaled to 0..1, both by the ranges of Scales Reference (IM 1–5, LV 0–7: importance = (IM − 1) / 4, level =
/// LV / 7), rounded to 3 decimals and clamped to 0..1. O*NET's flags are applied per value: a <i>Recommend
/// Suppress</i> IM (too few raters or too wide an error) drops the link, because a REQUIRES link without importance
/// would weigh as fully important; a suppressed LV keeps the link with its importance and no level. <i>Not
/// Relevant</i> = Y on the LV row (most raters found the element not relevant to the occupation; in 29.3 its IM is
/// at most 1.5 for skills and 2.63 for knowledge, mostly near 1, i.e. importance near 0) drops the link: the role does
/// not require the element by O*NET's own account, and listing it would only add noise to skill lists and gaps. An IM rating without an LV row gives a link
/// without level; an LV rating without an IM row gives none.</para>
///
/// <para><b>Hot technology and in demand.</b> Link properties hold only importance and level, and USES links carry
/// no importance here (O*NET gives none; an invented one would skew weighted similarity), so both flags live on the
/// tool: <c>hotTechnology</c> = "true" when a kept occupation's row flags the example hot (O*NET flags hotness per
/// technology, and in 29.3 every row of an example agrees), <c>inDemand</c> = "true" when any kept occupation flags
/// it in demand, and <c>inDemandFor</c> lists those occupations' O*NET-SOC codes (comma-separated, sorted), so the
/// per-occupation flag is aggregated without being lost. Tools known only from Tools Used have neither property;
/// O*NET does not rate them.</para>
///
/// <para><b>Aliases.</b> A role's aliases are all its alternate and short titles, distinct ignoring case and without
/// the title itself; the titles reported by the most sources come first, then file order. There is no cap: search
/// must find a role by any of its names (Software Developers is also "Python Developer", one of its 135 titles), and
/// every alias is one more way to be found, not a cost to a query. An earlier cap of 50 (one occupation has 2,750
/// titles) only made the data file smaller, and hid those names from search.</para>
/// </remarks>
internal static class OnetReader
{
    public const string OccupationDataFile = "Occupation Data.txt";
    public const string AlternateTitlesFile = "Alternate Titles.txt";
    public const string SkillsFile = "Skills.txt";
    public const string KnowledgeFile = "Knowledge.txt";
    public const string ContentModelFile = "Content Model Reference.txt";
    public const string ScalesFile = "Scales Reference.txt";
    public const string TechnologySkillsFile = "Technology Skills.txt";
    public const string ToolsUsedFile = "Tools Used.txt";
    public const string UnspscFile = "UNSPSC Reference.txt";
    public const string TaskStatementsFile = "Task Statements.txt";

    /// <summary>Every file <see cref="Read"/> needs, in the order it reads them.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles =
    [
        ScalesFile, ContentModelFile, OccupationDataFile, AlternateTitlesFile, SkillsFile, KnowledgeFile,
        UnspscFile, TechnologySkillsFile, ToolsUsedFile, TaskStatementsFile,
    ];

    public const string TaxonomyName = "O*NET 29.3";
    public const string TaxonomyVersion = "29.3";
    public const string TaxonomySource = "O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)";

    /// <summary>The attribution the CC BY 4.0 license asks of anything derived from the database.</summary>
    public const string TaxonomyLicense = "This includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
        + "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

    /// <summary>
    /// Reads the database in <paramref name="directory"/> into one taxonomy file that passes
    /// <see cref="TaxonomyValidator"/> on its own.
    /// </summary>
    /// <param name="directory">The directory holding the O*NET text files.</param>
    /// <param name="options">Which occupations to import.</param>
    /// <param name="existingKind">The kind of the node that already has a given id in the target store, or null; see
    /// the id policy in the remarks.</param>
    /// <param name="progress">Receives rows read per file, for a progress display.</param>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing (named in the message).</exception>
    /// <exception cref="InvalidDataException">A file is malformed (file and line in the message).</exception>
    /// <exception cref="ArgumentException">The options name occupation codes the database does not have.</exception>
    public static TaxonomyFile Read(string directory, OnetImportOptions options, Func<string, NodeKind?> existingKind, IProgress<OnetProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(existingKind);

        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The O*NET database directory '{full}' does not exist.");
        }

        foreach (var file in RequiredFiles)
        {
            var path = Path.Combine(full, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The O*NET database directory '{full}' has no '{file}'.", path);
            }
        }

        return new OnetImport(full, options, existingKind, progress).Run();
    }
}
