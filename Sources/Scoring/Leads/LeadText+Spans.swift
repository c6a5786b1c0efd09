import Foundation

extension LeadText {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte == otherLetter }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    /// Characters a space in a phrase pattern stands for.
    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x27 || byte == 0x2D || byte == 0x22 || byte == 0x0A
    }
    /// Sentence ends: `.` (not between digits), `!`, `?`, `;`, new line.
    func isSentenceEnd(at index: Int) -> Bool {
        switch bytes[index] {
        case 0x21, 0x3F, 0x3B, 0x0A: return true
        case 0x2E:
            let before = index > 0 && Self.isDigit(bytes[index - 1])
            let after = index + 1 < count && Self.isDigit(bytes[index + 1])
            return !(before && after)
        default: return false
        }
    }

    /// The start of the sentence holding `index`, looking back at most `limit` bytes.
    func sentenceStart(before index: Int, limit: Int) -> Int {
        var position = index
        let floor = max(0, index - limit)
        while position > floor {
            if isSentenceEnd(at: position - 1) { return position }
            position -= 1
        }
        return position
    }

    /// The first index at or after `index` that is not a space.
    func skipSpaces(from index: Int, limit: Int = 3) -> Int {
        var position = index
        while position < count, position - index < limit, bytes[position] == 0x20 { position += 1 }
        return position
    }

    /// The index just after the last non-space byte before `index`.
    func skipSpacesBackward(from index: Int) -> Int {
        var position = index
        while position > 0, Self.isSeparator(bytes[position - 1]), bytes[position - 1] != 0x0A { position -= 1 }
        return position
    }

    /// The end of the letter run starting at `index`.
    func letterRunEnd(from index: Int) -> Int {
        var position = index
        while position < count, Self.isLetter(bytes[position]) { position += 1 }
        return position
    }

    /// Evidence for the folded bytes `[start, end)`: the original substring and its character range.
    func evidence(start: Int, end: Int, rule: String) -> FieldEvidence {
        guard start >= 0, end > start, end <= count else { return FieldEvidence(rule: rule) }
        let utf8 = original.utf8
        let lower = Int(origins[start])
        var upper = Int(origins[end - 1])
        guard let from = utf8.index(utf8.startIndex, offsetBy: lower, limitedBy: utf8.endIndex),
            var to = utf8.index(utf8.startIndex, offsetBy: upper, limitedBy: utf8.endIndex), to < utf8.endIndex
        else { return FieldEvidence(rule: rule) }
        let scalars = original.unicodeScalars
        scalars.formIndex(after: &to)
        while to < scalars.endIndex, Self.isAttached(scalars[to].value) { scalars.formIndex(after: &to) }
        upper = utf8.distance(from: utf8.startIndex, to: to)
        let text = String(original[from..<to])
        let range: EvidenceRange
        if scalarsAreCharacters {
            let first = scalarCount(utf8Prefix: lower)
            range = EvidenceRange(start: first, end: first + scalarCount(utf8From: lower, to: upper))
        } else {
            let first = characterOffset(of: from)
            range = EvidenceRange(start: first, end: first + original[from..<to].count)
        }
        return FieldEvidence(text: text, range: range, rule: rule, source: .rules)
    }

    private func scalarCount(utf8Prefix length: Int) -> Int {
        scalarCount(utf8From: 0, to: length)
    }

    /// Unicode scalars in the UTF-8 bytes `[from, to)` of the original: the bytes that are not continuation bytes.
    private func scalarCount(utf8From from: Int, to: Int) -> Int {
        let counted = original.utf8.withContiguousStorageIfAvailable { buffer -> Int in
            var scalars = 0
            for index in from..<min(to, buffer.count) where buffer[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
        if let counted { return counted }
        let utf8 = original.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        let upper = utf8.index(utf8.startIndex, offsetBy: to)
        return original.unicodeScalars[lower..<upper].count
    }

    private static func isAttached(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x200C...0x200D).contains(value) || (0xFE00...0xFE0F).contains(value)
    }

    private func characterOffset(of index: String.Index) -> Int {
        var offset = 0
        var position = original.startIndex
        while position < index {
            original.formIndex(after: &position)
            offset += 1
        }
        return position == index ? offset : max(0, offset - 1)
    }
}

extension LeadText {
    /// The start of the clause holding `index` (sentence ends and commas not between digits), looking back at most `limit`.
    func clauseStart(before index: Int, limit: Int) -> Int {
        var position = index
        let floor = max(0, index - limit)
        while position > floor {
            let previous = position - 1
            if isSentenceEnd(at: previous) { return position }
            if bytes[previous] == 0x2C,
                !(previous > 0 && Self.isDigit(bytes[previous - 1]) && previous + 1 < count
                    && Self.isDigit(bytes[previous + 1]))
            {
                return position
            }
            position -= 1
        }
        return position
    }
}
