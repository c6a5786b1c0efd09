import Foundation

/// One document of a tenant's knowledge base (an FAQ, a policy), as stored. `sourceKey` is what makes an upload
/// idempotent: the client's key when it gave one, else `sha256:` and the content's hash.
public struct KnowledgeDocumentRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var sourceKey: String
    public var title: String
    /// Empty in listings, which leave the bodies out.
    public var body: String
    public var language: String
    public var kind: String
    public var contentHash: String
    public var passageCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, sourceKey: String, title: String, body: String, language: String, kind: String, contentHash: String,
        passageCount: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.sourceKey = sourceKey
        self.title = title
        self.body = body
        self.language = language
        self.kind = kind
        self.contentHash = contentHash
        self.passageCount = passageCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "id", "tenant_id", "source_key", "title", "body", "language", "kind", "content_hash", "passage_count", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(sourceKey), .text(title), .text(body), .text(language), .text(kind), .text(contentHash),
            .integer(passageCount), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            id: row.text(0) ?? "", tenantID: row.text(1) ?? "", sourceKey: row.text(2) ?? "", title: row.text(3) ?? "", body: row.text(4) ?? "",
            language: row.text(5) ?? "", kind: row.text(6) ?? "", contentHash: row.text(7) ?? "", passageCount: Int(row.int(8) ?? 0),
            createdAt: row.date(9) ?? .distantPast, updatedAt: row.date(10) ?? .distantPast)
    }
}

/// A passage of a document: what search finds and answers with. `searchText` is the passage folded for PostgreSQL's
/// index (title and text, lower case, without accents).
public struct KnowledgePassage: Sendable, Equatable {
    public var position: Int
    public var text: String
    public var searchText: String

    public init(position: Int, text: String, searchText: String) {
        self.position = position
        self.text = text
        self.searchText = searchText
    }
}

/// What saving a document came to.
public enum KnowledgeSaveOutcome: Sendable, Equatable {
    /// A new document.
    case created(KnowledgeDocumentRecord)
    /// The same key with the same content: nothing changed; the stored document.
    case unchanged(KnowledgeDocumentRecord)
    /// The same key with new content: the document kept its id and got the new content and passages.
    case replaced(KnowledgeDocumentRecord)

    public var document: KnowledgeDocumentRecord {
        switch self {
        case .created(let document), .unchanged(let document), .replaced(let document): document
        }
    }
}

/// A passage search found, with its document's title and its rank (higher is better; comparable within one search).
public struct KnowledgeMatch: Sendable, Equatable {
    public var documentID: String
    public var title: String
    public var kind: String
    public var language: String
    public var position: Int
    public var text: String
    public var rank: Double

    public init(documentID: String, title: String, kind: String, language: String, position: Int, text: String, rank: Double) {
        self.documentID = documentID
        self.title = title
        self.kind = kind
        self.language = language
        self.position = position
        self.text = text
        self.rank = rank
    }
}
