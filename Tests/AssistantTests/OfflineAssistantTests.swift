import Assistant
import AutopilotCore
import Storage
import Testing

/// MAX with no language model: the intent reader maps French and English requests (typos included) to registry tool
/// calls, answers in plain words from their results, shows a draft before creating anything, and says plainly what it
/// cannot do offline.
@Suite("MAX offline")
struct OfflineAssistantTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        /// The tool run at once, or nil.
        var tool: String?
        /// The tool proposed as a draft, or nil.
        var draft: String?
        /// Words the reply must contain.
        var says: [String]

        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "MAX, crée-moi un email de relance pour les leads froids", tool: nil, draft: "create_template_draft", says: ["brouillon", "confirmez"]),
        Case(text: "writte a folow-up emial for cold leads", tool: nil, draft: "create_template_draft", says: ["draft", "confirm"]),
        Case(text: "Rédige un SMS de bienvenue pour les nouveaux clients", tool: nil, draft: "create_template_draft", says: ["SMS"]),
        Case(text: "Qui dois-je relancer aujourd'hui ?", tool: "list_recommendations", draft: nil, says: ["relance"]),
        Case(text: "Who should I follow up today?", tool: "list_recommendations", draft: nil, says: ["follow-up"]),
        Case(text: "Où en est la commande A-1001 ?", tool: "check_order_status", draft: nil, says: ["A-1001", "expédiée", "6A123"]),
        Case(text: "Statut de la comande A-1001", tool: "check_order_status", draft: nil, says: ["expédiée", "Colissimo"]),
        Case(text: "status of the order A-1001", tool: "check_order_status", draft: nil, says: ["shipped", "6A123"]),
        Case(text: "Que sait-on de amina@lumen.example ?", tool: "find_contact", draft: nil, says: ["Amina Benali", "1 commande"]),
        Case(text: "what do we know about amina@lumen.example", tool: "find_contact", draft: nil, says: ["Amina", "1 order"]),
        Case(text: "Quels sont les chiffres du flow panier abandonné ?", tool: "flow_stats", draft: nil, says: ["parcours", "messages"]),
        Case(text: "how are my flows performing", tool: "list_flows", draft: nil, says: ["flows"]),
        Case(text: "Le rapport hebdo stp", tool: "weekly_report", draft: nil, says: ["rapport de la semaine"]),
        Case(text: "weekly report please", tool: "weekly_report", draft: nil, says: ["weekly report"]),
        Case(text: "Fais-moi le résumé de Marie Dupont", tool: nil, draft: nil, says: ["email de Marie Dupont"]),
        Case(text: "Où en est la commande ?", tool: nil, draft: nil, says: ["numéro de la commande"]),
        Case(text: "Traduis mon site en allemand", tool: nil, draft: nil, says: ["Sans modèle de langue", "je ne sais pas faire"]),
        Case(text: "what's the weather like", tool: nil, draft: nil, says: ["Without a language model", "can't do that"]),
    ]

    @Test(arguments: cases)
    func answers(_ example: Case) async throws {
        let shop = try await AssistantShop.inMemory()
        let reply = try await shop.assistant.send(try AssistantMessageInput(text: example.text), caller: shop.user())

        #expect(reply.facts.mode == "offline")
        #expect(reply.facts.modelCalls.allSatisfy { $0.provider == "offline" && $0.costUSD == 0 })
        #expect(reply.facts.toolRuns.filter { $0.status == "succeeded" }.map(\.tool) == [example.tool].compactMap { $0 })
        #expect(reply.pendingDrafts.map(\.tool) == [example.draft].compactMap { $0 })
        for words in example.says {
            #expect(reply.text.contains(words), "\(reply.text)")
        }
        let drafts = try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }
        #expect(drafts.isEmpty, "nothing is created before a confirmation")
    }

    @Test func aDraftIsCreatedOnlyAfterConfirmationAndOnlyOnce() async throws {
        let shop = try await AssistantShop.inMemory()
        let caller = shop.user()
        let asked = try await shop.assistant.send(
            try AssistantMessageInput(text: "MAX, crée-moi un email de relance pour les leads froids"), caller: caller)
        let draft = try #require(asked.pendingDrafts.first)
        #expect(draft.arguments["channel"] == "email")
        #expect(draft.arguments["locale"] == "fr")
        #expect(try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }.isEmpty)

        let done = try await shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: caller)
        #expect(done.text.contains("C'est fait"), "\(done.text)")
        #expect(done.pendingDrafts.isEmpty)
        #expect(done.settledDrafts.map(\.status) == [.confirmed])
        let again = try await shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: caller)
        #expect(again.duplicate)
        let drafts = try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }
        #expect(drafts.count == 1)
        #expect(drafts.first?.status == .draft)
    }

    @Test func aDeclinedDraftCreatesNothing() async throws {
        let shop = try await AssistantShop.inMemory()
        let caller = shop.user()
        let asked = try await shop.assistant.send(try AssistantMessageInput(text: "write a welcome SMS for new customers"), caller: caller)
        let draft = try #require(asked.pendingDrafts.first)
        let declined = try await shop.assistant.decline(conversationID: asked.conversationID, callID: draft.id, caller: caller)
        #expect(declined.text == "All right, I did nothing.")
        await #expect(throws: AssistantError.self) {
            try await shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: caller)
        }
        #expect(try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }.isEmpty)
    }

    @Test func aReadOnlyPersonIsNeverOfferedADraft() async throws {
        let shop = try await AssistantShop.inMemory()
        let viewer = shop.user(readOnly: true)
        let reply = try await shop.assistant.send(try AssistantMessageInput(text: "MAX, crée-moi un email de relance pour les leads froids"), caller: viewer)
        #expect(reply.pendingDrafts.isEmpty)
        #expect(reply.text.contains("lecture seule"))
        await #expect(throws: AssistantError.self) {
            try await shop.assistant.confirm(conversationID: reply.conversationID, callID: "offline_1", caller: viewer)
        }
    }

    @Test func aNewMessageLeavesTheWaitingDraftDeclined() async throws {
        let shop = try await AssistantShop.inMemory()
        let caller = shop.user()
        let asked = try await shop.assistant.send(try AssistantMessageInput(text: "crée un email de bienvenue"), caller: caller)
        let next = try await shop.assistant.send(
            try AssistantMessageInput(conversationID: asked.conversationID, text: "Qui dois-je relancer aujourd'hui ?"), caller: caller)
        #expect(next.pendingDrafts.isEmpty)
        #expect(next.settledDrafts.map(\.status) == [.declined])
        let view = try await shop.assistant.conversation(id: asked.conversationID, caller: caller)
        #expect(view.messages.map(\.role) == [.user, .assistant, .user, .assistant])
    }

    @Test func aRetriedMessageGivesTheSameTurn() async throws {
        let shop = try await AssistantShop.inMemory()
        let caller = shop.user()
        let input = try AssistantMessageInput(text: "Qui dois-je relancer aujourd'hui ?", clientMessageID: "web-1")
        let first = try await shop.assistant.send(input, caller: caller)
        let second = try await shop.assistant.send(input, caller: caller)
        #expect(!first.duplicate && second.duplicate)
        #expect(second.conversationID == first.conversationID && second.messageID == first.messageID && second.text == first.text)
        #expect(try await shop.assistant.conversation(id: first.conversationID, caller: caller).messages.count == 2)
        await #expect(throws: AssistantError.self) {
            try await shop.assistant.send(try AssistantMessageInput(text: "autre chose", clientMessageID: "web-1"), caller: caller)
        }
    }
}
