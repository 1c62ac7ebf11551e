using System.Text;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// Slugs for O*NET names: lower-case ASCII letters and digits, every other run of characters one dash, no dash at
/// either end ("Computer and Information Research Scientists" → <c>computer-and-information-research-scientists</c>).
/// Three refinements keep distinct names distinct and spelling variants together: apostrophes vanish
/// ("Chef's knives" and "Chefs' knives" → <c>chefs-knives</c>, "organization's" → <c>organizations</c>); <c>+</c> and
/// <c>#</c> are spelled out, so C, C++ and C# stay three tools (<c>c</c>, <c>c-plus-plus</c>, <c>c-sharp</c>); and
/// accented Latin letters lose their accent (é → e), since the invariant globalization this project runs under
/// cannot normalize Unicode.
/// </summary>
internal static class OnetSlug
{
    public static string Of(ReadOnlySpan<char> name)
    {
        var builder = new StringBuilder(name.Length + 8);
        var dash = false;
        foreach (var c in name)
        {
            var piece = Piece(c);
            if (piece is null)
            {
                dash = true;
                continue;
            }

            if (piece.Length == 0)
            {
                continue; // an apostrophe joins its neighbours
            }

            var word = piece is "plus" or "sharp";
            if ((dash || word) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(piece);
            dash = word;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The first words of a slug: at most <paramref name="maxWords"/> of them and, beyond the first, no more than
    /// <paramref name="maxLength"/> characters (a single longer word is cut), without a dangling "of", "and", "the"...
    /// at the end ("accept-and-check-containers-of" → "accept-and-check-containers").
    /// </summary>
    public static string FirstWords(string slug, int maxWords, int maxLength)
    {
        var words = Cut(slug, maxWords, maxLength);
        for (var dash = words.LastIndexOf('-'); dash > 0 && ConnectingWords.Contains(words[(dash + 1)..]); dash = words.LastIndexOf('-'))
        {
            words = words[..dash];
        }

        return words;
    }

    private static readonly HashSet<string> ConnectingWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "such", "the", "to", "with",
    };

    private static string Cut(string slug, int maxWords, int maxLength)
    {
        var end = 0;
        var words = 0;
        while (end < slug.Length && words < maxWords)
        {
            var next = slug.IndexOf('-', end + (words == 0 ? 0 : 1));
            next = next < 0 ? slug.Length : next;
            if (words > 0 && next > maxLength)
            {
                break;
            }

            end = next;
            words++;
        }

        return end > maxLength ? slug[..maxLength].TrimEnd('-') : slug[..end];
    }

    /// <summary>What a character becomes: letters and digits, "" to drop it, null for a word break.</summary>
    private static string? Piece(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => Cached(c),
        >= 'A' and <= 'Z' => Cached((char)(c + ('a' - 'A'))),
        '\'' or '\u2019' or '\u2018' or '\u02BC' => "",
        '+' => "plus",
        '#' => "sharp",
        < '\u00C0' => null,
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' or 'ā' or 'ă' or 'ą' or 'Ā' or 'Ă' or 'Ą' => "a",
        'æ' or 'Æ' => "ae",
        'ç' or 'Ç' or 'ć' or 'č' or 'Ć' or 'Č' => "c",
        'ď' or 'Ď' or 'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'È' or 'É' or 'Ê' or 'Ë' or 'ē' or 'ė' or 'ę' or 'ě' or 'Ē' or 'Ė' or 'Ę' or 'Ě' => "e",
        'ì' or 'í' or 'î' or 'ï' or 'Ì' or 'Í' or 'Î' or 'Ï' or 'ī' or 'į' or 'ı' or 'Ī' or 'Į' or 'İ' => "i",
        'ł' or 'Ł' or 'ľ' or 'Ľ' => "l",
        'ñ' or 'Ñ' or 'ń' or 'ň' or 'Ń' or 'Ň' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' or 'Ø' or 'ō' or 'ő' or 'Ō' or 'Ő' => "o",
        'œ' or 'Œ' => "oe",
        'ř' or 'Ř' => "r",
        'ś' or 'š' or 'ş' or 'Ś' or 'Š' or 'Ş' => "s",
        'ß' => "ss",
        'ť' or 'Ť' or 'ţ' or 'Ţ' => "t",
        'þ' or 'Þ' => "th",
        'ù' or 'ú' or 'û' or 'ü' or 'Ù' or 'Ú' or 'Û' or 'Ü' or 'ū' or 'ů' or 'ű' or 'Ū' or 'Ů' or 'Ű' => "u",
        'ý' or 'ÿ' or 'Ý' or 'Ÿ' => "y",
        'ź' or 'ż' or 'ž' or 'Ź' or 'Ż' or 'Ž' => "z",
        _ => null,
    };

    private static readonly string[] Single = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private static string Cached(char c) => Single[c];
}
