import Foundation

extension LeadTextAnalysis {
    /// Decision maker: false when someone else decides or must approve, else true when the writer decides, else nil.
    func readDecisionMaker() -> (Bool, FieldEvidence)? {
        var decides: LeadPhraseMatch?
        for match in matches {
            guard case .decides(let value) = match.cue else { continue }
            if !value { return (false, text.evidence(start: match.start, end: match.end, rule: match.rule)) }
            if decides == nil { decides = match }
        }
        guard let decides else { return nil }
        return (true, text.evidence(start: decides.start, end: decides.end, rule: decides.rule))
    }

    /// Fit: the first mention of e-commerce, a platform, dropshipping, B2B or an SME.
    func readFit() -> FieldEvidence? {
        guard let match = matches.first(where: { $0.cue == .fit }) else { return nil }
        return text.evidence(start: match.start, end: match.end, rule: match.rule)
    }

    /// Engagement: 10 for a phone number, an email address or a request for a call, meeting, demo or quote
    /// (the first in the text); else 5 for a question; else 0.
    func readEngagement() -> (Int, FieldEvidence)? {
        var contact: (start: Int, end: Int, rule: String)?
        func consider(_ start: Int, _ end: Int, _ rule: String) {
            if start < (contact?.start ?? Int.max) { contact = (start, end, rule) }
        }
        if let phone = phones.first { consider(phone.lowerBound, phone.upperBound, "engagement.phone") }
        if let email = firstEmail() { consider(email.lowerBound, email.upperBound, "engagement.email") }
        if let request = matches.first(where: { $0.cue == .contactRequest }) {
            consider(request.start, request.end, request.rule)
        }
        if let contact { return (10, text.evidence(start: contact.start, end: contact.end, rule: contact.rule)) }
        if let mark = questionMark() {
            let start = text.sentenceStart(before: mark, limit: 200)
            let first = (start..<mark).first { !LeadText.isSeparator(bytes[$0]) } ?? mark
            return (5, text.evidence(start: first, end: mark + 1, rule: "engagement.question"))
        }
        if let question = matches.first(where: { $0.cue == .question }) {
            return (5, text.evidence(start: question.start, end: question.end, rule: question.rule))
        }
        return nil
    }

    /// The first "?" that ends a question (not one inside a link such as "shop.fr/?ref=1").
    private func questionMark() -> Int? {
        var searchFrom = 0
        while let mark = bytes[searchFrom...].firstIndex(of: 0x3F) {
            searchFrom = mark + 1
            if mark + 1 < bytes.count, LeadText.isAlnum(bytes[mark + 1]) || bytes[mark + 1] == 0x3D { continue }
            if mark > 0, bytes[mark - 1] == 0x2F { continue }
            return mark
        }
        return nil
    }

    /// The first email address: local part, "@", a domain with a dot and a top-level label of two letters or more.
    private func firstEmail() -> Range<Int>? {
        var searchFrom = 0
        while let at = bytes[searchFrom...].firstIndex(of: 0x40) {
            searchFrom = at + 1
            var start = at
            while start > 0, Self.isEmailByte(bytes[start - 1]) { start -= 1 }
            while start < at, bytes[start] == 0x2E || bytes[start] == 0x2D { start += 1 }
            var end = at + 1
            var lastDot = -1
            while end < bytes.count, Self.isEmailByte(bytes[end]) {
                if bytes[end] == 0x2E { lastDot = end }
                end += 1
            }
            while end > at + 1, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D { end -= 1 }
            if lastDot >= end - 1 { lastDot = (at + 1..<end).last { bytes[$0] == 0x2E } ?? -1 }
            guard start < at, lastDot > at + 1, end - lastDot - 1 >= 2 else { continue }
            return start..<end
        }
        return nil
    }

    private static func isEmailByte(_ byte: UInt8) -> Bool {
        LeadText.isAlnum(byte) || byte == 0x2E || byte == 0x2D || byte == 0x5F || byte == 0x2B || byte == 0x25
    }
}
