using System.Globalization;
using System.Text;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Surveys;

/// <summary>A parsed XLSForm (XPath subset) expression: enough to tell a malformed expression from one DuLuan cannot represent.</summary>
public sealed record XNode(string Kind, string? Text, IReadOnlyList<XNode> Kids)
{
    public static XNode Leaf(string kind, string? text) => new(kind, text, []);

    public IEnumerable<string> References()
        => Kind == "ref" ? [Text!] : Kids.SelectMany(k => k.References());

    /// <summary>The clauses joined by a top-level <c>and</c>.</summary>
    public IEnumerable<XNode> Conjuncts()
        => Kind == "and" ? Kids.SelectMany(k => k.Conjuncts()) : Kind == "paren" ? Kids[0].Conjuncts() : [this];

    public override string ToString() => Kind switch
    {
        "ref" => "${" + Text + "}",
        "dot" => ".",
        "path" => Text!,
        "str" => "'" + Text + "'",
        "num" => Text!,
        "call" => $"{Text}({string.Join(", ", Kids)})",
        "paren" => $"({Kids[0]})",
        _ => string.Join($" {Text} ", Kids),
    };
}

public static class XlsFormExpression
{
    private sealed record Token(string Kind, string Text);

    /// <summary>Parses <paramref name="text"/>; null with the reason when it is not a well-formed expression.</summary>
    public static XNode? Parse(string text, out Message? error)
    {
        error = null;
        var tokens = Tokenize(text, out var bad);
        if (tokens is null)
        {
            error = bad;
            return null;
        }

        var position = 0;
        try
        {
            var node = Or(tokens, ref position);
            if (position != tokens.Count)
            {
                throw new FormatException($"'{tokens[position].Text}'");
            }

            return node;
        }
        catch (FormatException e)
        {
            // The exception's message is the offending token, or empty at the end of the expression.
            error = e.Message.Length == 0 ? new Message("Surveys.Xls.Expr.Incomplete") : new Message("Surveys.Xls.Expr.Near", e.Message);
            return null;
        }
    }

    private static List<Token>? Tokenize(string text, out Message? error)
    {
        error = null;
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '$')
            {
                var end = text.IndexOf('}', i);
                if (i + 1 >= text.Length || text[i + 1] != '{' || end < 0)
                {
                    error = new Message("Surveys.Xls.Expr.Unclosed");
                    return null;
                }

                var name = text[(i + 2)..end].Trim();
                if (!DefinitionRules.KeyPattern().IsMatch(name) && !NamePattern(name))
                {
                    error = new Message("Surveys.Xls.Expr.BadName", name);
                    return null;
                }

                tokens.Add(new Token("ref", name));
                i = end + 1;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    error = new Message("Surveys.Xls.Expr.UnclosedString");
                    return null;
                }

                tokens.Add(new Token("str", text[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    error = new Message("Surveys.Xls.Expr.BadNumber", number);
                    return null;
                }

                tokens.Add(new Token("num", number));
            }
            else if (c == '/' || (c == '.' && i + 1 < text.Length && text[i + 1] == '.'))
            {
                // An XPath path (/data/group/q, ../q): well-formed, but not a DuLuan condition (reported, not kept).
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '/' or '.' or '_' or '-' or ':' or '@'))
                {
                    i++;
                }

