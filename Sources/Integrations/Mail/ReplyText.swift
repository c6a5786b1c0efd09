import Foundation

/// The part of a reply its writer typed: the quoted history and the signature removed. Reads the marks mail clients
/// write in French and English: the attribution line ("Le lun. 1 déc. 2026 à 10:00, Boutique <…> a écrit :",
/// "On Mon, Dec 1, 2026 at 10:00 AM Shop <…> wrote:", over one or two lines), Outlook's "-----Original Message-----",
/// "-----Message d'origine-----" and "De : … / From: …" blocks, lines quoted with ">", the signature delimiter "-- ",
/// and "Sent from my iPhone" / "Envoyé de mon iPhone".
public enum ReplyText {
    public static func strip(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line == "-- " || trimmed == "--" || isQuoteSeparator(trimmed) || isDeviceSignature(trimmed) { break scan }
            if isAttribution(trimmed) { break scan }
            if index + 1 < lines.count, isAttribution(trimmed + " " + lines[index + 1].trimmingCharacters(in: .whitespaces)),
                startsAttribution(trimmed)
            {
                break scan
            }
            if isHeaderBlock(lines, at: index) { break scan }
            if !trimmed.hasPrefix(">") { kept.append(line) }
            index += 1
        }
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty { kept.removeLast() }
        while let first = kept.first, first.trimmingCharacters(in: .whitespaces).isEmpty { kept.removeFirst() }
        return kept.joined(separator: "\n")
    }

    static func startsAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("on ") || lower.hasPrefix("le ")
    }

    /// "On … wrote:" / "Le … a écrit :" (also without the space before the colon, and "écrit" without its accent).
    static func isAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard lower.count <= 400 else { return false }
        if lower.hasPrefix("on "), lower.hasSuffix("wrote:") { return true }
        if lower.hasPrefix("le ") {
            let compact = lower.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            return compact.hasSuffix("aécrit:") || compact.hasSuffix("aecrit:")
        }
        return false
    }

    static func isQuoteSeparator(_ line: String) -> Bool {
        let lower = line.lowercased()
        if lower.hasPrefix("-----") && (lower.contains("original message") || lower.contains("message d'origine") || lower.contains("message d’origine")) {
            return true
        }
        if lower.hasPrefix("________________") { return true }
        return lower.hasPrefix("----- forwarded message") || lower.hasPrefix("-------- message transféré") || lower.hasPrefix("begin forwarded message")
    }

    static func isDeviceSignature(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["sent from my ", "envoyé de mon ", "envoye de mon ", "get outlook for ", "télécharger outlook pour "].contains { lower.hasPrefix($0) }
            && lower.count < 80
    }

    /// An Outlook quote: "From: …" / "De : …" followed within three lines by "Sent:" / "Envoyé :" / "Date :" / "To:" / "À :".
    static func isHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        let first = lines[index].trimmingCharacters(in: .whitespaces).lowercased()
        guard first.hasPrefix("from:") || first.hasPrefix("de :") || first.hasPrefix("de:") else { return false }
        let next = lines[(index + 1)..<min(lines.count, index + 4)].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let marks = ["sent:", "envoyé :", "envoyé:", "date:", "date :", "to:", "à :", "à:", "subject:", "objet :"]
        return next.contains { line in marks.contains { line.hasPrefix($0) } }
    }
}
