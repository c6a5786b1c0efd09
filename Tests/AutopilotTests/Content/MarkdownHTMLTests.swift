import AutopilotCore
import Engine
import Testing

@Suite("Content — Markdown to HTML")
struct MarkdownHTMLTests {
    @Test(arguments: [
        ("# Title", "<h1>Title</h1>"),
        ("## Section ##", "<h2>Section</h2>"),
        ("#NoSpace", "<p>#NoSpace</p>"),
        ("one\ntwo\n\nthree", "<p>one two</p>\n<p>three</p>"),
        ("- a\n- **b**\n* c", "<ul><li>a</li><li><strong>b</strong></li><li>c</li></ul>"),
        ("1. first\n2. second", "<ol><li>first</li><li>second</li></ol>"),
        ("text\n- item", "<p>text</p>\n<ul><li>item</li></ul>"),
        ("**bold** and *italic* and _also_", "<p><strong>bold</strong> and <em>italic</em> and <em>also</em></p>"),
        ("snake_case_name stays", "<p>snake_case_name stays</p>"),
        ("[site](https://example.com/a?b=1&c=2)", "<p><a href=\"https://example.com/a?b=1&amp;c=2\">site</a></p>"),
        ("[bad](javascript:alert(1))", "<p>bad</p>"),
        ("[**x**](/path)", "<p><a href=\"/path\"><strong>x</strong></a></p>"),
        ("<b>not html</b> & \"q\"", "<p>&lt;b&gt;not html&lt;/b&gt; &amp; &quot;q&quot;</p>"),
        ("unclosed **bold and *it", "<p>unclosed **bold and *it</p>"),
        ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
        ("\\*literal\\*", "<p>*literal*</p>"),
        ("## A <tag>", "<h2>A &lt;tag&gt;</h2>"),
    ])
    func rendersTheSubset(_ markdown: String, _ html: String) {
        #expect(MarkdownHTML.render(markdown) == html)
    }
}
