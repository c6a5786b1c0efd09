import Foundation

/// Writes header values under RFC 5322 and RFC 2047: plain ASCII folded at spaces when it fits, otherwise UTF-8
/// encoded-words ("B" encoding), each line at most 78 characters.
enum HeaderText {
    static let maximumLineLength = 78
    private static let maximumEncodedWordLength = 75
    private static let encodedWordOverhead = "=?UTF-8?B??=".count

    /// The value to write after `name: `, folded with CRLF + space where needed.
    static func folded(_ value: String, headerName: String) -> String {
        let firstLineUsed = headerName.utf8.count + 2
        if let plain = foldedPlain(value, firstLineUsed: firstLineUsed) { return plain }
        return encodedWords(value, firstLineUsed: firstLineUsed)
    }

    /// A display name as an RFC 5322 phrase: a quoted string when ASCII, encoded-words otherwise.
    static func phrase(_ name: String, firstLineUsed: Int) -> String {
        let isSimpleASCII = name.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !name.contains("=?")
        if isSimpleASCII, firstLineUsed + name.utf8.count + 4 <= maximumLineLength {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(name, firstLineUsed: firstLineUsed)
    }

    /// Printable ASCII folded at single spaces, or nil when it needs encoding (non-ASCII, "=?", runs of spaces, long words).
    private static func foldedPlain(_ value: String, firstLineUsed: Int) -> String? {
        guard value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }), !value.contains("=?"),
            !value.contains("  "), !value.hasPrefix(" "), !value.hasSuffix(" ")
        else { return nil }
        var lines: [String] = []
        var line = ""
        var used = firstLineUsed
        for word in value.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if used + line.utf8.count + 1 + word.utf8.count <= maximumLineLength {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
                used = 1
            }
            if used + line.utf8.count > maximumLineLength { return nil }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n ")
    }

    /// The text as a run of `=?UTF-8?B?…?=` words split on character boundaries, one per line after the first.
    static func encodedWords(_ value: String, firstLineUsed: Int) -> String {
        var words: [String] = []
        var prefix = ""
        var budget = min(maximumEncodedWordLength, maximumLineLength - firstLineUsed)
        if budget < encodedWordOverhead + 8 {
            prefix = "\r\n "
            budget = maximumEncodedWordLength
        }
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, encodedLength(chunk.count + bytes.count) > budget {
                words.append(encodedWord(chunk))
                chunk = []
                budget = maximumEncodedWordLength
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return prefix + words.joined(separator: "\r\n ")
    }

    private static func encodedLength(_ byteCount: Int) -> Int {
        encodedWordOverhead + (byteCount + 2) / 3 * 4
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
