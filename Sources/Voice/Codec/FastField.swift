/// Reads one string field out of a JSON text without parsing the whole document: the hot path of the bridge, where every
/// 20 ms audio frame is a small JSON object whose interesting values are plain ASCII (an event name, base64 audio).
/// Answers nil whenever it is not sure (the key is absent, the value is not a string, or it holds an escape), and the
/// caller then parses the text in full.
enum FastField {
    /// The string value of the first `"key":` in `text` (a key, not a value: it must be followed by a colon).
    static func string(_ key: StaticString, in text: String) -> Substring? {
        var text = text
        return text.withUTF8 { bytes -> Range<Int>? in
            key.withUTF8Buffer { key in range(of: key, in: bytes) }
        }.map { range in
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return text[start..<end]
        }
    }

    /// The byte range of the value of `"key"`: after its colon and opening quote, up to the closing quote.
    private static func range(of key: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let quote = UInt8(ascii: "\""), colon = UInt8(ascii: ":"), backslash = UInt8(ascii: "\\")
        let count = bytes.count, keyCount = key.count
        var index = 0
        while index + keyCount + 2 < count {
            guard bytes[index] == quote else {
                index += 1
                continue
            }
            var matches = bytes[index + keyCount + 1] == quote
            var offset = 0
            while matches, offset < keyCount {
                if bytes[index + 1 + offset] != key[offset] { matches = false }
                offset += 1
            }
            guard matches else {
                index += 1
                continue
            }
            var cursor = index + keyCount + 2
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == colon else {
                index += keyCount + 2
                continue
            }
            cursor += 1
            while cursor < count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == quote else { return nil }
            let start = cursor + 1
            var end = start
            while end < count, bytes[end] != quote {
                if bytes[end] == backslash || bytes[end] < 0x20 { return nil }
                end += 1
            }
            return end < count ? start..<end : nil
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// Audio travels as base64, which goes between JSON quotes as it is: the decoders' full path refuses anything else (the
/// fast path cannot let a quote, a backslash or a control character through), so the encoders write audio unescaped.
enum Base64Text {
    static func isBase64(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2F
                || byte == 0x3D
        }
    }
}
