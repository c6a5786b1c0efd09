import Foundation

/// A tenant's knowledge base: documents, their passages, and full-text search over them. Each operation is one
/// transaction and sees only the tenant's own documents.
public protocol KnowledgeStore: Sendable {
    /// Saves a document with its passages, idempotently by `(tenant, sourceKey)`: the same content again changes nothing,
    /// new content under the same key replaces the document's content and passages (keeping its id and creation date).
    func saveKnowledgeDocument(_ document: KnowledgeDocumentRecord, passages: [KnowledgePassage]) async throws -> KnowledgeSaveOutcome
    /// The tenant's documents, newest first, without their bodies.
    func knowledgeDocuments(tenantID: String, limit: Int, offset: Int) async throws -> [KnowledgeDocumentRecord]
    /// One document with its body, or nil.
    func knowledgeDocument(id: String, tenantID: String) async throws -> KnowledgeDocumentRecord?
    /// Deletes a document and its passages; false when the tenant has no such document.
    func deleteKnowledgeDocument(id: String, tenantID: String) async throws -> Bool
    /// The passages matching any of `terms` (words already folded: lower case, letters and digits), best first.
    func searchKnowledge(tenantID: String, terms: [String], limit: Int) async throws -> [KnowledgeMatch]
}
