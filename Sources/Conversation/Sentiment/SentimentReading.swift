/// The sentiment of one message: a score in [-1, 1] and the words that gave it.
public struct SentimentReading: Sendable, Hashable, Codable {
    /// -1 very negative, 0 neutral, +1 very positive.
    public var score: Double
    /// The words, phrases, emojis and signs that moved the score, as written ("pas content", "😡", "!!!", "CAPS").
    public var cues: [String]

    public init(score: Double, cues: [String] = []) {
        self.score = score
        self.cues = cues
    }
}
