import Foundation

/// Quoted-printable content transfer encoding (RFC 2045 §6.7) of UTF-8 text: line breaks become CRLF hard breaks,
/// every encoded line is at most 76 characters, soft breaks end in `=`.
enum QuotedPrintable {
    static let maximumLineLength = 76

    /// The encoded text, lines joined by CRLF, with no final line break.
    static func encode(_ text: String) -> String {
        normalizedLines(text).map(encodeLine).joined(separator: "\r\n")
    }

    /// The text's lines, whatever its line breaks were (CRLF, LF or CR).
    static func normalizedLines(_ text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case 33...60, 62...126: token = String(UnicodeScalar(byte))
            case 9 where !isLast, 32 where !isLast: token = String(UnicodeScalar(byte))
            default: token = hex(byte)
            }
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + token.utf8.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.utf8.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
