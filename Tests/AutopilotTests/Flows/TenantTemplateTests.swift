import AutopilotCore
import Engine
import Flows
import Foundation
import Storage
import Testing

/// The dispatcher sends a tenant's active version of a template, falls back to the built-in one for other tenants and
/// other names, and never sends a draft.
@Suite struct TenantTemplateTests {
    static let ownSMS = """
        {{shop.name}} — VERSION MAISON : {{contact.first_name}}, votre panier de {{cart.value}} {{cart.currency}} est gardé. {{cart.checkout_url}}
        Répondez STOP pour ne plus recevoir de SMS
        """

    @Test func aTenantsActiveVersionIsSentAndADraftNever() async throws {
        try await TestDatabases.withSQLite { store in
            let clock = ManualClock(FlowScenario.start)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 11))
            let tenants = TenantService(dependencies: dependencies)
            let own = try await tenants.create(name: "own templates").tenantID
            let plain = try await tenants.create(name: "built-in templates").tenantID

            let templates = TemplateService(dependencies: dependencies, tenantID: own)
            let sms = try await templates.update(id: "abandoned-cart-sms", patch: ["variants": ["fr": ["body": .string(Self.ownSMS)]]])
            #expect(sms.id == "abandoned-cart-sms@1")
            _ = try await templates.activate(id: sms.id)
            let draft = try await templates.update(id: "abandoned-cart-reminder", patch: ["variants": ["fr": ["subject": "BROUILLON {{shop.name}}"]]])
            #expect(draft.template.status == .draft)

            try await Self.run(dependencies: dependencies, clock: clock, tenants: [own, plain], hours: 48)

            let mine = try await FlowQueries(store: store).messages(tenantID: own, contactEmail: "amina@example.fr")
            let sent = try #require(mine.first { $0.template == "abandoned-cart-sms" })
            #expect(sent.status == "sent")
            #expect(sent.body?.contains("VERSION MAISON") == true)
            #expect(sent.body?.contains("Amina") == true)
            let reminder = try #require(mine.first { $0.template == "abandoned-cart-reminder" })
            #expect(reminder.status == "sent")
            #expect(reminder.subject?.contains("BROUILLON") == false)

            let theirs = try await FlowQueries(store: store).messages(tenantID: plain, contactEmail: "amina@example.fr")
            let builtIn = try #require(theirs.first { $0.template == "abandoned-cart-sms" })
            #expect(builtIn.status == "sent")
            #expect(builtIn.body?.contains("VERSION MAISON") == false)
        }
    }

    @Test func anArchivedVersionFallsBackToTheBuiltInTemplate() async throws {
        try await TestDatabases.withSQLite { store in
            let clock = ManualClock(FlowScenario.start)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 12))
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
            let templates = TemplateService(dependencies: dependencies, tenantID: tenantID)
            let sms = try await templates.update(id: "abandoned-cart-sms", patch: ["variants": ["fr": ["body": .string(Self.ownSMS)]]])
            _ = try await templates.activate(id: sms.id)
            _ = try await templates.archive(id: sms.id)

            try await Self.run(dependencies: dependencies, clock: clock, tenants: [tenantID], hours: 4)

            let messages = try await FlowQueries(store: store).messages(tenantID: tenantID, contactEmail: "amina@example.fr")
            let sent = try #require(messages.first { $0.template == "abandoned-cart-sms" })
            #expect(sent.status == "sent")
            #expect(sent.body?.contains("VERSION MAISON") == false)
        }
    }

    /// Ingests the scenario's events into every tenant as the clock reaches them and runs the engine hour by hour.
    static func run(dependencies: Dependencies, clock: ManualClock, tenants: [String], hours: Int) async throws {
        let pipeline = IngestPipeline(dependencies: dependencies)
        let engine = try TestWorker.make(dependencies)
        var ingested = Set<Int>()
        var now = FlowScenario.start
        for _ in 0...hours {
            let due = FlowScenario.events.indices.filter { index in
                !ingested.contains(index)
                    && (FlowScenario.events[index]["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantFuture) <= now
            }
            if !due.isEmpty {
                for tenantID in tenants {
                    _ = try await pipeline.ingest(document: .object(["events": .array(due.map { FlowScenario.events[$0] })]), tenantID: tenantID)
                }
                ingested.formUnion(due)
            }
            try await engine.runDue(now: now)
            now = now.addingTimeInterval(3_600)
            clock.set(now)
        }
    }
}
