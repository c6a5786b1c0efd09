import AutopilotCore
import Foundation

/// What to write (`autopilot content blog`, `POST /v1/content/blog`): a topic, a language, optional SEO keywords, a
/// framework, and whether to run the critique–refinement loop.
public struct BlogRequest: Sendable, Hashable {
    /// Longest topic accepted, in characters.
    public static let maximumTopicLength = 200
    /// Most keywords accepted, and the longest one.
    public static let maximumKeywords = 10
    public static let maximumKeywordLength = 60
    /// The error code of a request that cannot be written.
    public static let errorCode = "invalid_blog_request"

    public var topic: String
    public var language: ContentLanguage
    public var keywords: [String]
    public var framework: BlogFramework
    /// Critique and refine the draft (at most `BlogGenerator.maximumCycles` refinements).
    public var agentic: Bool

    /// Checks every field; `ValidationError` (code `invalid_blog_request`) names the field and the reason.
    public init(topic: String, language: String = "fr", keywords: [String] = [], framework: String? = nil, agentic: Bool = false) throws {
        let topic = topic.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !topic.isEmpty else { throw Self.fail("topic", "is required: what the article is about") }
        guard topic.count <= Self.maximumTopicLength else {
            throw Self.fail("topic", "is \(topic.count) characters long (\(Self.maximumTopicLength) at most)")
        }
        guard let language = ContentLanguage(rawValue: language.lowercased()) else { throw Self.fail("language", "\"\(language)\" is not fr or en") }
        let keywords = keywords.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard keywords.count <= Self.maximumKeywords else {
            throw Self.fail("keywords", "has \(keywords.count) keywords (\(Self.maximumKeywords) at most)")
        }
        if let long = keywords.first(where: { $0.count > Self.maximumKeywordLength }) {
            throw Self.fail("keywords", "\"\(long.prefix(20))…\" is longer than \(Self.maximumKeywordLength) characters")
        }
        var chosen = BlogFramework.aida
        if let framework {
            guard let known = BlogFramework(text: framework) else { throw Self.fail("framework", "\"\(framework)\" is not PAS, AIDA or FAB") }
            chosen = known
        }
        self.topic = topic
        self.language = language
        self.keywords = keywords
        self.framework = chosen
        self.agentic = agentic
    }

    /// Reads a request document: `topic`, `language`, `keywords` (an array, or one comma-separated string), `framework`,
    /// `agentic`. Unknown fields are refused.
    public init(document: JSONObject) throws {
        let known = ["topic", "language", "keywords", "framework", "agentic"]
        for key in document.keys where !known.contains(key) {
            throw Self.fail(key, "unknown field (expected \(known.joined(separator: ", ")))")
        }
        guard let topic = document["topic"]?.stringValue else {
            throw Self.fail("topic", document["topic"] == nil ? "is required: what the article is about" : "must be a string")
        }
        let language = document["language"]?.stringValue ?? "fr"
        if let value = document["language"], value.stringValue == nil { throw Self.fail("language", "must be a string: fr or en") }
        var keywords: [String] = []
        switch document["keywords"] {
        case nil, .null?: break
        case .string(let text)?: keywords = Self.keywords(from: text)
        case .array(let items)?:
            guard items.count <= Self.maximumKeywords else {
                throw Self.fail("keywords", "has \(items.count) items (\(Self.maximumKeywords) at most)")
            }
            for (index, item) in items.enumerated() {
                guard let text = item.stringValue else { throw Self.fail("keywords[\(index)]", "must be a string") }
                keywords.append(text)
            }
        default: throw Self.fail("keywords", "must be an array of strings or a comma-separated string")
        }
        var framework: String?
        if let value = document["framework"], !value.isNull {
            guard let text = value.stringValue else { throw Self.fail("framework", "must be a string: PAS, AIDA or FAB") }
            framework = text
        }
        var agentic = false
        if let value = document["agentic"], !value.isNull {
            guard let flag = value.boolValue else { throw Self.fail("agentic", "must be true or false") }
            agentic = flag
        }
        try self.init(topic: topic, language: language, keywords: keywords, framework: framework, agentic: agentic)
    }

    /// `"a, b , c"` → `["a", "b", "c"]`.
    public static func keywords(from text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The request as the model reads it (and the offline templates parse it back).
    package var promptDocument: JSONValue {
        [
            "topic": .string(topic), "language": .string(language.rawValue), "keywords": .array(keywords.map(JSONValue.string)),
            "framework": .string(framework.rawValue),
        ]
    }

    /// The request read back from a prompt document (offline templates); nil when it is not one.
    package static func from(promptDocument value: JSONValue?) -> BlogRequest? {
        guard let value, let topic = value["topic"]?.stringValue else { return nil }
        let keywords = (value["keywords"]?.arrayValue ?? []).compactMap(\.stringValue)
        return try? BlogRequest(
            topic: topic, language: value["language"]?.stringValue ?? "fr", keywords: keywords, framework: value["framework"]?.stringValue)
    }

    private static func fail(_ field: String, _ message: String) -> ValidationError {
        ValidationError(code: errorCode, field: field, message: message)
    }
}
