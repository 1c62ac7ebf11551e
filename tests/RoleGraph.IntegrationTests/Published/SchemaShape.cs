using System.Text.Json.Nodes;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace RoleGraph.Tests.Published;

/// <summary>
/// A schema as lines to compare: one per type, field, argument, input field and enum value, each with its type,
/// default value and description. Read from SDL (schema.graphql) or from an answer to the introspection query, so
/// that what a client learns by introspecting can be held against the contract.
/// </summary>
internal static class SchemaShape
{
    /// <summary>The query graphql-js sends by default (getIntrospectionQuery), as GraphiQL and most IDEs do.</summary>
    public const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    /// <summary>Scalars every GraphQL schema has; SDL leaves them out, introspection lists them.</summary>
    private static readonly HashSet<string> BuiltInScalars = new(["String", "Boolean", "ID", "Int", "Float"], StringComparer.Ordinal);

    public static string[] FromSdl(string sdl)
    {
        var printer = new SDLPrinter();
        var lines = new List<string>();
        foreach (var definition in GraphQLParser.Parser.Parse(sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    lines.Add("schema " + string.Join(", ", schema.OperationTypes.Select(o => $"{o.Operation.ToString().ToLowerInvariant()}: {o.Type!.Name.StringValue}")));
                    break;
                case GraphQLObjectTypeDefinition type:
                    lines.Add(TypeLine(type.Name.StringValue, "OBJECT", Text(type.Description), type.Interfaces?.Items.Select(i => i.Name.StringValue)));
                    AddFields(lines, type.Name.StringValue, type.Fields, printer);
                    break;
                case GraphQLInterfaceTypeDefinition type:
                    lines.Add(TypeLine(type.Name.StringValue, "INTERFACE", Text(type.Description), type.Interfaces?.Items.Select(i => i.Name.StringValue)));
                    AddFields(lines, type.Name.StringValue, type.Fields, printer);
                    break;
                case GraphQLInputObjectTypeDefinition type:
                    lines.Add(TypeLine(type.Name.StringValue, "INPUT_OBJECT", Text(type.Description), null));
                    lines.AddRange(type.Fields?.Items.Select(f => InputLine(type.Name.StringValue + "." + f.Name.StringValue, f, printer)) ?? []);
                    break;
                case GraphQLEnumTypeDefinition type:
                    lines.Add(TypeLine(type.Name.StringValue, "ENUM", Text(type.Description), null));
                    lines.AddRange(type.Values?.Items.Select(v => $"{type.Name.StringValue}.{v.Name.StringValue} # {Text(v.Description)}") ?? []);
                    break;
                case GraphQLScalarTypeDefinition type:
                    lines.Add(TypeLine(type.Name.StringValue, "SCALAR", Text(type.Description), null));
                    break;
                default:
                    throw new InvalidOperationException($"schema.graphql holds a {definition.Kind}, which this comparison does not know.");
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary>The shape of <c>data.__schema</c> of an answer to <see cref="IntrospectionQuery"/>.</summary>
    public static string[] FromIntrospection(JsonNode schema)
    {
        var operations = new[] { ("query", "queryType"), ("mutation", "mutationType"), ("subscription", "subscriptionType") }
            .Where(o => schema[o.Item2] is not null)
            .Select(o => $"{o.Item1}: {(string)schema[o.Item2]!["name"]!}");
        var lines = new List<string> { "schema " + string.Join(", ", operations) };
        foreach (var type in schema["types"]!.AsArray().Select(t => t!))
        {
            var name = (string)type["name"]!;
            if (name.StartsWith("__", StringComparison.Ordinal) || BuiltInScalars.Contains(name))
            {
                continue;
            }

            var interfaces = type["interfaces"]?.AsArray().Select(i => (string)i!["name"]!);
            lines.Add(TypeLine(name, (string)type["kind"]!, (string?)type["description"], interfaces));
            foreach (var field in type["fields"]?.AsArray().Select(f => f!) ?? [])
            {
                var path = $"{name}.{(string)field["name"]!}";
                lines.Add($"{path}: {TypeRef(field["type"]!)} # {(string?)field["description"]}");
                lines.AddRange(field["args"]!.AsArray().Select(a => InputLine($"{path}({(string)a!["name"]!})", a)));
            }

            lines.AddRange(type["inputFields"]?.AsArray().Select(f => InputLine($"{name}.{(string)f!["name"]!}", f)) ?? []);
            lines.AddRange(type["enumValues"]?.AsArray().Select(v => $"{name}.{(string)v!["name"]!} # {(string?)v["description"]}") ?? []);
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static void AddFields(List<string> lines, string type, GraphQLFieldsDefinition? fields, SDLPrinter printer)
    {
        foreach (var field in fields?.Items ?? [])
        {
            var path = $"{type}.{field.Name.StringValue}";
            lines.Add($"{path}: {printer.Print(field.Type)} # {Text(field.Description)}");
            lines.AddRange(field.Arguments?.Items.Select(a => InputLine($"{path}({a.Name.StringValue})", a, printer)) ?? []);
        }
    }

    private static string TypeLine(string name, string kind, string? description, IEnumerable<string>? interfaces) =>
        $"{kind} {name} implements [{string.Join(", ", (interfaces ?? []).Order(StringComparer.Ordinal))}] # {description}";

    private static string InputLine(string path, GraphQLInputValueDefinition value, SDLPrinter printer) =>
        $"{path}: {printer.Print(value.Type)}{(value.DefaultValue is null ? "" : " = " + printer.Print(value.DefaultValue))} # {Text(value.Description)}";

    private static string InputLine(string path, JsonNode value) =>
        $"{path}: {TypeRef(value["type"]!)}{((string?)value["defaultValue"] is { } defaultValue ? " = " + defaultValue : "")} # {(string?)value["description"]}";

    private static string TypeRef(JsonNode type) => (string)type["kind"]! switch
    {
        "NON_NULL" => TypeRef(type["ofType"]!) + "!",
        "LIST" => "[" + TypeRef(type["ofType"]!) + "]",
        _ => (string)type["name"]!,
    };

    private static string? Text(GraphQLDescription? description) => description?.Value.ToString();
}
