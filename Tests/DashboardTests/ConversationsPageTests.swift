import AutopilotCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

@Suite("Dashboard — the visitors' conversations")
struct ConversationsPageTests {
    @Test func theListShowsWhoWhereItStandsTheLastMessageAndTheMoodAndFiltersHandedOff() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let calm = try await harness.conversation(tenantID: harness.tenantA, visitorID: "v-calm00", messages: ["Merci beaucoup, super boutique !"])
        let angry = try await harness.conversation(
            tenantID: harness.tenantA, visitorID: "v-angry0",
            messages: ["mon email est fache@client.example", "C'est vraiment nul, je suis furieux, service horrible !!!"])
        try await harness.app.test(.live) { client in
            var owner = WebSession(client)
            try await owner.signIn("owner@a.example")
            let all = try await owner.get("/conversations")
            #expect(all.status == .ok)
            #expect(all.body.contains("href=\"/conversations/\(calm)\""))
            #expect(all.body.contains("href=\"/conversations/\(angry)\""))
            #expect(all.body.contains("fache@client.example"), "a visitor who gave an email is named by it")
            #expect(all.body.contains("Visiteur …calm00"))
            #expect(all.body.contains("à reprendre par l&#39;équipe") || all.body.contains("à reprendre par l'équipe"))
            #expect(all.body.contains("mécontent"))
            #expect(all.body.contains("content"))
            #expect(all.body.contains("href=\"/conversations\""), "the menu has the conversations")

            let waiting = try await owner.get("/conversations?status=handed_off")
            #expect(waiting.body.contains(angry))
            #expect(!waiting.body.contains("/conversations/\(calm)"))
        }
    }

    @Test func anEditorAnswersFromTheTranscriptAndClosesItWithoutScript() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let id = try await harness.conversation(tenantID: harness.tenantA, messages: ["Je veux parler à un humain, email camille@client.example"])
        try await harness.app.test(.live) { client in
            var editor = WebSession(client)
            try await editor.signIn("editor@a.example")
            let page = try await editor.get("/conversations/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("data-testid=\"transcript\""))
            #expect(page.body.contains("Je veux parler à un humain"))
            #expect(page.body.contains("action=\"/conversations/\(id)/replies\""))
            let token = try page.csrfToken()
            let clientMessageID = "dash-test-1"
            let fields = [("csrf_token", token), ("text", "Bonjour Camille, je m'en occupe."), ("client_message_id", clientMessageID)]
            let sent = try await editor.post("/conversations/\(id)/replies", fields)
            #expect(sent.status == .seeOther || sent.status == .found, "\(sent.status)")
            _ = try await editor.post("/conversations/\(id)/replies", fields)
            let messages = try await harness.store.conversationMessages(conversationID: id, tenantID: harness.tenantA, afterSeq: 0, limit: 100)
            let team = messages.filter { $0.role == .team }
            #expect(team.count == 1, "a second post of the same form adds nothing")
            #expect(team.first?.author == "editor@a.example")
            let after = try await editor.get("/conversations/\(id)")
            #expect(after.body.contains("Équipe (editor@a.example)"))
            #expect(after.body.contains("Bonjour Camille, je m&#39;en occupe.") || after.body.contains("Bonjour Camille, je m'en occupe."))

            let empty = try await editor.post("/conversations/\(id)/replies", [("csrf_token", token), ("text", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("La réponse est vide."))

            _ = try await editor.post("/conversations/\(id)/close", [("csrf_token", token)])
            #expect(try await harness.store.conversation(id: id, tenantID: harness.tenantA)?.status == .closed)
            let closed = try await editor.get("/conversations/\(id)")
            #expect(closed.body.contains("action=\"/conversations/\(id)/reopen\""))
            _ = try await editor.post("/conversations/\(id)/reopen", [("csrf_token", token)])
            #expect(try await harness.store.conversation(id: id, tenantID: harness.tenantA)?.status == .handedOff)
        }
    }

    @Test func aViewerReadsButCannotAnswerOrClose() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let id = try await harness.conversation(tenantID: harness.tenantA, messages: ["Bonjour"])
        try await harness.app.test(.live) { client in
            var viewer = WebSession(client)
            try await viewer.signIn("viewer@a.example")
            let page = try await viewer.get("/conversations/\(id)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("/replies\""), "no answer form for a viewer")
            #expect(!page.body.contains("/close\""))
            let token = try page.csrfToken()
            let refused = try await viewer.post("/conversations/\(id)/replies", [("csrf_token", token), ("text", "hello")])
            #expect(refused.status == .forbidden)
            let close = try await viewer.post("/conversations/\(id)/close", [("csrf_token", token)])
            #expect(close.status == .forbidden)
        }
        let messages = try await harness.store.conversationMessages(conversationID: id, tenantID: harness.tenantA, afterSeq: 0, limit: 100)
        #expect(!messages.contains { $0.role == .team })
        #expect(try await harness.store.conversation(id: id, tenantID: harness.tenantA)?.status == .open)
    }

    @Test func aUserOfAnotherShopGets404ForThisShopsConversation() async throws {
        let harness = try await DashboardHarness.make(history: false)
        let id = try await harness.conversation(tenantID: harness.tenantA, messages: ["Mon email est secret@a.example"])
        try await harness.app.test(.live) { client in
            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            let page = try await intruder.get("/conversations/\(id)")
            #expect(page.status == .notFound)
            #expect(!page.body.contains("secret@a.example"))
            let list = try await intruder.get("/conversations")
            #expect(!list.body.contains(id))
            let token = try await intruder.csrfToken()
            let reply = try await intruder.post("/conversations/\(id)/replies", [("csrf_token", token), ("text", "hello from B")])
            #expect(reply.status == .notFound)
        }
        let messages = try await harness.store.conversationMessages(conversationID: id, tenantID: harness.tenantA, afterSeq: 0, limit: 100)
        #expect(!messages.contains { $0.role == .team })
    }
}
