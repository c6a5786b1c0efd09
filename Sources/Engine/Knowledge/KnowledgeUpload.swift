import AutopilotCore
import Foundation

/// A document to add to the knowledge base, as the API and the tools send it. `key` is the client's own identifier:
/// uploading again under the same key replaces the document; without one, the same content is only stored once.
public struct KnowledgeUpload: Sendable, Equatable {
    public var title: String
    public var body: String
    /// `fr`, `en` or another two-letter code; guessed (French or English) when nil.
    public var language: String?
    public var kind: KnowledgeKind
    public var key: String?

    public init(title: String, body: String, language: String? = nil, kind: KnowledgeKind = .other, key: String? = nil) {
        self.title = title
        self.body = body
        self.language = language
        self.kind = kind
        self.key = key
    }

    public static let maximumTitleLength = 200
    public static let maximumBodyLength = 200_000
    public static let maximumKeyLength = 200

    /// Reads a JSON object `{title, body, language?, kind?, key?}`, naming the field of the first problem.
    public init(json object: JSONObject) throws {
        func text(_ field: String, required: Bool) throws -> String? {
            guard let value = object[field], value != .null else {
                if required { throw ValidationError(code: "invalid_document", field: field, message: "is required") }
                return nil
            }
            guard let text = value.stringValue else { throw ValidationError(code: "invalid_document", field: field, message: "must be a string") }
            return text
        }
        let kind = try text("kind", required: false)
        var upload = KnowledgeUpload(
            title: try text("title", required: true) ?? "", body: try text("body", required: true) ?? "", language: try text("language", required: false),
            key: try text("key", required: false))
        if let kind {
            guard let known = KnowledgeKind(rawValue: kind.lowercased()) else {
                let kinds = KnowledgeKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(code: "invalid_document", field: "kind", message: "\"\(kind)\" is not one of \(kinds)")
            }
            upload.kind = known
        }
        self = upload
    }

    /// The upload trimmed and checked; throws naming the first bad field.
    func validated() throws -> KnowledgeUpload {
        var upload = self
        upload.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        upload.body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !upload.title.isEmpty else { throw invalid("title", "must not be empty") }
        guard upload.title.count <= Self.maximumTitleLength else { throw invalid("title", "is longer than \(Self.maximumTitleLength) characters") }
        guard !upload.body.isEmpty else { throw invalid("body", "must not be empty") }
        guard upload.body.count <= Self.maximumBodyLength else { throw invalid("body", "is longer than \(Self.maximumBodyLength) characters") }
        if let language {
            let code = language.trimmingCharacters(in: .whitespaces).lowercased()
            let base = String(code.prefix { $0 != "-" && $0 != "_" })
            guard base.count == 2, base.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw invalid("language", "\"\(language)\" is not a two-letter language code such as fr or en")
            }
            upload.language = base
        }
        if let key {
            let trimmed = key.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= Self.maximumKeyLength else {
                throw invalid("key", "must be 1 to \(Self.maximumKeyLength) characters")
            }
            upload.key = trimmed
        }
        return upload
    }

    private func invalid(_ field: String, _ reason: String) -> ValidationError {
        ValidationError(code: "invalid_document", field: field, message: reason)
    }
}

/// What a knowledge document is. Raw values are persisted.
public enum KnowledgeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Questions and their answers.
    case faq
    /// Terms, returns, shipping, privacy: what the shop commits to.
    case policy
    /// How-to guides, product care.
    case guide
    case other
}
