import Foundation

/// The phrase tables of the qualification rules, in folded form (lower case, no accents; see `LeadPhrase`), one
/// extension per field.
enum LeadPhrases {
    static func entries(_ cue: LeadCue, _ rule: String, _ patterns: [String]) -> [LeadPhrase] {
        patterns.map { LeadPhrase($0, cue, rule: rule) }
    }
}
