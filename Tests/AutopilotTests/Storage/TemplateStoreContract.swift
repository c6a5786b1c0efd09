import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The template storage contract, run on SQLite always and on PostgreSQL when configured.
enum TemplateStoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case draftsAreNumberedAndEditedInPlace
    case activatingArchivesThePreviousActiveVersion
    case anActiveVersionIsNeverEditedInPlace
    case aChangedDocumentIsNotActivated
    case oneActiveVersionPerNameIsASchemaRule
    case tenantsNeverMeet

    var testDescription: String { rawValue }

    func run(_ store: SQLStore) async throws {
        switch self {
        case .draftsAreNumberedAndEditedInPlace: try await draftsAreNumberedAndEditedInPlace(store)
        case .activatingArchivesThePreviousActiveVersion: try await activatingArchivesThePreviousActiveVersion(store)
        case .anActiveVersionIsNeverEditedInPlace: try await anActiveVersionIsNeverEditedInPlace(store)
        case .aChangedDocumentIsNotActivated: try await aChangedDocumentIsNotActivated(store)
        case .oneActiveVersionPerNameIsASchemaRule: try await oneActiveVersionPerNameIsASchemaRule(store)
        case .tenantsNeverMeet: try await tenantsNeverMeet(store)
        }
    }

    private func tenant(_ store: SQLStore, _ name: String = "Shop") async throws -> String {
        try await TenantService(dependencies: Dependencies(store: store, clock: ManualClock(Fixtures.now))).create(name: name).tenantID
    }

    private func draft(_ tenantID: String, _ name: String = "welcome-1", body: String, at: Date = Fixtures.now) -> TemplateRecord {
        TemplateRecord(
            tenantID: tenantID, name: name, version: 0, channel: "sms", status: .active, generatedBy: "person",
            document: #"{"name":"\#(name)","channel":"sms","variants":{"fr":{"body":"\#(body)"}}}"#, createdAt: at, updatedAt: at)
    }

    private func draftsAreNumberedAndEditedInPlace(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        let first = try await store.saveTemplateDraft(draft(shop, body: "one"), replacingVersion: nil)
        #expect(first.version == 1 && first.status == .draft)
        let later = Fixtures.now.addingTimeInterval(60)
        let edited = try await store.saveTemplateDraft(draft(shop, body: "one, edited", at: later), replacingVersion: 1)
        #expect(edited.version == 1 && edited.createdAt == Fixtures.now && edited.updatedAt == later)
        let second = try await store.saveTemplateDraft(draft(shop, body: "two"), replacingVersion: nil)
        #expect(second.version == 2)
        let other = try await store.saveTemplateDraft(draft(shop, "welcome-2", body: "other"), replacingVersion: nil)
        #expect(other.version == 1)
        let versions = try await store.templateVersions(name: "welcome-1", tenantID: shop)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.first?.document.contains("one, edited") == true)
        #expect(versions.allSatisfy { $0.status == .draft })
        #expect(try await store.templates(tenantID: shop).map { "\($0.name)@\($0.version)" } == ["welcome-1@1", "welcome-1@2", "welcome-2@1"])
        #expect(try await store.activeTemplates(tenantID: shop).isEmpty)
    }

    private func activatingArchivesThePreviousActiveVersion(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        _ = try await store.saveTemplateDraft(draft(shop, body: "one"), replacingVersion: nil)
        _ = try await store.saveTemplateDraft(draft(shop, body: "two"), replacingVersion: nil)
        let first = try await store.changeTemplateStatus(
            name: "welcome-1", version: 1, tenantID: shop, to: .active, expectedDocument: nil, at: Fixtures.now)
        #expect(first?.status == .active)
        let later = Fixtures.now.addingTimeInterval(3_600)
        let second = try await store.changeTemplateStatus(
            name: "welcome-1", version: 2, tenantID: shop, to: .active, expectedDocument: nil, at: later)
        #expect(second?.status == .active && second?.updatedAt == later)
        let versions = try await store.templateVersions(name: "welcome-1", tenantID: shop)
        #expect(versions.map(\.status) == [.archived, .active])
        #expect(versions.first?.updatedAt == later)
        #expect(try await store.activeTemplates(tenantID: shop).map(\.version) == [2])
        let missing = try await store.changeTemplateStatus(
            name: "welcome-1", version: 9, tenantID: shop, to: .active, expectedDocument: nil, at: later)
        #expect(missing == nil)
        _ = try await store.changeTemplateStatus(name: "welcome-1", version: 2, tenantID: shop, to: .archived, expectedDocument: nil, at: later)
        #expect(try await store.activeTemplates(tenantID: shop).isEmpty)
    }

    private func anActiveVersionIsNeverEditedInPlace(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        _ = try await store.saveTemplateDraft(draft(shop, body: "one"), replacingVersion: nil)
        _ = try await store.changeTemplateStatus(name: "welcome-1", version: 1, tenantID: shop, to: .active, expectedDocument: nil, at: Fixtures.now)
        let saved = try await store.saveTemplateDraft(draft(shop, body: "edited"), replacingVersion: 1)
        #expect(saved.version == 2 && saved.status == .draft)
        let versions = try await store.templateVersions(name: "welcome-1", tenantID: shop)
        #expect(versions.map(\.status) == [.active, .draft])
        #expect(versions.first?.document.contains("\"one\"") == true)
    }

    private func aChangedDocumentIsNotActivated(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        let checked = try await store.saveTemplateDraft(draft(shop, body: "checked"), replacingVersion: nil)
        _ = try await store.saveTemplateDraft(draft(shop, body: "edited meanwhile"), replacingVersion: 1)
        await #expect(throws: TemplateChangedError.self) {
            try await store.changeTemplateStatus(
                name: "welcome-1", version: 1, tenantID: shop, to: .active, expectedDocument: checked.document, at: Fixtures.now)
        }
        #expect(try await store.templateVersions(name: "welcome-1", tenantID: shop).map(\.status) == [.draft])
    }

    private func oneActiveVersionPerNameIsASchemaRule(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        var record = draft(shop, body: "one")
        record.version = 1
        _ = try await store.saveTemplateDraft(record, replacingVersion: nil)
        _ = try await store.changeTemplateStatus(name: "welcome-1", version: 1, tenantID: shop, to: .active, expectedDocument: nil, at: Fixtures.now)
        let columns = ["tenant_id", "name", "version", "channel", "status", "generated_by", "document", "created_at", "updated_at"]
        let row: [SQLValue] = [
            .text(shop), .text("welcome-1"), .integer(2), .text("sms"), .text("active"), .text("person"), .text("{}"), .date(Fixtures.now),
            .date(Fixtures.now),
        ]
        await #expect(throws: (any Error).self) {
            try await store.database.transaction(lock: nil, reads: []) { _ in
                ([.insert(table: "templates", columns: columns, rows: [row], conflict: "")], ())
            }
        }
        #expect(try await store.templateVersions(name: "welcome-1", tenantID: shop).count == 1)
    }

    private func tenantsNeverMeet(_ store: SQLStore) async throws {
        let first = try await tenant(store, "First")
        let second = try await tenant(store, "Second")
        _ = try await store.saveTemplateDraft(draft(first, body: "mine"), replacingVersion: nil)
        _ = try await store.changeTemplateStatus(
            name: "welcome-1", version: 1, tenantID: first, to: .active, expectedDocument: nil, at: Fixtures.now)
        #expect(try await store.templates(tenantID: second).isEmpty)
        #expect(try await store.activeTemplates(tenantID: second).isEmpty)
        #expect(
            try await store.changeTemplateStatus(
                name: "welcome-1", version: 1, tenantID: second, to: .archived, expectedDocument: nil, at: Fixtures.now) == nil)
        let theirs = try await store.saveTemplateDraft(draft(second, body: "theirs"), replacingVersion: 1)
        #expect(theirs.version == 1 && theirs.tenantID == second)
        #expect(try await store.activeTemplates(tenantID: first).map(\.document).first?.contains("mine") == true)
    }
}

@Suite("Template storage contract — SQLite")
struct SQLiteTemplateStoreContractTests {
    @Test(arguments: TemplateStoreContract.allCases)
    func contract(_ check: TemplateStoreContract) async throws {
        try await TestDatabases.withSQLite { try await check.run($0) }
    }
}

@Suite("Template storage contract — PostgreSQL", .enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresTemplateStoreContractTests {
    @Test(arguments: TemplateStoreContract.allCases)
    func contract(_ check: TemplateStoreContract) async throws {
        try await TestDatabases.withPostgres { try await check.run($0) }
    }
}
