import AutopilotCore
import Crypto
import Foundation
import Storage

/// The tenant's knowledge base: FAQ and policy documents uploaded through the API, cut into passages, searched with the
/// store's full-text search (SQLite FTS5, PostgreSQL `tsvector`). What `search_knowledge_base` answers from.
public struct KnowledgeBaseService: Sendable {
    public let store: any KnowledgeStore
    public let clock: any Clock
    public let ids: any IDGenerator
    public var chunker = PassageChunker()

    public static let maximumSearchResults = 20
    public static let maximumQueryLength = 500
    static let hashKeyPrefix = "sha256:"

    public init(store: any KnowledgeStore, clock: any Clock, ids: any IDGenerator) {
        self.store = store
        self.clock = clock
        self.ids = ids
    }

    public init(dependencies: Dependencies) {
        self.init(store: dependencies.store, clock: dependencies.clock, ids: dependencies.ids)
    }

    /// Adds (or, under a known key, replaces) a document; the same content twice is stored once.
    public func upload(_ upload: KnowledgeUpload, tenantID: String) async throws -> KnowledgeUploadResult {
        let upload = try upload.validated()
        let language = upload.language ?? KnowledgeText.guessLanguage(upload.title + "\n" + upload.body)
        let hash = Self.contentHash(title: upload.title, body: upload.body, language: language, kind: upload.kind)
        let texts = chunker.passages(of: upload.body)
        let passages = texts.enumerated().map { position, text in
            KnowledgePassage(position: position, text: text, searchText: KnowledgeText.fold(upload.title + "\n" + text))
        }
        let now = clock.now()
        let record = KnowledgeDocumentRecord(
            id: ids.make("kd"), tenantID: tenantID, sourceKey: upload.key ?? Self.hashKeyPrefix + hash, title: upload.title, body: upload.body,
            language: language, kind: upload.kind.rawValue, contentHash: hash, passageCount: passages.count, createdAt: now, updatedAt: now)
        let outcome = try await store.saveKnowledgeDocument(record, passages: passages)
        let name: String
        switch outcome {
        case .created: name = "created"
        case .unchanged: name = "unchanged"
        case .replaced: name = "replaced"
        }
        return KnowledgeUploadResult(outcome: name, document: KnowledgeDocumentView(outcome.document, withBody: false))
    }

    /// The tenant's documents, newest first (without bodies).
    public func documents(tenantID: String, limit: Int = 100, offset: Int = 0) async throws -> [KnowledgeDocumentView] {
        try await store.knowledgeDocuments(tenantID: tenantID, limit: min(max(limit, 1), 500), offset: max(offset, 0)).map {
            KnowledgeDocumentView($0, withBody: false)
        }
    }

    /// One document with its body, or nil when the tenant has none by that id.
    public func document(id: String, tenantID: String) async throws -> KnowledgeDocumentView? {
        try await store.knowledgeDocument(id: id, tenantID: tenantID).map { KnowledgeDocumentView($0, withBody: true) }
    }

    /// Deletes a document and its passages; false when the tenant has none by that id.
    public func delete(id: String, tenantID: String) async throws -> Bool {
        try await store.deleteKnowledgeDocument(id: id, tenantID: tenantID)
    }

    /// The passages best answering `query` (any of its meaningful words; accents and case ignored), with their document's
    /// title, best first. An empty query or a limit outside 1…20 is refused naming the field.
    public func search(tenantID: String, query: String, limit: Int = 5) async throws -> [KnowledgeSearchResult] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError(code: "invalid_search", field: "query", message: "must not be empty") }
        guard trimmed.count <= Self.maximumQueryLength else {
            throw ValidationError(code: "invalid_search", field: "query", message: "is longer than \(Self.maximumQueryLength) characters")
        }
        guard (1...Self.maximumSearchResults).contains(limit) else {
            throw ValidationError(code: "invalid_search", field: "limit", message: "must be between 1 and \(Self.maximumSearchResults)")
        }
        let terms = KnowledgeText.searchTerms(trimmed)
        guard !terms.isEmpty else { return [] }
        return try await store.searchKnowledge(tenantID: tenantID, terms: terms, limit: limit).map(KnowledgeSearchResult.init)
    }

    /// SHA-256 (hex) of what makes a document's content: title, body, language and kind.
    static func contentHash(title: String, body: String, language: String, kind: KnowledgeKind) -> String {
        let text = [title, language, kind.rawValue, body].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
