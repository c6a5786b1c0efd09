import Foundation
import Storage

/// A knowledge document as the API and the tools show it (`body` only when one document is asked for).
public struct KnowledgeDocumentView: Sendable, Equatable, Encodable {
    public var id: String
    public var title: String
    public var kind: String
    public var language: String
    public var key: String?
    public var passageCount: Int
    public var body: String?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, kind, language, key, body
        case passageCount = "passage_count", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ record: KnowledgeDocumentRecord, withBody: Bool) {
        id = record.id
        title = record.title
        kind = record.kind
        language = record.language
        key = record.sourceKey.hasPrefix(KnowledgeBaseService.hashKeyPrefix) ? nil : record.sourceKey
        passageCount = record.passageCount
        body = withBody ? record.body : nil
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }
}

/// What an upload did: `created`, `unchanged` (the same content was already there) or `replaced` (new content for a key).
public struct KnowledgeUploadResult: Sendable, Equatable, Encodable {
    public var outcome: String
    public var document: KnowledgeDocumentView
}

/// A passage a search found, with its document's title, best first. `score` orders one search's results only.
public struct KnowledgeSearchResult: Sendable, Equatable, Encodable {
    public var documentID: String
    public var title: String
    public var kind: String
    public var language: String
    public var position: Int
    public var passage: String
    public var score: Double

    enum CodingKeys: String, CodingKey {
        case title, kind, language, position, passage, score
        case documentID = "document_id"
    }

    init(_ match: KnowledgeMatch) {
        documentID = match.documentID
        title = match.title
        kind = match.kind
        language = match.language
        position = match.position
        passage = match.text
        score = (match.rank * 10_000).rounded() / 10_000
    }
}
