import Foundation

/// Scores how a visitor feels in one message, in French or English, with the offline lexicon: a score in [-1, 1].
///
/// Each feeling word or phrase has a valence from -3 to +3. A negation among the three words before turns it around
/// (a positive word becomes as negative; a negative word becomes weakly positive: "pas mal" and "not bad" are
/// phrases of their own), an intensifier just
/// before multiplies it ("très" 1.5, "un peu" 0.6), a word in capitals counts 1.5 times, and after "mais"/"but" the
/// feelings count double those before. Emojis and emoticons add their valence. Then the whole message: repeated
/// exclamation or "?!" marks amplify it, and a shouted message (mostly capitals) amplifies it and, unless it is
/// positive, adds -1.5. The sum s becomes s / √(s² + 6), so "merci" ≈ 0.5, "pas content" ≈ -0.5, an insult ≈ -0.8.
public struct SentimentScorer: Sendable {
    public init() {}

    /// The score of one message.
    public func score(_ text: String) -> Double { reading(text).score }

    /// The score and the cues that gave it.
    public func reading(_ text: String) -> SentimentReading {
        let message = ConversationText(text)
        var cues: [String] = []
        var sum = wordValence(message, cues: &cues)
        let bytes = Array(text.utf8)
        for (emoji, value) in SentimentLexicon.emojis where Self.contains(Array(emoji.utf8), in: bytes) {
            sum += value
            cues.append(emoji)
        }
        let exclamations = Self.longestRun(of: "!", in: text)
        if exclamations >= 2 || text.contains("?!") || text.contains("!?") {
            sum *= 1 + 0.15 * Double(min(max(exclamations, 2), 4))
            cues.append(String(repeating: "!", count: max(exclamations, 2)))
        }
        if Self.isShouted(text) {
            sum = sum > 0 ? sum * 1.5 : sum * 1.5 - 1.5
            cues.append("CAPS")
        }
        let score = sum / (sum * sum + 6).squareRoot()
        return SentimentReading(score: (score * 1000).rounded() / 1000, cues: cues)
    }

    private func wordValence(_ message: ConversationText, cues: inout [String]) -> Double {
        let hits = SentimentLexicon.table.hits(in: message.words)
        let contrastAt = hits.last { if case .contrast = $0.value { true } else { false } }?.range.lowerBound
        var sum = 0.0
        for (index, hit) in hits.enumerated() {
            guard case .valence(let base) = hit.value else { continue }
            var value = base
            var negated = false
            var position = index - 1
            while position >= 0, hit.range.lowerBound - hits[position].range.upperBound < 3 {
                switch hits[position].value {
                case .negation: negated = true
                case .intensity(let factor) where hits[position].range.upperBound == hit.range.lowerBound: value *= factor
                case .valence, .contrast: position = 0
                default: break
                }
                position -= 1
            }
            if negated { value = value > 0 ? -value : -0.3 * value }
            if message.rawWords[hit.range].contains(where: Self.isCapitalized) { value *= 1.5 }
            if let contrastAt { value *= hit.range.lowerBound > contrastAt ? 1.5 : 0.75 }
            sum += value
            cues.append(message.rawWords[hit.range].joined(separator: " "))
        }
        return sum
    }

    /// A word of two letters or more written all in capitals.
    private static func isCapitalized(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// At least 8 letters, three quarters of them capitals.
    private static func isShouted(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 8 else { return false }
        return Double(letters.filter(\.isUppercase).count) >= 0.75 * Double(letters.count)
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == mark ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
