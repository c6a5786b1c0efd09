import Foundation

/// Inline Markdown for `MarkdownHTML`: `**bold**`, `*italic*` or `_italic_`, `[text](url)`, backslash escapes.
/// Text is escaped; a link keeps its target only for http, https and mailto URLs and site-relative paths (`/…`, `#…`),
/// otherwise its text stays and the link goes. Unclosed markers are plain text.
enum MarkdownInline {
    static func render(_ text: String) -> String {
        render(Array(text))
    }

    private static func render(_ characters: [Character]) -> String {
        var output = ""
        var index = 0
        var plain = ""
        func flush() {
            output += MarkdownHTML.escape(plain)
            plain = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\*_[]()#`".contains(characters[index + 1]) {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
                let close = find(["*", "*"], in: characters, from: index + 2), close > index + 2
            {
                flush()
                output += "<strong>" + render(Array(characters[(index + 2)..<close])) + "</strong>"
                index = close + 2
                continue
            }
            if character == "*" || character == "_", opensEmphasis(characters, at: index),
                let close = closingEmphasis(character, in: characters, from: index + 1)
            {
                flush()
                output += "<em>" + render(Array(characters[(index + 1)..<close])) + "</em>"
                index = close + 1
                continue
            }
            if character == "[", let link = link(in: characters, at: index) {
                flush()
                let label = render(Array(characters[(index + 1)..<link.labelEnd]))
                if let url = safeURL(link.url) {
                    output += "<a href=\"" + MarkdownHTML.escape(url) + "\">" + label + "</a>"
                } else {
                    output += label
                }
                index = link.end
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return output
    }

    private static func find(_ marker: [Character], in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + marker.count <= characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if Array(characters[index..<(index + marker.count)]) == marker { return index }
            index += 1
        }
        return nil
    }

    /// A single `*` or `_` opens emphasis when followed by a non-space, and (`_`) not inside a word.
    private static func opensEmphasis(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, !characters[index + 1].isWhitespace, characters[index + 1] != characters[index] else { return false }
        if characters[index] == "_", index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { return false }
        return true
    }

    private static func closingEmphasis(_ marker: Character, in characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == marker, !characters[index - 1].isWhitespace {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if marker == "*" && next == "*" {
                    index += 2
                    continue
                }
                if marker == "_" && (next.isLetter || next.isNumber) {
                    index += 1
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    private static func link(in characters: [Character], at start: Int) -> (labelEnd: Int, url: String, end: Int)? {
        var depth = 0
        var index = start
        while index < characters.count {
            if characters[index] == "[" { depth += 1 }
            if characters[index] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        guard index + 1 < characters.count, characters[index + 1] == "(" else { return nil }
        let labelEnd = index
        var close = index + 2
        var parentheses = 0
        while close < characters.count {
            if characters[close] == "(" { parentheses += 1 }
            if characters[close] == ")" {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            close += 1
        }
        guard close < characters.count else { return nil }
        let url = String(characters[(index + 2)..<close]).trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !url.contains(where: \.isWhitespace) else { return nil }
        return (labelEnd, url, close + 1)
    }

    private static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") { return url }
        if url.hasPrefix("/") && !url.hasPrefix("//") { return url }
        if url.hasPrefix("#") { return url }
        return nil
    }
}
