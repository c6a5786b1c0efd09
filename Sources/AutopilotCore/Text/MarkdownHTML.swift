import Foundation

/// Our own Markdown → HTML renderer for the subset the blog generator produces: ATX headings (`#`…`######`),
/// paragraphs, unordered (`-`, `*`) and ordered (`1.`) lists, and inline bold, italic and links (`MarkdownInline`).
/// Every character of text is HTML-escaped; nothing the input says becomes raw HTML.
public enum MarkdownHTML {
    /// The HTML of `markdown`, one block element per line.
    public static func render(_ markdown: String) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output.append("<p>" + MarkdownInline.render(paragraph.joined(separator: " ")) + "</p>")
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            output.append("<\(tag)>" + current.items.map { "<li>" + MarkdownInline.render($0) + "</li>" }.joined() + "</\(tag)>")
            list = nil
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let (level, text) = heading(line) {
                flushParagraph()
                flushList()
                output.append("<h\(level)>" + MarkdownInline.render(text) + "</h\(level)>")
            } else if let (ordered, text) = listItem(line) {
                flushParagraph()
                if let current = list, current.ordered != ordered { flushList() }
                if list == nil { list = (ordered, []) }
                list?.items.append(text)
            } else if var current = list, !current.items.isEmpty, rawLine.first == " " || rawLine.first == "\t" {
                current.items[current.items.count - 1] += " " + line
                list = current
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return output.joined(separator: "\n")
    }

    /// `## Title` → (2, "Title"); at most six `#`, then a space.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    /// `- item`, `* item` → (false, "item"); `3. item` → (true, "item").
    static func listItem(_ line: String) -> (Bool, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
            return (false, String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces))
    }

    /// `&`, `<`, `>`, `"` and `'` as entities.
    public static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
