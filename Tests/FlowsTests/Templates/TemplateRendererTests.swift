import AutopilotCore
import Flows
import Testing

@Suite("Template rendering")
struct TemplateRendererTests {
    private static func sms(_ bodies: [(String, String)]) -> MessageTemplate {
        MessageTemplate(name: "t", channel: .sms, variants: bodies.map { TemplateVariant(locale: $0.0, body: $0.1) })
    }

    @Test(
        "the variant is the exact locale, then its language, then en, then the first",
        arguments: [
            ("fr-CA", ["fr", "fr-CA", "en"], "fr-CA"), ("fr_ca", ["fr", "fr-CA", "en"], "fr-CA"), ("fr-CA", ["en", "fr"], "fr"),
            ("fr-BE", ["en", "fr-CA"], "fr-CA"), ("de", ["fr", "en"], "en"), ("de", ["fr", "es"], "fr"), (nil, ["es", "en"], "en"),
            ("", ["es", "fr"], "es"), ("FR", ["en", "fr"], "fr"),
        ] as [(String?, [String], String)])
    func choosesLocale(locale: String?, available: [String], expected: String) throws {
        let template = Self.sms(available.map { ($0, "text \($0)") })
        let message = try TemplateRenderer.render(template, locale: locale, context: [:])
        #expect(message.locale == expected)
        #expect(message.text == "text \(expected)")
    }

    @Test("text and subject are not HTML-escaped; the HTML is")
    func escaping() throws {
        let template = MessageTemplate(
            name: "t", channel: .email,
            variants: [
                TemplateVariant(
                    locale: "en", subject: "For {{contact.first_name}}", body: "Hi {{contact.first_name}}", html: "<b>{{contact.first_name}}</b>")
            ])
        let message = try TemplateRenderer.render(template, locale: "en", context: ["contact": ["first_name": "Tom & <Jerry> \"O'Neil\""]])
        #expect(message.subject == "For Tom & <Jerry> \"O'Neil\"")
        #expect(message.text == "Hi Tom & <Jerry> \"O'Neil\"")
        #expect(message.html == "<b>Tom &amp; &lt;Jerry&gt; &quot;O&#39;Neil&quot;</b>")
    }

    @Test("an email without html gets HTML derived from its text; an SMS gets neither subject nor HTML")
    func derivedHTML() throws {
        let email = MessageTemplate(
            name: "t", channel: .email, variants: [TemplateVariant(locale: "en", subject: "S", body: "Hi {{name}},\n\nSee {{url}}")])
        let context: JSONObject = ["name": "<A>", "url": "https://x.example/?a=1&b=2"]
        let message = try TemplateRenderer.render(email, locale: "en", context: context)
        #expect(message.html == "<p>Hi &lt;A&gt;,</p>\n<p>See <a href=\"https://x.example/?a=1&amp;b=2\">https://x.example/?a=1&amp;b=2</a></p>")
        let sms = try TemplateRenderer.render(Self.sms([("en", "Hi {{name}}")]), locale: "en", context: context)
        #expect(sms.subject == nil && sms.html == nil && sms.text == "Hi <A>")
    }

    @Test(
        "numbers read naturally: whole numbers bare, money with two decimals, others with up to two, decimal comma in French",
        arguments: [
            ("en", "value", JSONValue.double(10.0), "10"), ("en", "value", .double(49.9), "49.90"), ("fr", "value", .double(49.9), "49,90"),
            ("en", "total", .int(120), "120"), ("en", "old_price", .double(12.345), "12.35"), ("en", "rating", .double(4.8), "4.8"),
            ("fr", "rating", .double(4.75), "4,75"), ("en", "score", .double(0.333333), "0.33"), ("en", "value", .double(-3.5), "-3.50"),
            ("en", "percent", .double(15), "15"), ("en", "value", .double(.nan), ""), ("en", "value", .double(.infinity), ""),
        ])
    func numbers(locale: String, key: String, value: JSONValue, expected: String) throws {
        let template = Self.sms([(locale, "[{{x.\(key)}}]")])
        let message = try TemplateRenderer.render(template, locale: locale, context: ["x": .object(JSONObject([(key, value)]))])
        #expect(message.text == "[\(expected)]")
    }

