using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DuLuan.Infrastructure.Html;

namespace DuLuan.Tests.Monitoring;

public class HtmlSanitizerTests
{
    private static readonly Uri Base = new("https://baomoi.example.vn/bai/1.html");

    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"XSS\")`>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<a href=\" jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"javascript&#58;alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"VbScRiPt:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"livescript:alert(1)\">x</a>",
        "<a href=\"feed:javascript:alert(1)\">x</a>",
        "<a href=\"jar:javascript:alert(1)\">x</a>",
        "<a href=\"//evil.example/%0Ajavascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<a href=\"java&NewLine;script:alert(1)\">x</a>",
        "<a href=\"java&Tab;script:alert(1)\">x</a>",
        "<a href=\"file:///etc/passwd\">x</a>",
        "<a href=\"ftp://example.com/\">x</a>",
        "<a onmouseover=\"alert(1)\" href=\"https://ok.example/\">x</a>",
        "<a href=\"https://ok.example/\" target=\"_blank\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</a>",
        "<div style=\"display:none\">hidden</div>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div style=\"width: expression(alert(1));\">x</div>",
        "<style>body{display:none}</style>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=\"submit\"></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math href=\"javascript:alert(1)\">CLICKME</math>",
        "<math><maction actiontype=\"statusline#http://google.com\" xlink:href=\"javascript:alert(2)\">CLICKME</maction></math>",
        "<body onload=alert(1)>",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<select autofocus onfocus=alert(1)>",
        "<textarea autofocus onfocus=alert(1)>",
        "<keygen autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>",
        "<isindex type=image src=1 onerror=alert(1)>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<td background=\"javascript:alert(1)\">",
        "<div><p><b><i><a href=\"javascript:alert(1)\">deep</a></i></b></p></div>",
        "<<script>alert(1)//<</script>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<base href=\"javascript:alert(1)//\">",
        "<img src=\"https://ok.example/a.png\" srcset=\"javascript:alert(1) 1x\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\" ONCLICK=\"alert(2)\" oNcLiCk=\"alert(3)\">x</a>",
        "<img src=\"x\" onerror=\"&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;\">",
        "<a href=\"&#x26;#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"jav&#x61;script:alert(1)\">x</a>",
        "<a href=javascript&#x3a;alert(1)>x</a>",
        "<a href=\"%6Aavascript:alert(1)\">relative-but-odd</a>",
        "<div id=\"header\" class=\"login-overlay\">fake login</div>",
        "<p dir=\"ltr\" lang=\"vi\" title=\"ok\" onmouseenter=\"alert(1)\">Xin chào</p>",
        "<a href=\"mailto:toasoan@example.vn\">thư</a>",
        "<img src=\"/anh/a.jpg\" alt=\"ảnh\" width=\"100\" height=\"abc\">",
    ];

    public static TheoryData<int> PayloadIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark",
        "blockquote", "q", "cite", "code", "pre", "kbd", "samp", "var", "abbr", "ul", "ol", "li", "dl", "dt",
        "dd", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "caption", "hr", "div", "span", "time",
    };

    [Fact]
    public void Corpus_has_at_least_sixty_payloads() => Assert.True(Payloads.Length >= 60, Payloads.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void Payload_is_neutralised(int index)
    {
        var payload = Payloads[index];
        var result = new HtmlSanitizer().Sanitize(payload, Base);
        var html = result.Html;

        // Re-parse the output as a browser would and check every node.
        var nodes = new HtmlParser().ParseFragment(html, new HtmlParser().ParseDocument("").Body!);
        foreach (var element in nodes.SelectMany(Descendants))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attr in element.Attributes)
            {
                Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), html);
                Assert.NotEqual("style", attr.Name);
                Assert.NotEqual("srcset", attr.Name);
                Assert.NotEqual("class", attr.Name);
                Assert.NotEqual("id", attr.Name);
                if (attr.Name is "href" or "src" or "cite")
                {
                    Assert.True(Uri.TryCreate(attr.Value, UriKind.Absolute, out var u), html);
                    Assert.Contains(u.Scheme, new[] { "http", "https", "mailto" });
                }
            }
        }
        // Scheme words may remain as harmless text or inside an https path; attributes are checked above.
        foreach (var bad in new[] { "<script", "<iframe", "<svg", "<math", "<object", "<embed", "<form", "<style", "expression(" })
        {
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("<script", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<IElement> Descendants(INode node)
    {
        if (node is IElement e)
        {
            yield return e;
        }
        foreach (var child in node.ChildNodes.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    [Fact]
    public void Safe_markup_survives_and_relative_urls_become_absolute()
    {
        var result = new HtmlSanitizer().Sanitize(
            "<h2>Tiêu đề</h2><p>Đoạn <b>đậm</b> và <a href=\"../khac.html\" title=\"Khác\">liên kết</a>.</p><img src=\"/anh/a.jpg\" alt=\"ảnh\"><ul><li>một</li><li>hai</li></ul>",
            Base);
        Assert.Equal(
            "<h2>Tiêu đề</h2><p>Đoạn <b>đậm</b> và <a href=\"https://baomoi.example.vn/khac.html\" title=\"Khác\" rel=\"nofollow noopener noreferrer\">liên kết</a>.</p><img src=\"https://baomoi.example.vn/anh/a.jpg\" alt=\"ảnh\"><ul><li>một</li><li>hai</li></ul>",
            result.Html);
        Assert.Equal("Tiêu đề\n\nĐoạn đậm và liên kết.\n\nmột\nhai", result.Text);
    }

    [Fact]
    public void Unknown_elements_are_unwrapped_and_dangerous_ones_dropped_with_content()
    {
        var result = new HtmlSanitizer().Sanitize("<font color=red><center>Giữ chữ</center></font><script>mất()</script><style>p{}</style>", Base);
        Assert.Equal("Giữ chữ", result.Html);
        Assert.Equal("Giữ chữ", result.Text);
    }

    [Fact]
    public void Mailto_links_are_kept_for_links_but_not_images()
    {
        var s = new HtmlSanitizer();
        Assert.Contains("href=\"mailto:toasoan@example.vn\"", s.Sanitize("<a href=\"mailto:toasoan@example.vn\">thư</a>", Base).Html, StringComparison.Ordinal);
        Assert.Equal("", s.Sanitize("<img src=\"mailto:a@b.vn\">", Base).Html);
    }

    [Fact]
    public void Plain_text_has_sensible_whitespace()
    {
        var text = new HtmlSanitizer().Sanitize("<div>Dòng một</div><div>Dòng   hai<br>Dòng ba</div><table><tr><td>a</td><td>b</td></tr></table>", Base).Text;
        Assert.Equal("Dòng một\nDòng hai\nDòng ba\n\na b", text);
    }

    [Fact]
    public void Titles_are_plain_text_with_entities_decoded()
    {
        var s = new HtmlSanitizer();
        Assert.Equal("Cà phê & trà \"ngon\"", s.ToPlainText("Cà phê &amp; trà <b>&quot;ngon&quot;</b><script>x()</script>"));
        Assert.Equal("a < b", s.ToPlainText("a < b"));
    }
}
