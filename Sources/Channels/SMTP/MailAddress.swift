/// An email address (`local@domain`) with an optional display name, checked so it can go into a header or an SMTP command
/// as is: no spaces, no control characters, no angle brackets or quotes, one `@`.
public struct MailAddress: Sendable, Hashable {
    /// Why a text is not a usable address.
    public struct ParseError: Error, Sendable, Hashable {
        public var reason: String
    }

    public var address: String
    public var displayName: String?

    /// The part after `@`, lowercased.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...].lowercased()
    }

    /// True when the address needs SMTPUTF8 (RFC 6531): a non-ASCII local part or domain.
    public var isASCII: Bool { address.unicodeScalars.allSatisfy(\.isASCII) }

    public init(address: String, displayName: String? = nil) throws(ParseError) {
        try Self.check(address: address)
        if let displayName {
            guard !displayName.unicodeScalars.contains(where: Self.isControl) else {
                throw ParseError(reason: "the display name contains a line break or control character")
            }
            guard displayName.count <= 200 else { throw ParseError(reason: "the display name is longer than 200 characters") }
        }
        self.address = address
        self.displayName = displayName.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
    }

    /// Reads `hello@shop.example` or `Shop <hello@shop.example>` (the name may be in double quotes).
    public static func parse(_ text: String) throws(ParseError) -> MailAddress {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            return try MailAddress(address: trimmed)
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = trimmed[..<open].trimmingSpaces
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
        }
        guard !name.contains("\"") else { throw ParseError(reason: "the display name contains a double quote") }
        return try MailAddress(address: address, displayName: name.isEmpty ? nil : name)
    }

    private static func check(address: String) throws(ParseError) {
        guard !address.isEmpty else { throw ParseError(reason: "the address is empty") }
        guard address.utf8.count <= 254 else { throw ParseError(reason: "the address is longer than 254 bytes") }
        let forbidden: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "\\"]
        if address.unicodeScalars.contains(where: { isControl($0) || $0 == " " || $0 == "\t" }) {
            throw ParseError(reason: "the address contains a space, line break or control character")
        }
        if let bad = address.first(where: { forbidden.contains($0) }) {
            throw ParseError(reason: "the address contains '\(bad)'")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw ParseError(reason: "the address must contain exactly one '@'") }
        guard !parts[0].isEmpty, parts[0].utf8.count <= 64 else { throw ParseError(reason: "the local part must have 1 to 64 bytes") }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard !parts[1].isEmpty, labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 }) else {
            throw ParseError(reason: "the domain '\(parts[1])' is not a valid host name")
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
