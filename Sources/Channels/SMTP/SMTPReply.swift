import Foundation

/// One server reply (RFC 5321 §4.2): a three-digit code and one or more lines of text (`250-…` continued, `250 …` last).
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    /// The text of each line, after the code and its separator.
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransientNegative: Bool { (400..<500).contains(code) }
    var isPermanentNegative: Bool { (500..<600).contains(code) }

    /// `550 5.1.1 No such user`, lines joined by ` / `.
    var description: String {
        "\(code) " + lines.joined(separator: " / ")
    }

    /// The queue id a server gives after DATA (`queued as 4B2C8` from Postfix and others, `id=1ab-2cd` from Exim), if any.
    var queueID: String? {
        let text = lines.joined(separator: " ")
        for marker in ["queued as ", "id="] {
            guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
            let id = text[range.upperBound...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
            if !id.isEmpty { return String(id) }
        }
        return nil
    }
}

/// What a server's EHLO reply advertises (RFC 5321 §4.1.1.1): keyword lines after the greeting line.
struct SMTPCapabilities: Sendable, Hashable {
    /// Upper-cased keyword → upper-cased parameters.
    var extensions: [String: [String]]

    init(ehloReply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            extensions[keyword, default: []] += words.dropFirst()
        }
        self.extensions = extensions
    }

    /// Nothing advertised (the server answered HELO only).
    init() {
        self.extensions = [:]
    }

    var startTLS: Bool { extensions["STARTTLS"] != nil }
    var smtpUTF8: Bool { extensions["SMTPUTF8"] != nil }
    var authMechanisms: Set<String> { Set(extensions["AUTH"] ?? []) }
}
