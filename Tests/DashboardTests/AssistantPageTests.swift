import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

/// The MAX page: a person asks in a form, sees the reply and the draft, confirms it with a form (CSRF-checked); a
/// viewer reads and asks but cannot confirm (403 page); another shop's people never reach the conversation.
@Suite("Dashboard — MAX, the team's assistant")
struct AssistantPageTests {
    static let seed = "MAX, crée-moi un email de relance pour les leads froids"

    /// Posts the page's own form, as a browser without script would, and follows the redirect.
    static func ask(_ browser: inout WebSession, _ text: String, in conversation: String? = nil) async throws -> Page {
        let form = try await browser.get(conversation.map { "/assistant/\($0)" } ?? "/assistant")
        let token = try form.csrfToken()
        let clientID = try #require(Self.field("client_message_id", in: form.body))
        var fields = [("csrf_token", token), ("client_message_id", clientID), ("text", text)]
        if let conversation { fields.append(("conversation_id", conversation)) }
        let posted = try await browser.post("/assistant/messages", fields)
        #expect(posted.status == .seeOther)
        let location = try #require(posted.location)
        return try await browser.get(String(location.prefix { $0 != "#" }))
    }

    static func field(_ name: String, in body: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func anEditorAsksSeesTheDraftAndConfirmsItWithTheForm() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let empty = try await browser.get("/assistant")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("MAX, votre assistant"))
            #expect(empty.body.contains("href=\"/assistant\" aria-current=\"page\""), "the menu has MAX, current")
            #expect(empty.body.contains("Hors ligne"))

            let page = try await Self.ask(&browser, Self.seed)
            #expect(page.status == .ok)
            #expect(page.body.contains("Je vous propose de créer un brouillon d&#39;email") || page.body.contains("Je vous propose de créer un brouillon"))
            #expect(page.body.contains("data-testid=\"assistant-confirm\""))
            #expect(try await harness.store.templates(tenantID: harness.tenantA).filter { $0.generatedBy == "assistant" }.isEmpty)

            let action = try #require(Self.formAction(in: page.body, ending: "/confirm"))
            let confirmed = try await browser.post(action, [("csrf_token", try page.csrfToken())])
            #expect(confirmed.status == .seeOther)
            let after = try await browser.get(try #require(confirmed.location))
            #expect(after.body.contains("C&#39;est confirmé.") || after.body.contains("C'est confirmé."))
            #expect(after.body.contains("C&#39;est fait") || after.body.contains("C'est fait"))
            #expect(!after.body.contains("data-testid=\"assistant-confirm\""))
            let created = try await harness.store.templates(tenantID: harness.tenantA).filter { $0.generatedBy == "assistant" }
            #expect(created.count == 1 && created.first?.status == .draft)
        }
    }

    @Test func aViewerReadsAndAsksButConfirmingIsRefused() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var editor = WebSession(client)
            try await editor.signIn("editor@a.example")
            let page = try await Self.ask(&editor, Self.seed)
            let action = try #require(Self.formAction(in: page.body, ending: "/confirm"))

            var viewer = WebSession(client)
            try await viewer.signIn("viewer@a.example")
            let asked = try await Self.ask(&viewer, Self.seed)
            #expect(asked.status == .ok)
            #expect(asked.body.contains("lecture seule"))
            #expect(!asked.body.contains("data-testid=\"assistant-confirm\""))
            let refused = try await viewer.post(action, [("csrf_token", try asked.csrfToken())])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Action non autorisée"))
            #expect(try await harness.store.templates(tenantID: harness.tenantA).filter { $0.generatedBy == "assistant" }.isEmpty)
        }
    }

    @Test func anotherShopsPeopleNeverReachTheConversation() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var owner = WebSession(client)
            try await owner.signIn("owner@a.example")
            let page = try await Self.ask(&owner, Self.seed)
            let action = try #require(Self.formAction(in: page.body, ending: "/confirm"))
            let conversation = try #require(action.split(separator: "/").dropFirst().first.map(String.init))

            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            #expect(try await intruder.get("/assistant/\(conversation)").status == .notFound)
            let list = try await intruder.get("/assistant")
            #expect(!list.body.contains(conversation) && list.body.contains("Aucune conversation"))
            let refused = try await intruder.post(action, [("csrf_token", try list.csrfToken())])
            #expect(refused.status == .notFound)
            var colleague = WebSession(client)
            try await colleague.signIn("editor@a.example")
            #expect(try await colleague.get("/assistant/\(conversation)").status == .notFound, "a conversation is its author's")
        }
    }

    @Test func thePageSpeaksEnglish() async throws {
        let harness = try await DashboardHarness.make(history: false)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            browser.acceptLanguage = "en-GB,en;q=0.9"
            try await browser.signIn("owner@a.example")
            let page = try await Self.ask(&browser, "write a follow-up email for cold leads")
            #expect(page.body.contains("MAX, your assistant"))
            #expect(page.body.contains("I suggest creating an email draft"))
            #expect(page.body.contains(">Confirm<") && page.body.contains(">Decline<"))
        }
    }

    /// The action of the first form whose action ends with `ending`.
    static func formAction(in body: String, ending: String) -> String? {
        body.components(separatedBy: "action=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.first { $0.hasSuffix(ending) }
    }
}
