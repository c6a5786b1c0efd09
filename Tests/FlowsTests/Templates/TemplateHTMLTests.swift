import Flows
import Testing

@Suite("HTML from text")
struct TemplateHTMLTests {
    @Test(
        "paragraphs, line breaks, links and escaping",
        arguments: [
            ("Hello", "<p>Hello</p>"),
            ("One\ntwo\n\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>"),
            ("a < b & c > \"d\" 'e'", "<p>a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;</p>"),
            (
                "Go to https://shop.example/a?x=1&y=2.",
                "<p>Go to <a href=\"https://shop.example/a?x=1&amp;y=2\">https://shop.example/a?x=1&amp;y=2</a>.</p>"
            ),
            (
                "(http://a.example/b) et « https://c.example »",
                "<p>(<a href=\"http://a.example/b\">http://a.example/b</a>) et « <a href=\"https://c.example\">https://c.example</a> »</p>"
            ),
            (
                "https://a.example\nhttps://b.example",
                "<p><a href=\"https://a.example\">https://a.example</a><br>\n<a href=\"https://b.example\">https://b.example</a></p>"
            ),
            ("http:// alone and xhttps://no", "<p>http:// alone and xhttps://no</p>"),
            ("\n\n  \n", ""),
            ("Windows\r\nline", "<p>Windows<br>\nline</p>"),
        ])
    func fromText(text: String, html: String) {
        #expect(TemplateHTML.fromText(text) == html)
    }
}
