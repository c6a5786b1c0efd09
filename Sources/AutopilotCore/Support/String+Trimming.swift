import Foundation

extension String {
    /// Without leading and trailing whitespace. ASCII fast path: Foundation's `trimmingCharacters` goes through
    /// NSString on Linux and dominated ingestion profiles.
    public var trimmedWhitespace: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if !Self.mayBeWhitespace(first), !Self.mayBeWhitespace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when the text is only whitespace (or empty).
    public var isBlank: Bool {
        for byte in utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            return byte < 0x80 ? false : trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        return true
    }

    private static func mayBeWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte >= 0x80
    }
}
