import AutopilotCore
import Flows
import Testing

@Suite("Built-in template library")
struct TemplateLibraryTests {
    /// Every `send` step of the built-in flows, with the flow's id.
    private static func sends() throws -> [(flow: String, step: SendStep)] {
        func collect(_ steps: [FlowStep]) -> [SendStep] {
            steps.flatMap { step -> [SendStep] in
                switch step {
                case .send(let send): [send]
                case .branch(_, let then, let otherwise): collect(then) + collect(otherwise)
                case .waitFor(let wait): collect(wait.onTimeout)
                default: []
                }
            }
        }
        return try FlowLibrary.builtIn.flatMap { flow in collect(flow.steps).map { (flow.id, $0) } }
    }

    @Test("every template a built-in flow sends exists, on the flow's channel, with the flow's purpose")
    func flowsFindTheirTemplates() throws {
        let sends = try Self.sends()
        #expect(sends.count >= 26)
        for (flow, send) in sends {
            let template = try #require(try TemplateLibrary.template(named: send.template), "\(flow) sends \(send.template), which is missing")
            #expect(template.channel == send.channel, "\(send.template) in \(flow)")
            #expect(template.purpose == (send.transactional ? .transactional : .marketing), "\(send.template) in \(flow)")
        }
    }

    @Test("every built-in template is used by a flow, active, from the library, in French and English")
    func libraryIsComplete() throws {
        // referral-reward is sent by the engine when a referral converts (see ReferralConversion), not by a flow step.
        // Accepted recommendations send the rest (see RecommendationDelivery).
        let recommendations: Set<String> = [
            "hot-lead-call", "win-back-vip", "follow-up-not-opened", "follow-up-opened", "follow-up-silence", "follow-up-sms", "follow-up-whatsapp",
        ]
        // Booked callbacks and payment links send their own (see CallbackService and PaymentLinkService).
        let tools: Set<String> = ["callback-confirmation-sms", "callback-confirmation-email", "payment-link-sms"]
        let used = Set(try Self.sends().map(\.step.template)).union(["referral-reward"]).union(recommendations).union(tools)
        let library = try TemplateLibrary.builtIn
        #expect(Set(library.map(\.name)) == used)
        for template in library {
            #expect(template.status == .active, "\(template.name)")
            #expect(template.generatedBy == "library", "\(template.name)")
            #expect(Set(template.variants.map(\.locale)) == ["fr", "en"], "\(template.name)")
            #expect(!template.description.isEmpty, "\(template.name)")
            #expect(TemplateLibrary.source(named: template.name).map { try? MessageTemplate.parse($0) } == template)
        }
    }

    @Test("every built-in template passes the activation check")
    func libraryPassesCheck() throws {
        for template in try TemplateLibrary.builtIn {
            #expect(TemplateCheck.problems(in: template) == [], "\(template.name)")
        }
    }

    @Test("the social-proof email reads well for a product without reviews", arguments: ["fr", "en"])
    func socialProofWithoutReviews(locale: String) throws {
        let template = try #require(try TemplateLibrary.template(named: "abandoned-cart-social-proof"))
        var context = TemplateSampleData.context(locale: locale)
        var cart = context["cart"]?.objectValue ?? [:]
        let rated = try TemplateRenderer().render(template, locale: locale, context: context)
        #expect(rated.subject?.contains("/5") == true)
        cart["product_rating"] = nil
        cart["product_review_count"] = nil
        context["cart"] = .object(cart)
        let message = try TemplateRenderer().render(template, locale: locale, context: context)
        let subject = try #require(message.subject)
        #expect(!subject.contains("/5") && !subject.isEmpty)
        #expect(!message.text.contains("verdict"), "no rating sentence without reviews")
        #expect(rated.text.contains("verdict"))
        #expect(message.text.contains(cart["product_title"]?.stringValue ?? "?"))
    }

    @Test("every built-in template renders in French and English with sample data, leaving no tag behind")
    func libraryRenders() throws {
        let renderer = TemplateRenderer()
        for template in try TemplateLibrary.builtIn {
            for locale in ["fr", "en"] {
                let message = try renderer.render(template, locale: locale, context: TemplateSampleData.context(locale: locale))
                #expect(message.locale == locale)
                #expect(!message.text.isEmpty && !message.text.contains("{{") && !message.text.contains("}}"), "\(template.name) \(locale)")
                if template.channel == .email {
                    let subject = try #require(message.subject)
                    #expect(!subject.isEmpty && !subject.contains("{{"), "\(template.name) \(locale)")
                    #expect(message.text.contains("https://maison-lavande.example/u/"), "\(template.name) \(locale) has its unsubscribe link")
                    #expect(message.html?.contains("<p>") == true)
                } else {
                    #expect(message.text.count <= 160, "\(template.name) \(locale) fits one SMS with sample data")
                    #expect(template.purpose == .transactional || message.text.contains("STOP"))
                }
            }
        }
    }

    @Test("French texts use French words and English texts do not")
    func languages() throws {
        for template in try TemplateLibrary.builtIn {
            let french = try TemplateRenderer.render(template, locale: "fr", context: TemplateSampleData.context(locale: "fr")).text
            let english = try TemplateRenderer.render(template, locale: "en", context: TemplateSampleData.context(locale: "en")).text
            let words = { (text: String) in Set(text.split { !$0.isLetter }.map { $0.lowercased() }) }
            #expect(!words(french).isDisjoint(with: ["vous", "votre", "nous"]), "\(template.name)")
            #expect(!words(english).isDisjoint(with: ["you", "your", "we"]), "\(template.name)")
            #expect(words(english).isDisjoint(with: ["vous", "votre", "nous"]), "\(template.name)")
            #expect(words(french).isDisjoint(with: ["you", "your", "the"]), "\(template.name)")
        }
    }
}
