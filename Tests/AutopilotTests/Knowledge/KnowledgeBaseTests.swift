import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The knowledge base on SQLite (FTS5) always and on PostgreSQL (tsvector) when configured: upload, idempotency, search
/// in French and English, deletion, and tenants that never see each other's documents.
@Suite struct KnowledgeBaseTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static let shipping = """
        Quels sont les délais de livraison ?

        Nous expédions sous 48 heures. La livraison en France métropolitaine prend 2 à 3 jours ouvrés ; elle est offerte dès 50 € d'achat.

        Puis-je retourner un article ?

        Oui : vous avez 30 jours pour nous renvoyer un article non utilisé. Le remboursement est fait sous 5 jours après réception du colis.
        """

    static let policy = """
        ## Returns and refunds

        You can return any unused item within 30 days of delivery. Refunds are issued to the original payment method within 5 business days.

        ## Damaged parcels

        If your parcel arrives damaged, send us a photo within 48 hours and we will ship a replacement at no cost.
        """

    static func contract(_ store: SQLStore) async throws {
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
        let tenants = TenantService(dependencies: dependencies)
        let shop = try await tenants.create(name: "shop").tenantID
        let other = try await tenants.create(name: "other").tenantID
        let knowledge = KnowledgeBaseService(dependencies: dependencies)

        let faq = try await knowledge.upload(KnowledgeUpload(title: "FAQ livraison et retours", body: shipping, kind: .faq), tenantID: shop)
        #expect(faq.outcome == "created" && faq.document.language == "fr" && faq.document.passageCount == 2 && faq.document.key == nil)
        let terms = try await knowledge.upload(
            KnowledgeUpload(title: "Returns policy", body: policy, language: "en", kind: .policy, key: "policy-returns"), tenantID: shop)
        #expect(terms.outcome == "created" && terms.document.key == "policy-returns")
        _ = try await knowledge.upload(
            KnowledgeUpload(title: "Secret", body: "La livraison express coûte 9 € chez l'autre boutique.", kind: .faq), tenantID: other)

        // French, with or without accents, stemmed: "délai"/"delais", "livré"/"livraison" need not match letter for letter.
        let delivery = try await knowledge.search(tenantID: shop, query: "Quel est le délai de livraison ?")
        let first = try #require(delivery.first)
        #expect(first.title == "FAQ livraison et retours" && first.passage.hasPrefix("Quels sont les délais de livraison"))
        #expect(first.documentID == faq.document.id && first.kind == "faq" && first.language == "fr")
        #expect(delivery.allSatisfy { $0.title != "Secret" }, "another tenant's documents are never found")
        #expect(try await knowledge.search(tenantID: shop, query: "delais livraison").first?.documentID == faq.document.id, "accents are ignored")
        let refund = try await knowledge.search(tenantID: shop, query: "How do I get a refund for a damaged parcel?", limit: 2)
        #expect(refund.first?.title == "Returns policy" && refund.count == 2)
        #expect(try await knowledge.search(tenantID: shop, query: "téléportation quantique").isEmpty)
        #expect(try await knowledge.search(tenantID: other, query: "livraison").map(\.title) == ["Secret"])

        // The same content again is stored once; new content under a key replaces the document, keeping its id.
        let again = try await knowledge.upload(KnowledgeUpload(title: "FAQ livraison et retours", body: shipping, kind: .faq), tenantID: shop)
        #expect(again.outcome == "unchanged" && again.document.id == faq.document.id)
        let revised = try await knowledge.upload(
            KnowledgeUpload(
                title: "Returns policy", body: "Returns are accepted within 14 days. Exchanges are free.", language: "en", kind: .policy,
                key: "policy-returns"), tenantID: shop)
        #expect(revised.outcome == "replaced" && revised.document.id == terms.document.id && revised.document.passageCount == 1)
        #expect(try await knowledge.search(tenantID: shop, query: "exchanges").first?.documentID == terms.document.id)
        #expect(try await knowledge.search(tenantID: shop, query: "damaged parcel photo").isEmpty, "the old passages are gone")

        // Listing, reading and deleting stay within the tenant.
        #expect(Set(try await knowledge.documents(tenantID: shop).map(\.id)) == [faq.document.id, terms.document.id])
        #expect(try await knowledge.documents(tenantID: shop).allSatisfy { $0.body == nil })
        #expect(try await knowledge.document(id: faq.document.id, tenantID: shop)?.body == shipping)
        #expect(try await knowledge.document(id: faq.document.id, tenantID: other) == nil)
        #expect(try await knowledge.delete(id: faq.document.id, tenantID: other) == false)
        #expect(try await knowledge.delete(id: faq.document.id, tenantID: shop))
        #expect(try await knowledge.search(tenantID: shop, query: "livraison").isEmpty)
        #expect(try await knowledge.documents(tenantID: other).count == 1)
    }

    @Test(arguments: [
        (KnowledgeUpload(title: " ", body: "text"), "title"), (KnowledgeUpload(title: "t", body: "\n"), "body"),
        (KnowledgeUpload(title: "t", body: "b", language: "french"), "language"), (KnowledgeUpload(title: "t", body: "b", key: " "), "key"),
        (KnowledgeUpload(title: String(repeating: "t", count: 201), body: "b"), "title"),
    ])
    func badUploadsNameTheField(upload: KnowledgeUpload, field: String) async throws {
        try await TestDatabases.withSQLite { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
            await #expect {
                try await KnowledgeBaseService(dependencies: dependencies).upload(upload, tenantID: tenant)
            } throws: { error in
                (error as? ValidationError)?.field == field
            }
        }
    }

    @Test func searchesRefuseAnEmptyQueryOrABadLimit() async throws {
        try await TestDatabases.withSQLite { store in
            let service = KnowledgeBaseService(dependencies: Dependencies(store: store, clock: ManualClock(Fixtures.now)))
            await #expect(throws: ValidationError(code: "invalid_search", field: "query", message: "must not be empty")) {
                try await service.search(tenantID: "t", query: "  ")
            }
            await #expect(throws: ValidationError(code: "invalid_search", field: "limit", message: "must be between 1 and 20")) {
                try await service.search(tenantID: "t", query: "returns", limit: 0)
            }
        }
    }
}
