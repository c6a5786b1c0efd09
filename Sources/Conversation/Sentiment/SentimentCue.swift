/// What a word or phrase of the sentiment lexicon does to a message's score.
enum SentimentCue: Sendable, Hashable {
    /// A feeling, from -3 (insult, fury) to +3 (delight).
    case valence(Double)
    /// Turns the feeling of the next few words around ("pas", "not", "never").
    case negation
    /// Multiplies the feeling of the next word ("très" 1.5, "un peu" 0.6).
    case intensity(Double)
    /// "mais", "but": what follows weighs more than what came before.
    case contrast
}
