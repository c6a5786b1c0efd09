import Foundation

/// Undoes the MIME content transfer encodings (RFC 2045 §6.7, §6.8). Bad input is skipped, never an error.
enum TransferEncoding {
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.filter { !($0 == 13 || $0 == 10 || $0 == 32 || $0 == 9) }
        var text = String(decoding: clean, as: UTF8.self)
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text, options: .ignoreUnknownCharacters).map(Array.init) ?? []
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            // A soft line break: "=" then optional spaces, then CRLF or LF.
            var next = index + 1
            while next < bytes.count, bytes[next] == 32 || bytes[next] == 9 { next += 1 }
            if next < bytes.count, bytes[next] == 13 || bytes[next] == 10 {
                if bytes[next] == 13, next + 1 < bytes.count, bytes[next + 1] == 10 { next += 1 }
                index = next + 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

/// Text in the charset a MIME part names: UTF-8 and ASCII, ISO-8859-1 and -15, Windows-1252; an unknown charset, or UTF-8
/// that is not valid, reads as Windows-1252 so no byte is lost.
enum Charsets {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "utf-8").trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased()
        let data = Data(bytes)
        switch name {
        case "iso-8859-1", "latin1", "iso_8859-1", "iso-8859-15", "latin-1":
            if let text = String(data: data, encoding: .isoLatin1) { return text }
        case "windows-1252", "cp1252":
            if let text = String(data: data, encoding: .windowsCP1252) { return text }
        default:
            if let text = String(bytes: bytes, encoding: .utf8) { return text }
        }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }
}

/// RFC 2047 encoded-words in header values (`=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`); whitespace between two adjacent
/// encoded-words is dropped, as the RFC asks.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var rest = Substring(value)
        var pendingSpace = ""
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            if lastWasEncoded, before.allSatisfy(\.isWhitespace) {
                pendingSpace = ""
            } else {
                output += pendingSpace + before
                pendingSpace = ""
            }
            let afterStart = rest[start.upperBound...]
            let pieces = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard pieces.count == 4, pieces[3].hasPrefix("="), let decoded = word(charset: pieces[0], encoding: pieces[1], text: pieces[2]) else {
                output += "=?"
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            output += decoded
            rest = pieces[3].dropFirst()
            lastWasEncoded = true
        }
        return output + pendingSpace + rest
    }

    private static func word(charset: Substring, encoding: Substring, text: Substring) -> String? {
        let charsetName = charset.split(separator: "*").first.map(String.init) ?? String(charset)
        switch encoding.lowercased() {
        case "b":
            return Charsets.decode(TransferEncoding.base64(Array(text.utf8)), charset: charsetName)
        case "q":
            let bytes = Array(text.replacingOccurrences(of: "_", with: " ").utf8)
            return Charsets.decode(TransferEncoding.quotedPrintable(bytes), charset: charsetName)
        default:
            return nil
        }
    }
}

/// `type/subtype; name=value; name="quoted value"` (Content-Type, Content-Disposition), the type lower-cased.
enum HeaderParameters {
    static func parse(_ value: String) -> (type: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        let type = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = String(raw.dropFirst().dropLast()) }
            parameters[name] = raw.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return (type.isEmpty ? "text/plain" : type, parameters)
    }
}

/// The body parts between `--boundary` lines (RFC 2046 §5.1.1); the preamble and epilogue are dropped.
enum Multipart {
    static func split(_ body: [UInt8], boundary: String) -> [[UInt8]] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [[UInt8]] = []
        var current: [UInt8]?
        var lineStart = 0
        var index = 0
        func isDelimiter(_ line: ArraySlice<UInt8>) -> (Bool, closing: Bool) {
            guard line.starts(with: delimiter) else { return (false, false) }
            let rest = line.dropFirst(delimiter.count)
            let closing = rest.starts(with: [45, 45])
            let tail = closing ? rest.dropFirst(2) : rest
            return (tail.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }, closing)
        }
        while lineStart < body.count {
            index = lineStart
            while index < body.count, body[index] != 10 { index += 1 }
            let lineEnd = index
            let line = body[lineStart..<lineEnd]
            let (delimiterLine, closing) = isDelimiter(line)
            if delimiterLine {
                if var part = current {
                    // The CRLF before a delimiter belongs to the delimiter.
                    if part.last == 10 { part.removeLast() }
                    if part.last == 13 { part.removeLast() }
                    parts.append(part)
                }
                if closing { return parts }
                current = []
            } else if current != nil {
                current?.append(contentsOf: body[lineStart..<min(lineEnd + 1, body.count)])
            }
            lineStart = lineEnd + 1
        }
        if let current, !current.isEmpty { parts.append(current) }
        return parts
    }
}

/// HTML reduced to its text: tags removed (a `<br>`, `</p>` or `</div>` ends a line; `<blockquote>` contents, the quoted
/// history, are dropped), entities for the common characters decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"(?is)<(script|style|head)\b.*?</\1\s*>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?is)<blockquote\b.*</blockquote\s*>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?i)<br\s*/?>|</p\s*>|</div\s*>|</tr\s*>|</li\s*>"#, with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
