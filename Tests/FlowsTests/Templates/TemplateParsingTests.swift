import AutopilotCore
import Flows
import Testing

@Suite("Template parsing")
struct TemplateParsingTests {
    private static let emailYAML = """
        name: cart-reminder
        channel: email
        purpose: marketing
        description: A reminder.
        variants:
          fr:
            subject: "Votre panier, {{contact.first_name}}"
            body: |
              Bonjour {{contact.first_name}},
              {{cart.checkout_url}}
          en:
            subject: Your cart
            body: "Hello {{contact.first_name}}"
            html: "<p>Hello {{contact.first_name}}</p>"
        """

    @Test("a YAML email template reads with its variants in order and the documented defaults")
    func readsYAML() throws {
        let template = try MessageTemplate.parse(Self.emailYAML)
        #expect(template.name == "cart-reminder")
        #expect(template.channel == .email)
        #expect(template.purpose == .marketing)
        #expect(template.status == .draft)
        #expect(template.version == 1)
        #expect(template.generatedBy == "person")
        #expect(template.variants.map(\.locale) == ["fr", "en"])
        #expect(template.variant(locale: "fr")?.body == "Bonjour {{contact.first_name}},\n{{cart.checkout_url}}\n")
        #expect(template.variant(locale: "en")?.html == "<p>Hello {{contact.first_name}}</p>")
    }

    @Test("the JSON object and the YAML encoding read back to the same template")
    func roundTrips() throws {
        var template = try MessageTemplate.parse(Self.emailYAML)
        template.status = .active
        template.version = 4
        template.generatedBy = "assistant"
        #expect(try MessageTemplate(jsonObject: template.jsonObject) == template)
        #expect(try MessageTemplate.parse(template.encodedYAML) == template)
        #expect(try MessageTemplate.parse(JSONValue.object(template.jsonObject).jsonString) == template)
    }

    @Test("text that looks like YAML scalars survives the YAML encoding")
    func encodesAmbiguousText() throws {
        let template = MessageTemplate(
            name: "odd", channel: .sms, purpose: .transactional,
            variants: [
                TemplateVariant(locale: "en", body: "true"), TemplateVariant(locale: "fr", body: "10:00\n  indented: yes\n"),
                TemplateVariant(locale: "de", body: "{{x}} # not a comment"),
            ])
        #expect(try MessageTemplate.parse(template.encodedYAML) == template)
    }

    @Test(
        "every problem is reported with its path",
        arguments: [
            ("name: a\nchannel: email\nvariants:\n  fr:\n    body: Bonjour", "variants.fr.subject", "is required for email"),
            ("name: a\nchannel: sms\nvariants:\n  fr:\n    subject: x\n    body: y", "variants.fr.subject", "is only used for email, not sms"),
            ("name: a\nchannel: sms\nvariants:\n  fr:\n    html: <p>x</p>\n    body: y", "variants.fr.html", "is only used for email, not sms"),
            ("name: a\nchannel: sms\nvariants:\n  fr:\n    body: \"  \"", "variants.fr.body", "is empty"),
            ("name: a\nchannel: sms\nvariants:\n  fr: {}", "variants.fr.body", "is required"),
            ("name: a\nchannel: sms\nvariants: {}", "variants", "a template needs at least one variant"),
            ("name: a\nchannel: sms", "variants", "is required (one entry per locale, such as fr and en)"),
            ("name: a\nchannel: fax\nvariants:\n  fr:\n    body: y", "channel", "\"fax\" is not one of email, sms, whatsapp"),
            ("channel: sms\nvariants:\n  fr:\n    body: y", "name", "is required"),
            (
                "name: Cart_SMS\nchannel: sms\nvariants:\n  fr:\n    body: y", "name",
                "\"Cart_SMS\" is not a template name (lower-case letters, digits and dashes, such as abandoned-cart-sms)"
            ),
            ("name: a\nchannel: sms\npurpose: promo\nvariants:\n  fr:\n    body: y", "purpose", "\"promo\" is not one of marketing, transactional"),
            ("name: a\nchannel: sms\nstatus: live\nvariants:\n  fr:\n    body: y", "status", "\"live\" is not one of draft, active, archived"),
            ("name: a\nchannel: sms\nversion: 0\nvariants:\n  fr:\n    body: y", "version", "0 is not a version number (1 or more)"),
            (
                "name: a\nchannel: sms\ngenerated_by: robot\nvariants:\n  fr:\n    body: y", "generated_by",
                "\"robot\" is not one of assistant, library, person"
            ),
            (
                "name: a\nchannel: sms\nvariants:\n  French:\n    body: y", "variants.French",
                "\"French\" is not a locale (a language such as fr or en, optionally with a region such as fr-CA)"
            ),
            (
                "name: a\nchannel: sms\nvariants:\n  fr:\n    body: y\n    footer: z", "variants.fr.footer",
                "unknown field (expected body, html, subject)"
            ),
            ("name: a\nchannel: sms\nvariants:\n  fr:\n    body: 3", "variants.fr.body", "is a number, expected a string"),
        ])
    func reportsProblems(yaml: String, path: String, message: String) {
        #expect(throws: DocumentValidationError.invalidTemplate([ValidationIssue(path: path, message: message)])) {
            try MessageTemplate.parse(yaml)
        }
    }

    @Test("several problems are reported together")
    func reportsAllProblems() {
        do {
            _ = try MessageTemplate.parse("name: x\nchannel: email\ncolour: red\nvariants:\n  fr:\n    body: a\n  en:\n    body: b")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "invalid_template")
            #expect(error.issues.map(\.path).sorted() == ["colour", "variants.en.subject", "variants.fr.subject"])
        }
    }

    @Test("text that is neither YAML nor JSON is unreadable")
    func unreadable() {
        do {
            _ = try MessageTemplate.parse("{ \"name\": ")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "unreadable_template")
        }
    }
}
