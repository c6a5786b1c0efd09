/// The tenant's FAQ and policy documents, searched for a visitor's question (the knowledge base service plugs in here).
public protocol KnowledgeSearching: Sendable {
    func search(_ question: String, context: ChatContext) async throws -> KnowledgeResult
}

/// What a knowledge search found.
public enum KnowledgeResult: Sendable, Hashable {
    /// This install has no knowledge base to search.
    case unavailable
    /// Passages that answer, best first (empty: nothing matched).
    case passages([ChatKnowledgePassage])
}

/// A piece of the tenant's documents.
public struct ChatKnowledgePassage: Sendable, Hashable {
    public var title: String?
    public var text: String
    public var url: String?

    public init(title: String?, text: String, url: String? = nil) {
        self.title = title
        self.text = text
        self.url = url
    }
}

/// The default until a knowledge base is plugged in: says plainly that there is none.
public struct NoKnowledgeBase: KnowledgeSearching {
    public init() {}

    public func search(_ question: String, context: ChatContext) async throws -> KnowledgeResult { .unavailable }
}
