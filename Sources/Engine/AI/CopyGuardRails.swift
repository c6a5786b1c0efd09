import Foundation

/// Why a rewritten message may not be sent in place of the template's text.
public struct CopyViolation: Sendable, Hashable, CustomStringConvertible {
    /// `empty`, `too_long`, `link_missing`, `link_added`, `offer_added`, `language_changed`, `template_tag`.
    public var code: String
    public var detail: String

    public var description: String { "\(code): \(detail)" }
}

/// The rules a personalised text must keep (seed 001 email personalisation): the same links (every URL of the original,
/// no other), the same offer (no percentage, amount, code or discount word that the original does not have), at most
/// `maximumLengthRatio` times the original's length, and the same language. Checked after generation.
public struct CopyGuardRails: Sendable, Hashable {
    public var maximumLengthRatio: Double

    public init(maximumLengthRatio: Double = 1.3) {
        self.maximumLengthRatio = maximumLengthRatio
    }

    /// The first rule `rewritten` breaks, or nil when it may be sent instead of `original`. `language` is the message's
    /// locale language (`fr`), used when the original's language cannot be told from its words.
    public func violation(original: String, rewritten: String, language: String? = nil) -> CopyViolation? {
        let text = rewritten.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return CopyViolation(code: "empty", detail: "the rewritten text is empty") }
        let limit = Int((Double(original.count) * maximumLengthRatio).rounded(.down))
        if text.count > limit {
            return CopyViolation(code: "too_long", detail: "\(text.count) characters, more than \(limit) (\(maximumLengthRatio)× the original)")
        }
        if text.contains("{{") || text.contains("}}") {
            return CopyViolation(code: "template_tag", detail: "the text contains a {{ }} tag")
        }
        let originalLinks = CopyTokens.links(in: original)
        let links = CopyTokens.links(in: text)
        if let missing = originalLinks.first(where: { !links.contains($0) }) {
            return CopyViolation(code: "link_missing", detail: "\(missing) is not in the rewritten text")
        }
        if let added = links.first(where: { !originalLinks.contains($0) }) {
            return CopyViolation(code: "link_added", detail: "\(added) is not in the original")
        }
        let withoutLinks = { (text: String, links: [String]) in links.reduce(text) { $0.replacingOccurrences(of: $1, with: " ") } }
        let originalOffers = Set(CopyTokens.offers(in: withoutLinks(original, originalLinks)))
        if let added = CopyTokens.offers(in: withoutLinks(text, links)).first(where: { !originalOffers.contains($0) }) {
            return CopyViolation(code: "offer_added", detail: "\"\(added)\" is not in the original")
        }
        let expected = CopyLanguage.detect(original) ?? language.map { String($0.prefix { $0 != "-" }).lowercased() }
        if let expected, let found = CopyLanguage.detect(text), found != expected {
            return CopyViolation(code: "language_changed", detail: "written in \(found), the original is in \(expected)")
        }
        return nil
    }
}
