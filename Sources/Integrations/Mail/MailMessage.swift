import Foundation

/// An email as it travels (RFC 5322 with MIME, RFC 2045–2047): its header fields and body, and for a multipart message
/// its parts. Parsing never fails: what cannot be read is left as it is (a part without a boundary is one text part).
public struct MailMessage: Sendable {
    /// The header fields in order, names as written, values unfolded but not decoded.
    public let fields: [(name: String, value: String)]
    /// The body, still in its transfer encoding.
    public let rawBody: [UInt8]

    /// Deeper nesting than this is not followed (a message quoting a message quoting…).
    static let maximumDepth = 8

    public init(raw: [UInt8]) {
        self.init(raw: raw, depth: 0)
    }

    public init(text: String) {
        self.init(raw: Array(text.utf8))
    }

    private let depth: Int

    init(raw: [UInt8], depth: Int) {
        self.depth = depth
        let (head, body) = Self.split(raw)
        fields = Self.unfold(head)
        rawBody = body
    }

    /// The first value of the field `name` (any case), not decoded.
    public func field(_ name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// The first value of `name` with RFC 2047 encoded-words decoded.
    public func decodedField(_ name: String) -> String? {
        field(name).map(EncodedWords.decode)
    }

    /// Every field by lower-cased name, the first value of a repeated name kept.
    public var fieldsByName: [String: String] {
        var map: [String: String] = [:]
        for (name, value) in fields where map[name.lowercased()] == nil { map[name.lowercased()] = value }
        return map
    }

    /// `type/subtype` in lower case (`text/plain` when absent) and its parameters (names lower-cased).
    public var contentType: (type: String, parameters: [String: String]) {
        guard let value = field("Content-Type") else { return ("text/plain", [:]) }
        return HeaderParameters.parse(value)
    }

    /// The body with its transfer encoding (base64, quoted-printable) undone.
    public var decodedBody: [UInt8] {
        switch (field("Content-Transfer-Encoding") ?? "7bit").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": TransferEncoding.base64(rawBody)
        case "quoted-printable": TransferEncoding.quotedPrintable(rawBody)
        default: rawBody
        }
    }

    /// The body as text in its charset (UTF-8, ASCII, ISO-8859-1, Windows-1252…; unknown charsets read as UTF-8).
    public var bodyText: String {
        Charsets.decode(decodedBody, charset: contentType.parameters["charset"])
    }

    /// The parts of a multipart message, or the enclosed message of a `message/rfc822` part; empty otherwise.
    public var parts: [MailMessage] {
        let (type, parameters) = contentType
        guard depth < Self.maximumDepth else { return [] }
        if type == "message/rfc822" || type == "message/global" { return [MailMessage(raw: decodedBody, depth: depth + 1)] }
        guard type.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty else { return [] }
        return Multipart.split(rawBody, boundary: boundary).map { MailMessage(raw: $0, depth: depth + 1) }
    }

    /// The text a person wrote: the first `text/plain` part outside attachments and enclosed messages, else the first
    /// `text/html` part with its tags removed; nil when there is none.
    public var readableText: String? {
        if let plain = firstPart(of: "text/plain") { return plain.bodyText }
        if let html = firstPart(of: "text/html") { return HTMLText.plain(html.bodyText) }
        return nil
    }

    /// The first part of `type` in document order, not looking into attachments or enclosed messages.
    public func firstPart(of type: String) -> MailMessage? {
        let (own, _) = contentType
        if own == type, !isAttachment { return self }
        guard own.hasPrefix("multipart/") else { return nil }
        for part in parts {
            if let found = part.firstPart(of: type) { return found }
        }
        return nil
    }

    /// The first part of `type` anywhere in the tree, enclosed messages included.
    public func part(ofType type: String) -> MailMessage? {
        if contentType.type == type { return self }
        for part in parts {
            if let found = part.part(ofType: type) { return found }
        }
        return nil
    }

    var isAttachment: Bool {
        field("Content-Disposition")?.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("attachment") == true
    }

    /// Head and body: split at the first empty line (CRLF CRLF, or LF LF for mail stored with bare line ends).
    static func split(_ raw: [UInt8]) -> (head: [UInt8], body: [UInt8]) {
        var index = 0
        var lineStart = 0
        while index < raw.count {
            if raw[index] == 10 {
                let line = raw[lineStart..<index]
                if line.isEmpty || (line.count == 1 && line.first == 13) {
                    return (Array(raw[0..<lineStart]), Array(raw[(index + 1)...]))
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (raw, [])
    }

    /// Header lines unfolded (a line starting with a space or tab continues the previous field).
    static func unfold(_ head: [UInt8]) -> [(name: String, value: String)] {
        let text = Charsets.decode(head, charset: "utf-8")
        var fields: [(name: String, value: String)] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            if let first = line.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append((name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }
}
