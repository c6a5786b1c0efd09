import Conversation
import Foundation

extension ChatAgent {
    /// The visitor's mood: the language model's reading when it gave one, else the lexicon's. The lexicon stays the
    /// floor for a clear outburst: at or below `SentimentScorer.handOffThreshold` the model may find it worse, never
    /// better, so an insult the word list knows always reaches a person.
    public static func refinedMood(lexicon: Double, model: Double?) -> Double {
        guard let model else { return lexicon }
        let score = lexicon <= SentimentScorer.handOffThreshold ? min(lexicon, model) : model
        return (score * 1000).rounded() / 1000
    }

    /// A free-form answer to a message no rule covers, written from the knowledge base's passages when a language model
    /// is configured; nil offline, when nothing in the knowledge base matches or when the model fails (the agent then
    /// offers what it can do).
    func freeAnswer(_ text: String, context: ChatContext) async -> String? {
        guard capabilities.answers.isAvailable, text.count >= 8 else { return nil }
        guard case .passages(let passages)? = try? await capabilities.knowledge.search(text, context: context), !passages.isEmpty else {
            return nil
        }
        return await capabilities.answers.answer(text, passages: passages, context: context)
    }
}
