using System.Buffers.Text;
using System.Globalization;
using System.Text;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

/// <summary>
/// Opaque cursors: the base64 of an item's offset in the filtered, ordered list, as Hot Chocolate's default
/// paging does. Clients must treat them as opaque; they stay valid while the list does not change.
/// </summary>
internal static class Cursor
{
    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    public static int? Decode(string? cursor, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        if (Base64.IsValid(cursor)
            && int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        throw new GraphInputException($"Argument '{argument}' is not a cursor this list gave out.", argument, cursor);
    }
}