    @Test(
        "calendar dates read in words in French and English, and stay as written otherwise",
        arguments: [
            ("fr", "2026-12-15", "15 décembre 2026"), ("fr-CA", "2027-01-01", "1er janvier 2027"), ("en", "2027-01-01", "1 January 2027"),
            ("en-US", "2026-08-09", "9 August 2026"), ("de", "2026-12-15", "2026-12-15"), ("fr", "2026-13-01", "2026-13-01"),
            ("fr", "2026-12-15T10:00:00Z", "2026-12-15T10:00:00Z"), ("en", "12/15/2026", "12/15/2026"),
        ])
    func dates(locale: String, value: String, expected: String) throws {
        let message = try TemplateRenderer.render(
            Self.sms([(locale, "{{coupon.valid_until}}")]), locale: locale, context: ["coupon": ["valid_until": .string(value)]])
        #expect(message.text == expected)
    }

    @Test("missing, null and empty values render empty and open inverted sections; lists repeat sections")
    func missingValues() throws {
        let body =
            "Hi{{#contact.first_name}} {{.}}{{/contact.first_name}}!{{^coupon}} No coupon.{{/coupon}}"
            + "{{#cart.lines}} {{title}}×{{quantity}}{{/cart.lines}}{{shop.name}}"
        let template = Self.sms([("en", body)])
        let empty = try TemplateRenderer.render(template, locale: "en", context: ["contact": ["first_name": ""], "coupon": nil])
        #expect(empty.text == "Hi! No coupon.")
        let full = try TemplateRenderer.render(
            template, locale: "en",
            context: [
                "contact": ["first_name": "Ada"], "coupon": ["code": "X"],
                "cart": ["lines": [["title": "Soap", "quantity": 2], ["title": "Balm", "quantity": 1]]],
            ])
        #expect(full.text == "Hi Ada! Soap×2 Balm×1")
    }

    @Test("a malformed text is a render error naming the variant and field")
    func malformed() {
        let template = MessageTemplate(name: "t", channel: .email, variants: [TemplateVariant(locale: "fr", subject: "Hi {{#a}}", body: "ok")])
        #expect(throws: TemplateRenderError.self) { try TemplateRenderer.render(template, locale: "fr", context: [:]) }
        do {
            _ = try TemplateRenderer.render(template, locale: "fr", context: [:])
        } catch {
            #expect(error.code == "malformed_template")
            #expect(error.path == "variants.fr.subject")
        }
        #expect(throws: TemplateRenderError(code: "no_variant", path: "variants", message: "template \"t\" has no variant")) {
            try TemplateRenderer.render(MessageTemplate(name: "t", channel: .sms, variants: []), locale: nil, context: [:])
        }
    }

    @Test("the renderer compiles each name, version and locale once, and recompiles a changed text")
    func caches() throws {
        let renderer = TemplateRenderer()
        var template = Self.sms([("en", "one {{x}}"), ("fr", "un {{x}}")])
        #expect(try renderer.render(template, locale: "en", context: ["x": 1]).text == "one 1")
        #expect(try renderer.render(template, locale: "en", context: ["x": 2]).text == "one 2")
        #expect(try renderer.render(template, locale: "fr", context: ["x": 3]).text == "un 3")
        #expect(renderer.cachedCount == 2)
        template.variants[0].body = "two {{x}}"
        #expect(try renderer.render(template, locale: "en", context: ["x": 4]).text == "two 4")
        #expect(renderer.cachedCount == 2)
        let small = TemplateRenderer(capacity: 1)
        _ = try small.render(template, locale: "en", context: [:])
        _ = try small.render(template, locale: "fr", context: [:])
        #expect(small.cachedCount == 1)
    }
}
