import AutopilotCore
import Flows
import Testing

@Suite("Template activation check")
struct TemplateCheckTests {
    private static let unsubscribe = "\n\nUnsubscribe: {{links.unsubscribe}}"

    private static func email(subject: String? = "Your cart", body: String, html: String? = nil, purpose: MessagePurpose = .marketing)
        -> MessageTemplate
    {
        MessageTemplate(
            name: "cart-email", channel: .email, purpose: purpose, variants: [TemplateVariant(locale: "en", subject: subject, body: body, html: html)]
        )
    }

    private static func sms(_ body: String, purpose: MessagePurpose = .marketing) -> MessageTemplate {
        MessageTemplate(name: "cart-sms", channel: .sms, purpose: purpose, variants: [TemplateVariant(locale: "fr", body: body)])
    }

    @Test("good templates are activatable")
    func acceptsGood() {
        let email = Self.email(
            subject: "{{coupon.percent}}% off, {{contact.first_name}}",
            body: """
                Hi{{#contact.first_name}} {{.}}{{/contact.first_name}},
                {{#cart.lines}}- {{title}} x{{quantity}}
                {{/cart.lines}}{{cart.checkout_url}}
                {{! a comment }}Code {{coupon.code}} until {{coupon.valid_until}}, {{trigger.anything}} {{review.rating}}
                """ + Self.unsubscribe,
            html: "<p>{{contact.first_name}}</p><a href=\"{{links.unsubscribe}}\">Unsubscribe</a>")
        #expect(TemplateCheck.problems(in: email) == [])
        #expect(TemplateCheck.problems(in: Self.sms("{{shop.name}} : {{order.tracking_url}}", purpose: .transactional)) == [])
        #expect(TemplateCheck.problems(in: Self.sms("{{shop.name}} : {{cart.checkout_url}} STOP au 36111")) == [])
    }

    @Test(
        "unknown variables are refused with the field they are in",
        arguments: [
            ("Hi {{contact.nickname}}", "variants.en.body"), ("Hi {{customer.name}}", "variants.en.body"),
            ("{{#basket}}x{{/basket}}", "variants.en.body"),
            ("{{coupon.discount}}", "variants.en.body"), ("{{shop.phone}}", "variants.en.body"),
        ])
    func refusesUnknownVariable(body: String, path: String) {
        let problems = TemplateCheck.problems(in: Self.email(body: body + Self.unsubscribe))
        #expect(problems.count == 1)
        #expect(problems.first?.path == path)
        #expect(problems.first?.message.contains("unknown field") == true)
    }

    @Test("an unknown variable in the subject names the subject")
    func refusesUnknownSubjectVariable() {
        let problems = TemplateCheck.problems(in: Self.email(subject: "For {{contact.nick}}", body: "Hi" + Self.unsubscribe))
        #expect(problems.map(\.path) == ["variants.en.subject"])
    }

    @Test(
        "malformed Mustache is refused with the variant, the field and the place",
        arguments: [
            ("Hi {{#cart.lines}}{{title}}", "a section is never closed (its {{/name}} is missing)"),
            ("Hi {{#cart.lines}}{{title}}{{/cart}}", "a section is closed with another name than the one it was opened with"),
            ("Hi {{contact.first_name", "a tag is not closed (the text ends before its }})"),
        ])
    func refusesMalformed(body: String, reason: String) throws {
        let problems = TemplateCheck.problems(in: Self.email(body: body, purpose: .transactional))
        let problem = try #require(problems.first)
        #expect(problem.path == "variants.en.body")
        #expect(problem.message.hasPrefix("malformed Mustache at line 1, column "))
        #expect(problem.message.hasSuffix(reason))
    }

    @Test("the line of a malformed tag counts from the template's first line")
    func malformedLine() throws {
        let problems = TemplateCheck.problems(in: Self.sms("one\ntwo {{/x}}\nSTOP"))
        #expect(problems.first?.message.hasPrefix("malformed Mustache at line 2,") == true)
    }

    @Test("an email needs a subject in every variant")
    func refusesMissingSubject() {
        #expect(
            TemplateCheck.problems(in: Self.email(subject: nil, body: "Hi" + Self.unsubscribe)) == [
                ValidationIssue(path: "variants.en.subject", message: "is required for email")
            ])
        #expect(TemplateCheck.problems(in: Self.email(subject: " ", body: "Hi" + Self.unsubscribe)).map(\.path) == ["variants.en.subject"])
    }

    @Test("an SMS longer than three segments after rendering with sample data is refused")
    func refusesLongSMS() throws {
        let short = String(repeating: "a", count: 400) + " STOP"
        #expect(TemplateCheck.problems(in: Self.sms(short)) == [])
        let long = String(repeating: "a", count: 450) + " {{cart.checkout_url}} STOP"
        let problem = try #require(TemplateCheck.problems(in: Self.sms(long)).first)
        #expect(problem.path == "variants.fr.body")
        #expect(problem.message.contains("more than 3 SMS segments"))
    }

    @Test("marketing messages carry their opt-out: STOP in SMS, the unsubscribe link in email")
    func refusesMissingOptOut() {
        #expect(TemplateCheck.problems(in: Self.sms("{{cart.checkout_url}}")).map(\.path) == ["variants.fr.body"])
        #expect(TemplateCheck.problems(in: Self.email(body: "Hi")).map(\.path) == ["variants.en"])
        #expect(TemplateCheck.problems(in: Self.email(body: "Hi" + Self.unsubscribe, html: "<p>Hi</p>")).map(\.path) == ["variants.en"])
        #expect(TemplateCheck.problems(in: Self.email(body: "Your order", purpose: .transactional)) == [])
    }

    @Test(
        "tags the renderer does not support, and unescaped values in HTML, are refused",
        arguments: [
            ("{{> footer}}", nil), ("{{=<% %>=}}", nil), ("{{%CONTENT_TYPE:HTML}}", nil), ("{{<parent}}{{/parent}}", nil),
            (nil, "<p>{{{contact.first_name}}}</p>"), (nil, "<p>{{& contact.first_name}}</p>"),
        ] as [(String?, String?)])
    func refusesUnsupportedTags(body: String?, html: String?) {
        let template = Self.email(
            body: (body ?? "Hi") + Self.unsubscribe, html: html.map { $0 + "<a href=\"{{links.unsubscribe}}\">x</a>" })
        let problems = TemplateCheck.problems(in: template)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.path.hasPrefix("variants.en.") })
    }

    @Test("a template needs a variant, locales written once, and no email fields outside email")
    func refusesShape() {
        #expect(TemplateCheck.problems(in: MessageTemplate(name: "x", channel: .sms, variants: [])).map(\.path) == ["variants"])
        let twice = MessageTemplate(
            name: "x", channel: .sms, purpose: .transactional,
            variants: [TemplateVariant(locale: "fr", body: "a"), TemplateVariant(locale: "fr", body: "b")])
        #expect(TemplateCheck.problems(in: twice) == [ValidationIssue(path: "variants.fr", message: "is written twice")])
        let subject = MessageTemplate(
            name: "x", channel: .whatsapp, purpose: .transactional, variants: [TemplateVariant(locale: "fr", subject: "s", body: "a")])
        #expect(TemplateCheck.problems(in: subject).map(\.path) == ["variants.fr.subject"])
    }
}
