using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Recursive-descent parser for watch-topic expressions. Grammar (operators upper case; NOT binds tightest):
/// or := and (OR and)* ; and := unary ((AND | NOT-prefixed unary)...)* ; unary := NOT unary | near ;
/// near := primary (NEAR/n primary)? ; primary := "exact phrase" | words... | ( or ).
/// Juxtaposed bare words form one phrase: <c>sạt lở đất</c> matches those three syllables in a row, any diacritics.
/// </summary>
internal sealed class RuleParser
{
    private readonly string source;
    private int position;

    private RuleParser(string source) => this.source = source;

    internal static RuleNode Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new RuleParser(VietnameseNormalizer.Normalize(expression));
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new TextSyntaxException(0, "biểu thức rỗng", "the expression is empty");
        }

        var node = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.source[parser.position] == ')'
                ? new TextSyntaxException(parser.position, "thừa dấu ')'", "unexpected ')' without a matching '('")
                : new TextSyntaxException(parser.position, "thiếu toán tử (AND, OR, NOT, NEAR/n)", "expected an operator (AND, OR, NOT, NEAR/n)");
        }
        return node;
    }

    private bool AtEnd => position >= source.Length;

    private RuleNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("OR"))
        {
            left = new OrNode(left, Expect(ParseAnd, "OR"));
        }

        return left;
    }

    private RuleNode ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TryKeyword("AND"))
            {
                left = new AndNode(left, Expect(ParseUnary, "AND"));
            }
            else if (PeekKeyword("NOT"))
            {
                left = new AndNode(left, ParseUnary());
            }
            else
            {
                return left;
            }
        }
    }

    private RuleNode ParseUnary()
    {
        if (TryKeyword("NOT"))
        {
            return new NotNode(Expect(ParseUnary, "NOT"));
        }

        return ParseNear();
    }

    private RuleNode ParseNear()
    {
        var left = ParsePrimary();
        SkipSpace();
        var at = position;
        if (!TryKeyword("NEAR"))
        {
            return left;
        }

        if (AtEnd || source[position] != '/')
        {
            throw new TextSyntaxException(position, "NEAR cần khoảng cách, ví dụ NEAR/5", "NEAR needs a distance, e.g. NEAR/5");
        }

        position++;
        var digits = position;
        while (!AtEnd && char.IsAsciiDigit(source[position]))
        {
            position++;
        }

        if (digits == position || !int.TryParse(source.AsSpan(digits, position - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1000)
        {
            throw new TextSyntaxException(digits, "khoảng cách NEAR phải là số từ 1 đến 1000", "the NEAR distance must be a number from 1 to 1000");
        }
        var right = Expect(ParsePrimary, "NEAR");
        if (left is not TermNode l || right is not TermNode r)
        {
            throw new TextSyntaxException(at, "NEAR chỉ nối hai từ hoặc cụm từ", "NEAR joins two words or phrases, not groups");
        }
        return new NearNode(l, r, n);
    }

    private RuleNode ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw new TextSyntaxException(position, "thiếu từ khóa ở cuối biểu thức", "expected a word, phrase or '(' at the end");
        }

        var c = source[position];
        if (c == '(')
        {
            var open = position++;
            SkipSpace();
            if (!AtEnd && source[position] == ')')
            {
                throw new TextSyntaxException(open, "cặp ngoặc rỗng", "empty parentheses");
            }

            var inner = ParseOr();
            SkipSpace();
            if (AtEnd || source[position] != ')')
            {
                throw new TextSyntaxException(open, "thiếu dấu ')' đóng ngoặc", "'(' is never closed");
            }

            position++;
            return inner;
        }
        if (c == '"')
        {
            return ParseQuoted();
        }

        if (c == ')')
        {
            throw new TextSyntaxException(position, "thiếu từ khóa trước ')'", "expected a word before ')'");
        }

        var words = new List<string>();
        while (true)
        {
            SkipSpace();
            if (AtEnd || IsKeywordHere() || !IsWordChar(source[position]))
            {
                break;
            }

            var start = position;
            while (!AtEnd && IsWordChar(source[position]))
            {
                position++;
            }

            words.Add(source[start..position]);
        }
        if (words.Count == 0)
        {
            throw IsKeywordHere()
                ? new TextSyntaxException(position, "toán tử đứng ở chỗ cần từ khóa", "an operator where a word was expected")
                : new TextSyntaxException(position, $"ký tự không hợp lệ '{source[position]}'", $"unexpected character '{source[position]}'");
        }
        var syllables = words.SelectMany(w => SyllableTokenizer.Tokenize(w).Where(t => t.Kind is TokenKind.Syllable or TokenKind.Number).Select(t => t.Text(w))).ToList();
        if (syllables.Count == 0)
        {
            throw new TextSyntaxException(position, "từ khóa không có chữ hoặc số", "the term has no letters or digits");
        }

        return Term(syllables, exact: false);
    }

    private TermNode ParseQuoted()
    {
        var open = position++;
        var close = source.IndexOf('"', position);
        if (close < 0)
        {
            throw new TextSyntaxException(open, "thiếu dấu \" đóng cụm từ", "the quoted phrase is never closed");
        }

        var inner = source[position..close];
        position = close + 1;
        var words = SyllableTokenizer.Tokenize(inner).Where(t => t.Kind is TokenKind.Syllable or TokenKind.Number).Select(t => t.Text(inner)).ToList();
        if (words.Count == 0)
        {
            throw new TextSyntaxException(open, "cụm từ trong ngoặc kép rỗng", "the quoted phrase is empty");
        }

        return Term(words, exact: true);
    }

    private static TermNode Term(List<string> words, bool exact) =>
        new([.. words.Select(VietnameseFold.Fold)], exact ? [.. words.Select(w => w.ToLowerInvariant())] : null);

    private RuleNode Expect(Func<RuleNode> parse, string after)
    {
        SkipSpace();
        if (AtEnd)
        {
            throw new TextSyntaxException(position, $"thiếu từ khóa sau {after}", $"expected a word or phrase after {after}");
        }

        return parse();
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        position += keyword.Length;
        return true;
    }

    private bool PeekKeyword(string keyword)
    {
        SkipSpace();
        if (!source.AsSpan(position).StartsWith(keyword, StringComparison.Ordinal))
        {
            return false;
        }

        var end = position + keyword.Length;
        return end >= source.Length || !IsWordChar(source[end]) || (keyword == "NEAR" && source[end] == '/');
    }

    private bool IsKeywordHere() => PeekKeyword("AND") || PeekKeyword("OR") || PeekKeyword("NOT") || PeekKeyword("NEAR");

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '\'' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(source[position]))
        {
            position++;
        }
    }
}
