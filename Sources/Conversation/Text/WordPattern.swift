/// How a word of a phrase table matches a word of a message: exactly, as a prefix ("remerc*"), or with one typo
/// (a letter wrong, missing, extra, or two neighbours swapped) when the table's word is long enough (see
/// `PhraseTable.typoMinimumLength`) and the first letters agree ("quater" → "quarter", "commnade" → "commande").
struct WordPattern: Sendable, Hashable {
    let stem: [UInt8]
    let isPrefix: Bool

    /// The shortest word read with a typo; longer words have fewer neighbours that are other words.
    let typoMinimumLength: Int

    init(_ folded: String, typoMinimumLength: Int) {
        self.typoMinimumLength = typoMinimumLength
        var bytes = Array(folded.utf8)
        isPrefix = bytes.count > 1 && bytes.last == UInt8(ascii: "*")
        if isPrefix { bytes.removeLast() }
        stem = bytes
    }

    func matches(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        if isPrefix {
            return bytes.count >= stem.count && bytes[0..<stem.count].elementsEqual(stem)
        }
        if bytes == stem { return true }
        guard stem.count >= typoMinimumLength, bytes.first == stem.first, !bytes.contains(where: Self.isDigit) else {
            return false
        }
        return Self.isOneEditApart(bytes, stem)
    }

    func matchesExactly(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return isPrefix ? bytes.count >= stem.count && bytes[0..<stem.count].elementsEqual(stem) : bytes == stem
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// One substitution, insertion, deletion, or swap of two neighbouring letters.
    static func isOneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            let different = a.indices.filter { a[$0] != b[$0] }
            if different.count == 1 { return true }
            return different.count == 2 && different[1] == different[0] + 1
                && a[different[0]] == b[different[1]] && a[different[1]] == b[different[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count, short[index] == long[index] { index += 1 }
        return short[index...].elementsEqual(long[(index + 1)...])
    }
}
