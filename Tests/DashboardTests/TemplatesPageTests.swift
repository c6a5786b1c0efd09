import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Dashboard

@Suite("Dashboard — templates: list, editor, preview, test send, activate")
struct TemplatesPageTests {
    static let markup = "<script>alert(1)</script> <img src=x onerror=alert(1)>"

    static func status(_ view: TemplateView) -> String? { view.jsonObject["status"]?.stringValue }

    static func body(_ view: TemplateView, _ locale: String) -> String? {
        view.jsonObject["variants"]?.objectValue?[locale]?.objectValue?["body"]?.stringValue
    }

    /// A draft of A's own: the built-in reminder with markup in its French text (and the unsubscribe link it needs).
    static func draftOfA(_ harness: DashboardHarness) async throws -> TemplateView {
        try await TemplateService(dependencies: harness.dependencies, tenantID: harness.tenantA).update(
            id: "abandoned-cart-reminder",
            patch: ["variants": ["fr": ["body": .string("Bonjour {{contact.first_name}} \(markup)\n{{links.unsubscribe}}")]]])
    }

    @Test func templatesAreListedByStatusAndFilteredByChannel() async throws {
        let harness = try await DashboardHarness.make(history: false)
        _ = try await Self.draftOfA(harness)
        _ = try await TemplateService(dependencies: harness.dependencies, tenantID: harness.tenantA).create([
            "name": "assistant-note", "channel": "email", "purpose": "transactional", "generated_by": "assistant",
            "variants": ["fr": ["subject": "Merci", "body": "Merci {{contact.first_name}}"]],
        ])
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/templates")
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: "data-testid=\"template-row\"").count > 20)
            let drafts = try #require(page.body.range(of: "id=\"status-draft\"")), active = try #require(page.body.range(of: "id=\"status-active\""))
            let draft = try #require(page.body.range(of: "/templates/abandoned-cart-reminder@1\""))
            #expect(drafts.lowerBound < draft.lowerBound && draft.lowerBound < active.lowerBound, "the draft is under Drafts")
            #expect(page.body.contains("brouillon écrit par l&#39;assistant"))
            let sms = try await browser.get("/templates?channel=sms")
            #expect(sms.body.contains("abandoned-cart-sms@builtin") && !sms.body.contains("abandoned-cart-reminder@builtin"))
            let onlyDrafts = try await browser.get("/templates?status=draft")
            #expect(onlyDrafts.body.components(separatedBy: "data-testid=\"template-row\"").count - 1 == 2)
        }
    }

    @Test func theEditorShowsMarkupAsTextAndPreviewsInFrenchAndEnglish() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let draft = try await Self.draftOfA(harness)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let page = try await browser.get("/templates/\(draft.id)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("<script>alert(1)</script>") && !page.body.contains("<img src=x onerror=alert(1)>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("Bonjour Camille"), "the French preview uses the French sample")
            #expect(page.body.contains("Oliver"), "the English preview uses the English sample")
            #expect(page.body.contains("data-preview-url=\"/templates/abandoned-cart-reminder@1/preview\""))
            #expect(page.body.contains("{{contact.first_name}}"), "the variables are listed")
            #expect(page.body.contains("aucun expéditeur d&#39;e-mails n&#39;est configuré"), "the log sender is named before a test")

            let token = try page.csrfToken()
            let fragment = try await browser.post(
                "/templates/\(draft.id)/preview",
                [("csrf_token", token), ("subject_fr", "Objet <b>gras</b>"), ("body_fr", "Salut {{contact.first_name}} " + Self.markup)])
            #expect(fragment.status == .ok)
            #expect(fragment.body.contains("Salut Camille &lt;script&gt;") && !fragment.body.contains("<script>"))
            #expect(fragment.body.contains("Objet &lt;b&gt;gras&lt;/b&gt;") && !fragment.body.contains("<html"))
            let full = try await browser.post(
                "/templates/\(draft.id)/preview", [("csrf_token", token), ("full", "1"), ("body_fr", "Sans JavaScript")])
            #expect(full.body.contains("<html") && full.body.contains("Sans JavaScript"), "without JavaScript the whole editor comes back")
            let broken = try await browser.post("/templates/\(draft.id)/preview", [("csrf_token", token), ("body_fr", "{{#open}} never closed")])
            #expect(broken.status == .ok && broken.body.contains("ne peut pas encore être affiché"))
        }
    }

    @Test func savingWritesADraftAndActivatingMakesItTheOneSent() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let templates = TemplateService(dependencies: harness.dependencies, tenantID: harness.tenantA)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let builtIn = try await browser.get("/templates/abandoned-cart-reminder@builtin")
            #expect(builtIn.body.contains("data-testid=\"template-save\"") && !builtIn.body.contains("data-testid=\"template-archive\""))
            let token = try builtIn.csrfToken()
            let saved = try await browser.post(
                "/templates/abandoned-cart-reminder@builtin/save",
                [("csrf_token", token), ("subject_fr", "Votre panier, {{contact.first_name}}"), ("body_fr", "Revenez !\r\n{{links.unsubscribe}}")])
            #expect(saved.location == "/templates/abandoned-cart-reminder@1?notice=template_saved")
            let draft = try await templates.template(id: "abandoned-cart-reminder@1")
            #expect(Self.status(draft) == "draft" && Self.body(draft, "fr") == "Revenez !\n{{links.unsubscribe}}")

            let editor = try await browser.get("/templates/abandoned-cart-reminder@1")
            #expect(editor.body.contains("data-testid=\"template-activate\""))
            let activated = try await browser.post("/templates/abandoned-cart-reminder@1/activate", [("csrf_token", token)])
            #expect(activated.location == "/templates/abandoned-cart-reminder@1?notice=template_activated")
            #expect(Self.status(try await templates.template(id: "abandoned-cart-reminder@1")) == "active")
            #expect(try await templates.template(id: "abandoned-cart-reminder@builtin").inUse == false)
            let archived = try await browser.post("/templates/abandoned-cart-reminder@1/archive", [("csrf_token", token)])
            #expect(archived.status == .seeOther)
            #expect(Self.status(try await templates.template(id: "abandoned-cart-reminder@1")) == "archived")

            let failing = try await browser.post(
                "/templates/abandoned-cart-reminder@builtin/save", [("csrf_token", token), ("body_fr", "Pas de lien de désinscription")])
            #expect(failing.status == .seeOther)
            let refused = try await browser.post("/templates/abandoned-cart-reminder@2/activate", [("csrf_token", token)])
            #expect(refused.status == .badRequest, "a marketing email without the unsubscribe link is not activated")
        }
    }

    @Test func aTestGoesToTheSignedInPersonThroughTheShopsSender() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/templates/review-request@builtin")
            #expect(page.body.contains("Envoyé à owner@a.example"))
            let sent = try await browser.post("/templates/review-request@builtin/test-send", [("csrf_token", try page.csrfToken())])
            #expect(sent.location == "/templates/review-request@builtin?notice=template_test_logged")
            let after = try await browser.get(try #require(sent.location))
            #expect(after.body.contains("Test écrit dans le journal du serveur"))
            let sms = try await browser.get("/templates/abandoned-cart-sms@builtin")
            #expect(!sms.body.contains("template-test-send"), "no test send for text messages")
        }
    }

    @Test func anSMSTemplateSaysHowManyMessagesItTakes() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/templates/abandoned-cart-sms@builtin")
            #expect(page.status == .ok)
            #expect(page.body.contains(" SMS (alphabet SMS standard") || page.body.contains(" SMS (caractères spéciaux"))
        }
    }

    @Test(arguments: [
        (String(repeating: "a", count: 160), SMSSegments.Encoding.gsm7, 160, 1),
        (String(repeating: "a", count: 161), .gsm7, 161, 2),
        (String(repeating: "é", count: 306), .gsm7, 306, 2),
        (String(repeating: "a", count: 307), .gsm7, 307, 3),
        (String(repeating: "€", count: 80), .gsm7, 160, 1),
        (String(repeating: "€", count: 81), .gsm7, 162, 2),
        (String(repeating: "ç", count: 70), .ucs2, 70, 1),
        (String(repeating: "ç", count: 71), .ucs2, 71, 2),
        ("Bonjour 👋", .ucs2, 10, 1),
        (String(repeating: "ê", count: 135), .ucs2, 135, 3),
    ])
    func smsSegmentsFollowTheAlphabet(text: String, encoding: SMSSegments.Encoding, length: Int, segments: Int) {
        let count = SMSSegments(text)
        #expect(count.encoding == encoding && count.length == length && count.segments == segments, "\(count)")
    }

    @Test func anotherShopCannotOpenOrChangeATemplateOfA() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let draft = try await Self.draftOfA(harness)
        let templates = TemplateService(dependencies: harness.dependencies, tenantID: harness.tenantA)
        try await harness.app.test(.live) { client in
            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            #expect(try await intruder.get("/templates/\(draft.id)").status == .notFound)
            #expect(!(try await intruder.get("/templates?status=draft")).body.contains(draft.id))
            let token = try await intruder.csrfToken()
            for action in ["activate", "archive", "save", "test-send", "preview"] {
                let answer = try await intruder.post("/templates/\(draft.id)/\(action)", [("csrf_token", token), ("body_fr", "pris")])
                #expect(answer.status == .notFound, "\(action)")
            }
            #expect(Self.status(try await templates.template(id: draft.id)) == "draft")

            var viewer = WebSession(client)
            try await viewer.signIn("viewer@a.example")
            let page = try await viewer.get("/templates/\(draft.id)")
            #expect(page.status == .ok && !page.body.contains("template-save") && !page.body.contains("template-activate"))
            let refused = try await viewer.post("/templates/\(draft.id)/activate", [("csrf_token", try page.csrfToken())])
            #expect(refused.status == .forbidden)
            #expect(Self.status(try await templates.template(id: draft.id)) == "draft")
        }
    }
}
