using GraphQL.Types;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class TaxonomyFormatType : EnumerationGraphType<TaxonomyFormat>
{
    public TaxonomyFormatType()
    {
        Name = "TaxonomyFormat";
        Description = "The spellings of the taxonomy format (see seed/README.md); both carry the same model.";
        Values["YAML"]!.Description = "YAML.";
        Values["JSON"]!.Description = "JSON.";
    }
}
