namespace DuLuan.Analysis.Text;

/// <summary>Parsed watch-topic expression.</summary>
internal abstract record RuleNode;

/// <summary>A phrase of one or more syllables: folded, or exact (diacritic-sensitive) when quoted.</summary>
internal sealed record TermNode(string[] Folded, string[]? Exact) : RuleNode
{
    internal int Pattern { get; set; }
}

internal sealed record AndNode(RuleNode Left, RuleNode Right) : RuleNode;

internal sealed record OrNode(RuleNode Left, RuleNode Right) : RuleNode;

internal sealed record NotNode(RuleNode Operand) : RuleNode;

internal sealed record NearNode(TermNode Left, TermNode Right, int Distance) : RuleNode;