                tokens.Add(new Token("path", text[start..i]));
            }
            else if (c == '.')
            {
                tokens.Add(new Token("dot", "."));
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c.ToString(), c.ToString()));
                i++;
            }
            else if (c is '=' or '<' or '>' or '!')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                if (c == '!' && !two)
                {
                    error = new Message("Surveys.Xls.Expr.Bang");
                    return null;
                }

                tokens.Add(new Token("op", two ? text.Substring(i, 2) : c.ToString()));
                i += two ? 2 : 1;
            }
            else if (c is '+' or '-' or '*')
            {
                tokens.Add(new Token("arith", c.ToString()));
                i++;
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or ':'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word is "and" or "or" ? new Token(word, word) : word is "div" or "mod" ? new Token("arith", word) : new Token("name", word));
            }
            else
            {
                error = new Message("Surveys.Xls.Expr.BadCharacter", c.ToString());
                return null;
            }
        }

        if (tokens.Count == 0)
        {
            error = new Message("Surveys.Xls.Expr.Empty");
            return null;
        }

        return tokens;
    }

    private static bool NamePattern(string name)
        => name.Length is > 0 and <= 64 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.');

    private static XNode Or(List<Token> t, ref int p)
    {
        var left = And(t, ref p);
        var kids = new List<XNode> { left };
        while (p < t.Count && t[p].Kind == "or")
        {
            p++;
            kids.Add(And(t, ref p));
        }

        return kids.Count == 1 ? left : new XNode("or", "or", kids);
    }

    private static XNode And(List<Token> t, ref int p)
    {
        var left = Compare(t, ref p);
        var kids = new List<XNode> { left };
        while (p < t.Count && t[p].Kind == "and")
        {
            p++;
            kids.Add(Compare(t, ref p));
        }

        return kids.Count == 1 ? left : new XNode("and", "and", kids);
    }

    private static XNode Compare(List<Token> t, ref int p)
    {
        var left = Arith(t, ref p);
        if (p < t.Count && t[p].Kind == "op")
        {
            var op = t[p++].Text;
            var right = Arith(t, ref p);
            return new XNode("cmp", op, [left, right]);
        }

        return left;
    }

    private static XNode Arith(List<Token> t, ref int p)
    {
        var left = Primary(t, ref p);
        var kids = new List<XNode> { left };
        string? op = null;
        while (p < t.Count && t[p].Kind == "arith")
        {
            op = t[p++].Text;
            kids.Add(Primary(t, ref p));
        }

        return kids.Count == 1 ? left : new XNode("arith", op, kids);
    }

    private static XNode Primary(List<Token> t, ref int p)
    {
        if (p >= t.Count)
        {
            throw new FormatException(string.Empty);
        }

        var token = t[p++];
        switch (token.Kind)
        {
            case "ref":
            case "str":
            case "num":
            case "dot":
            case "path":
                return XNode.Leaf(token.Kind, token.Text);
            case "arith" when token.Text == "-" && p < t.Count && t[p].Kind == "num":
                return XNode.Leaf("num", "-" + t[p++].Text);
            case "(":
                var inner = Or(t, ref p);
                Expect(t, ref p, ")");
                return new XNode("paren", null, [inner]);
            case "name":
                Expect(t, ref p, "(");
                var args = new List<XNode>();
                if (p < t.Count && t[p].Kind == ")")
                {
                    p++;
                    return new XNode("call", token.Text, args);
                }

                args.Add(Or(t, ref p));
                while (p < t.Count && t[p].Kind == ",")
                {
                    p++;
                    args.Add(Or(t, ref p));
                }

                Expect(t, ref p, ")");
                return new XNode("call", token.Text, args);
            default:
                throw new FormatException($"'{token.Text}'");
        }
    }

    private static void Expect(List<Token> t, ref int p, string kind)
    {
        if (p >= t.Count || t[p].Kind != kind)
        {
            throw new FormatException(p < t.Count ? $"'{t[p].Text}'" : string.Empty);
        }

        p++;
    }

    /// <summary>A string literal for an XLSForm expression.</summary>
    public static string Quote(string value)
        => value.Contains('\'', StringComparison.Ordinal) ? "\"" + value + "\"" : "'" + value + "'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Join(IEnumerable<string> clauses)
    {
        var builder = new StringBuilder();
        foreach (var clause in clauses)
        {
            builder.Append(builder.Length > 0 ? " and " : string.Empty).Append(clause);
        }

        return builder.ToString();
    }
}
