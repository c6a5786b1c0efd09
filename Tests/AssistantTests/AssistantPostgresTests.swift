import Assistant
import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import Testing

/// The assistant's conversations, drafts and retries on PostgreSQL (the same SQL as SQLite, another driver). Runs when
/// AUTOPILOT_TEST_POSTGRES_URL is set, on a fresh database.
@Suite("MAX — on PostgreSQL", .enabled(if: AssistantPostgres.url != nil, "set AUTOPILOT_TEST_POSTGRES_URL to run"))
struct AssistantPostgresTests {
    @Test func draftsRetriesAndTenantsOnPostgreSQL() async throws {
        try await AssistantPostgres.withStore { store in
            let shop = try await AssistantShop.seed(store)
            let ana = shop.user()
            let input = try AssistantMessageInput(text: "MAX, crée-moi un email de relance pour les leads froids", clientMessageID: "pg-1")
            let asked = try await shop.assistant.send(input, caller: ana)
            let again = try await shop.assistant.send(input, caller: ana)
            #expect(again.duplicate && again.messageID == asked.messageID)
            let draft = try #require(asked.pendingDrafts.first)

            await #expect(throws: AssistantError.self) {
                try await shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: shop.user(shop.tenantB, id: "us_zoe"))
            }
            async let first = shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: ana)
            async let second = shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: ana)
            let outcomes = [try? await first, try? await second]
            #expect(outcomes.contains { $0?.duplicate == false })
            let created = try await store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }
            #expect(created.count == 1, "confirmed twice at once, run once")

            let view = try await shop.assistant.conversation(id: asked.conversationID, caller: ana)
            #expect(view.messages.map(\.role) == [.user, .assistant, .assistant])
            #expect(view.drafts.map(\.status) == [.confirmed])
            #expect(try await shop.assistant.conversations(caller: shop.user(shop.tenantB, id: "us_zoe")).isEmpty)
            let order = try await shop.assistant.send(try .init(text: "Où en est la commande A-1001 ?"), caller: ana)
            #expect(order.text.contains("6A123"))
        }
    }
}

enum AssistantPostgres {
    static let url = ProcessInfo.processInfo.environment["AUTOPILOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A new, empty PostgreSQL database for the test, migrated, dropped afterwards.
    static func withStore(_ body: @Sendable (SQLStore) async throws -> Void) async throws {
        guard let base = url, var components = URLComponents(string: base) else { return }
        var logger = Logger(label: "assistant-test")
        logger.logLevel = .critical
        let name = "autopilot_assistant_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        guard let database = components.string else { return }
        try await DatabaseConfiguration.postgres(url: database).withStore(logger: logger) { store in
            try await store.migrate(now: AssistantShop.now)
            try await body(store)
        }
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("DROP DATABASE IF EXISTS \(name)")
        }
    }
}
