namespace RoleGraph.Tests.Taxonomy;

/// <summary>
/// A small valid taxonomy in YAML, with room for one more node (it lands at <c>$.nodes[7]</c>) and one more link
/// (<c>$.links[5]</c>), so a test can add exactly the defect it is about.
/// </summary>
internal static class SampleTaxonomy
{
    public const string Header = """
        formatVersion: 1
        taxonomy:
          name: Sample
          version: "2.0"
          source: Written for the tests
          license: CC0
        """;

    public const string Nodes = """
        nodes:
          - id: analyst
            kind: Role
            name: Analyst
            description: Turns data into decisions.
            aliases: [Data analyst, BI analyst]
            properties:
              primaryFocus: Reporting
          - { id: python, kind: Skill, name: Python }
          - { id: sql, kind: Skill, name: SQL }
          - { id: pandas, kind: Tool, name: pandas }
          - { id: excel, kind: Tool, name: Excel }
          - { id: reporting, kind: Responsibility, name: Reporting }
          - { id: languages, kind: Category, name: Languages }
        """;

    public const string Links = """
        links:
          - { from: analyst, to: python, relation: REQUIRES, importance: 0.9, level: 0.5 }
          - { from: analyst, to: pandas, relation: USES, importance: 0.5 }
          - { from: analyst, to: reporting, relation: RESPONSIBLE_FOR }
          - { from: pandas, to: python, relation: SUPPORTS }
          - { from: python, to: languages, relation: IN_CATEGORY }
        """;

    public static string Yaml(string? extraNode = null, string? extraLink = null, string header = Header) =>
        string.Join('\n',
            header,
            Nodes,
            extraNode is null ? "" : $"  - {extraNode}",
            Links,
            extraLink is null ? "" : $"  - {extraLink}",
            "");

    /// <summary>The same taxonomy as <see cref="Yaml"/> without extras, in the JSON form.</summary>
    public const string Json = """
        {
          "formatVersion": 1,
          "taxonomy": { "name": "Sample", "version": "2.0", "source": "Written for the tests", "license": "CC0" },
          "nodes": [
            {
              "id": "analyst", "kind": "Role", "name": "Analyst", "description": "Turns data into decisions.",
              "aliases": ["Data analyst", "BI analyst"], "properties": { "primaryFocus": "Reporting" }
            },
            { "id": "python", "kind": "Skill", "name": "Python" },
            { "id": "sql", "kind": "Skill", "name": "SQL" },
            { "id": "pandas", "kind": "Tool", "name": "pandas" },
            { "id": "excel", "kind": "Tool", "name": "Excel" },
            { "id": "reporting", "kind": "Responsibility", "name": "Reporting" },
            { "id": "languages", "kind": "Category", "name": "Languages" }
          ],
          "links": [
            { "from": "analyst", "to": "python", "relation": "REQUIRES", "importance": 0.9, "level": 0.5 },
            { "from": "analyst", "to": "pandas", "relation": "USES", "importance": 0.5 },
            { "from": "analyst", "to": "reporting", "relation": "RESPONSIBLE_FOR" },
            { "from": "pandas", "to": "python", "relation": "SUPPORTS" },
            { "from": "python", "to": "languages", "relation": "IN_CATEGORY" }
          ]
        }
        """;
}
