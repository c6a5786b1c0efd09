import AutopilotCore
import Foundation
public import LLM
import Scoring

/// Free-form answers through the language-model gateway, grounded in the knowledge base's passages: the model is told
/// to answer only from them, in the visitor's language, in a few plain sentences, and to say `NO_ANSWER` when they do
/// not answer. An offline answer, a failure or `NO_ANSWER` is no answer (the agent answers plainly).
public struct ModelAnswerWriter: AnswerWriting {
    public static let feature = "chat_answer"
    static let noAnswer = "NO_ANSWER"

    public let gateway: LLMGateway

    public init(gateway: LLMGateway) {
        self.gateway = gateway
    }

    public var isAvailable: Bool { !gateway.providerNames().isEmpty }

    public func answer(_ question: String, passages: [ChatKnowledgePassage], context: ChatContext) async -> String? {
        guard !passages.isEmpty, !gateway.providerNames(for: context.tenantID).isEmpty else { return nil }
        let documents: [JSONValue] = passages.prefix(3).map { passage in
            ["title": passage.title.map(JSONValue.string) ?? .null, "text": .string(String(passage.text.prefix(2_000)))]
        }
        let prompt: JSONObject = ["question": .string(String(question.prefix(2_000))), "shop_documents": .array(documents)]
        let request = LLMRequest(
            system: Self.system(context.language), messages: [.user(JSONValue.object(prompt).jsonString)], temperature: 0.2, maxTokens: 300,
            timeout: .seconds(10), deadline: .seconds(15), feature: Self.feature, tenant: context.tenantID)
        guard let response = try? await gateway.complete(request), response.provider != "offline", response.offlineReason == nil else { return nil }
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(Self.noAnswer) else { return nil }
        return text.count > 1_200 ? String(text.prefix(1_200)) + "…" : text
    }

    static func system(_ language: ScoringLocale) -> String {
        let tongue = language == .french ? "French" : "English"
        return """
            You are the chat assistant of a small online shop, answering a visitor. Answer the question only from the \
            shop's documents given with it; never invent a price, a date, a policy or a promise they do not state. \
            Answer in \(tongue), in at most three short, plain sentences, without markdown. If the documents do not \
            answer the question, answer exactly \(noAnswer).
            """
    }
}

/// The visitor's mood read by the language model (structured output `{"score": -1…1}`), knowing the lexicon's score.
public struct ModelMoodReader: MoodReading {
    public static let feature = "chat_sentiment"

    public let gateway: LLMGateway

    public init(gateway: LLMGateway) {
        self.gateway = gateway
    }

    public func score(_ text: String, lexicon: Double, context: ChatContext) async -> Double? {
        guard !gateway.providerNames(for: context.tenantID).isEmpty else { return nil }
        let prompt: JSONObject = ["message": .string(String(text.prefix(2_000))), "lexicon_score": .double(lexicon)]
        let request = LLMRequest(
            system: Self.system, messages: [.user(JSONValue.object(prompt).jsonString)],
            structuredOutput: StructuredOutput(name: "visitor_mood", schema: Self.schema), temperature: 0, maxTokens: 60,
            timeout: .seconds(5), deadline: .seconds(8), feature: Self.feature, tenant: context.tenantID)
        guard let response = try? await gateway.complete(request), response.provider != "offline", response.offlineReason == nil,
            let answer = response.json ?? (try? JSONParser.parse(response.text)), let score = answer["score"]?.doubleValue, score.isFinite
        else { return nil }
        return max(-1, min(1, score))
    }

    static let system = """
        You read how a shop's visitor feels in one chat message (French or English, maybe with typos, irony or sarcasm). \
        Answer only with JSON: {"score": s} where s is from -1 (angry, insulting, fed up) through 0 (neutral, a plain \
        question) to 1 (delighted). lexicon_score is a word-list reading of the same message; correct it where it \
        misreads irony, negation or context.
        """

    static let schema: JSONValue = [
        "type": "object", "properties": ["score": ["type": "number", "minimum": -1, "maximum": 1]], "required": ["score"],
    ]
}
