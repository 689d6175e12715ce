namespace DuLuan.Analysis.Text;

/// <summary>Where the tone mark sits on the open two-vowel syllables oa, oe, uy.</summary>
public enum ToneMarkStyle
{
    /// <summary>"hòa", "hòe", "thủy": administrative documents and most press (default).</summary>
    New = 0,

    /// <summary>"hoà", "hoè", "thuỷ".</summary>
    Old = 1,
}
