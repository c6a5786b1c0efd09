/// Finds links in email bodies, byte by byte (UTF-8), for `TrackingLinks`.
enum LinkScanner {
    /// Where a link attribute's value sits: the bytes between its quotes (or the unquoted value).
    struct Href {
        var value: Range<Int>
    }

    private static let http = Array("http://".utf8)
    private static let https = Array("https://".utf8)
    private static let closingPunctuation = Array(".,;:!?)]}'".utf8)

    /// The end of the text URL starting at `start`, or nil when no URL starts there (the rule of `TemplateHTML.fromText`).
    static func urlEnd(in bytes: [UInt8], from start: Int) -> Int? {
        if start > 0 {
            let previous = bytes[start - 1]
            if previous >= 0x80 || isLetter(previous) || (previous >= 0x30 && previous <= 0x39) { return nil }
        }
        let rest = bytes[start...]
        let scheme = rest.starts(with: https) ? https.count : rest.starts(with: http) ? http.count : 0
        guard scheme > 0 else { return nil }
        var end = start + scheme
        while end < bytes.count {
            let byte = bytes[end]
            if byte <= 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x3C || byte == 0x3E { break }
            end += 1
        }
        while end > start + scheme, closingPunctuation.contains(bytes[end - 1]) { end -= 1 }
        return end > start + scheme ? end : nil
    }

    /// The `href` values of every `<a>` and `<area>` tag, in order. Comments are skipped.
    static func anchorHrefs(in bytes: [UInt8]) -> [Href] {
        var found: [Href] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C else {  // "<"
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            var cursor = index + 1
            let nameStart = cursor
            while cursor < bytes.count, isLetter(bytes[cursor]) || (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            let (attributes, tagEnd) = self.attributes(in: bytes, from: cursor)
            if name == "a" || name == "area", let href = attributes.first(where: { $0.name == "href" }) {
                found.append(Href(value: href.value))
            }
            index = tagEnd
        }
        return found
    }

    /// Where the last `</body>` starts, case-insensitively.
    static func lastClosingBody(in bytes: [UInt8]) -> Int? {
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("</body".utf8)
        var result: Int?
        var from = 0
        while let hit = find(needle, in: lowered, from: from) {
            result = hit
            from = hit + 1
        }
        return result
    }

    /// An attribute value with its character references (`&amp;`, `&#39;`, `&#x2F;`…) decoded.
    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text.trimmingSpaces() }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let decoded = reference(after[..<semicolon]) {
                output += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                output += "&"
                rest = after
            }
        }
        output += rest
        return output.trimmingSpaces()
    }

    private static func reference(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.first == "#" else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// The attributes of a tag whose name ends at `start`, and the index just past its `>`.
    private static func attributes(in bytes: [UInt8], from start: Int) -> ([(name: String, value: Range<Int>)], Int) {
        var found: [(name: String, value: Range<Int>)] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3E { return (found, index + 1) }  // ">"
            guard isLetter(byte) else {
                index += 1
                continue
            }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != 0x3D, bytes[index] != 0x3E, bytes[index] != 0x2F { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == 0x3D else { continue }  // "="
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let quote = bytes[index]
            if quote == 0x22 || quote == 0x27 {
                let valueStart = index + 1
                let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                found.append((name, valueStart..<valueEnd))
                index = min(valueEnd + 1, bytes.count)
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != 0x3E { index += 1 }
                found.append((name, valueStart..<index))
            }
        }
        return (found, bytes.count)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle)
        {
            return index
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
