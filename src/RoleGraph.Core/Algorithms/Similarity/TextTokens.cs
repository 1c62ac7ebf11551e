using System.Collections.Frozen;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// Splits text into the words similarity compares: runs of letters and digits, lower-cased, without English stop
/// words, one-letter words and plain numbers, and reduced by a light suffix stemmer so that "analyzes",
/// "analyzed" and "analyzing" count as one word.
/// </summary>
/// <remarks>
/// The stemmer only strips plural and verb endings (-s, -ies, -ing, -ed, a final -e) and keeps at least four
/// letters: enough to merge the inflections responsibilities are written in, without the conflations of a full
/// Porter stemmer (general/generate) that would make unrelated roles look alike. Works on spans so that indexing a
/// large taxonomy allocates one string per distinct word, not per occurrence.
/// </remarks>
public static class TextTokens
{
    /// <summary>Longer words are cut to this length: no real word is longer, and the buffer stays on the stack.</summary>
    public const int MaxWordLength = 48;

    private const int MinStemLength = 4;

    // Stryker disable String : a word list is data; one word emptied is another list, not a bug a test could name without restating the list
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "among", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "down", "during", "each", "either", "etc", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my",
        "no", "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
        "own", "per", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
        "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up",
        "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
        "whom", "whose", "why", "will", "with", "within", "without", "would", "you", "your",
    ]);
    // Stryker restore String

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(ReadOnlySpan<char> word) => StopWordLookup.Contains(word);

    /// <summary>
    /// Writes the next word of <paramref name="text"/> from <paramref name="position"/> on, lower-cased and not
    /// yet stemmed, into <paramref name="word"/> (at least <see cref="MaxWordLength"/> long) and returns its
    /// length; 0 at the end of the text. Stop words, one-letter words and numbers are skipped.
    /// </summary>
    public static int Next(ReadOnlySpan<char> text, ref int position, Span<char> word)
    {
        while (position < text.Length)
        {
            while (position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            var length = 0;
            var letters = false;
            while (position < text.Length && char.IsLetterOrDigit(text[position]))
            {
                var c = text[position++];
                letters |= char.IsLetter(c);
                if (length < MaxWordLength)
                {
                    word[length++] = char.ToLowerInvariant(c);
                }
            }

            if (length >= 2 && letters && !IsStopWord(word[..length]))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>Stems a lower-cased word in place and returns the stem's length.</summary>
    public static int Stem(Span<char> word)
    {
        var n = word.Length;
        if (n > 4 && word[..n].EndsWith("ies"))
        {
            n -= 2;
            word[n - 1] = 'y';
        }
        else if (n > 4 && word[..n].EndsWith("sses"))
        {
            n -= 2;
        }
        else if (n > 3 && word[n - 1] == 's' && word[n - 2] is not ('s' or 'u' or 'i'))
        {
            n--;
        }

        if (n - 3 >= MinStemLength && word[..n].EndsWith("ing"))
        {
            n -= 3;
        }
        else if (n - 2 >= MinStemLength && word[..n].EndsWith("ed"))
        {
            n -= 2;
        }

        if (n - 1 >= MinStemLength && word[n - 1] == 'e')
        {
            n--;
        }

        return n;
    }

    /// <summary>The stemmed words of a text, in order, repeats kept.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        Span<char> word = stackalloc char[MaxWordLength];
        var position = 0;
        for (var length = Next(text, ref position, word); length > 0; length = Next(text, ref position, word))
        {
            terms.Add(new string(word[..Stem(word[..length])]));
        }

        return terms;
    }
}
