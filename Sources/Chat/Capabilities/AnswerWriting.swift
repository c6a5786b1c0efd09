/// Writes a free-form answer to a visitor's question from the shop's own documents (a language model, when one is
/// configured). The agent falls back to its plain answers when there is no writer or it has nothing to say.
public protocol AnswerWriting: Sendable {
    /// Whether answers can be written at all (false offline: the agent does not even search for them).
    var isAvailable: Bool { get }
    /// The answer grounded in `passages`, or nil when none can be written (offline, the model failed, or the passages
    /// do not answer the question).
    func answer(_ question: String, passages: [ChatKnowledgePassage], context: ChatContext) async -> String?
}

/// Reads a visitor's mood in one message with a language model, knowing the offline lexicon's score.
public protocol MoodReading: Sendable {
    /// The model's score (-1…1), or nil for no opinion (offline, or the model failed): the lexicon's score stands.
    func score(_ text: String, lexicon: Double, context: ChatContext) async -> Double?
}

/// No language model: the agent's plain answers only.
public struct NoAnswerWriter: AnswerWriting {
    public init() {}

    public var isAvailable: Bool { false }

    public func answer(_ question: String, passages: [ChatKnowledgePassage], context: ChatContext) async -> String? { nil }
}

/// No language model: the offline lexicon's score alone.
public struct LexiconMood: MoodReading {
    public init() {}

    public func score(_ text: String, lexicon: Double, context: ChatContext) async -> Double? { nil }
}
