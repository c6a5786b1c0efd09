import Foundation

/// Cuts a document into passages a search can answer with: paragraphs (blocks separated by a blank line) gathered up to
/// `target` characters; a question or a heading starts a passage and keeps the answer that follows it; a paragraph longer than `maximum`
/// is cut between sentences, and a sentence longer than that between words. Pure.
public struct PassageChunker: Sendable {
    public var target = 700
    public var maximum = 1_200

    public init(target: Int = 700, maximum: Int = 1_200) {
        self.target = target
        self.maximum = max(maximum, target)
    }

    public func passages(of body: String) -> [String] {
        var passages: [String] = []
        var current = ""
        var holdsLead = false
        for block in blocks(body).flatMap(pieces) {
            let lead = Self.isLead(block)
            if !current.isEmpty {
                let length = current.count + 2 + block.count
                // After a question or a heading, what follows joins it up to the maximum; the next question or heading
                // starts a passage of its own.
                let full = holdsLead ? length > maximum : lead || length > target
                if full {
                    passages.append(current)
                    current = ""
                }
            }
            current = current.isEmpty ? block : current + "\n\n" + block
            holdsLead = lead
        }
        if !current.isEmpty { passages.append(current) }
        return passages
    }

    /// A question or a heading: it introduces what follows.
    static func isLead(_ block: String) -> Bool {
        block.hasSuffix("?") || block.hasPrefix("#") || block.hasPrefix("Q:") || block.hasPrefix("Q :") || (block.count < 80 && block.hasSuffix(":"))
    }

    /// Paragraphs: trimmed blocks between blank lines.
    func blocks(_ body: String) -> [String] {
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        var blocks: [String] = []
        var current: [Substring] = []
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        return blocks.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A block no longer than `maximum`: itself, else its sentences (or words) gathered up to `target`.
    func pieces(_ block: String) -> [String] {
        guard block.count > maximum else { return [block] }
        var pieces: [String] = []
        var current = ""
        for sentence in Self.sentences(block).flatMap(words) {
            if !current.isEmpty, current.count + 1 + sentence.count > target {
                pieces.append(current)
                current = ""
            }
            current = current.isEmpty ? sentence : current + " " + sentence
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Sentences: text up to and including `.`, `!`, `?` or a line end, trimmed.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?\n".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// A sentence no longer than `maximum`: itself, else runs of its words (a word longer than that is cut).
    func words(_ sentence: String) -> [String] {
        guard sentence.count > maximum else { return [sentence] }
        var runs: [String] = []
        var current = ""
        for word in sentence.split(whereSeparator: \.isWhitespace).flatMap({ Self.cut(String($0), every: maximum) }) {
            if !current.isEmpty, current.count + 1 + word.count > target {
                runs.append(current)
                current = ""
            }
            current = current.isEmpty ? word : current + " " + word
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    static func cut(_ word: String, every length: Int) -> [String] {
        guard word.count > length else { return [word] }
        var parts: [String] = []
        var rest = Substring(word)
        while !rest.isEmpty {
            parts.append(String(rest.prefix(length)))
            rest = rest.dropFirst(length)
        }
        return parts
    }
}
