import Foundation

/// A light scan of the `{{ }}` tags of a Mustache text (already known to parse), for what `TemplateCheck` refuses.
enum TemplateTags {
    /// Each tag's inside, trimmed, with `triple` set for `{{{ }}}`.
    static func all(in text: String) -> [(content: Substring, triple: Bool)] {
        var tags: [(content: Substring, triple: Bool)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            guard let close = afterOpen.range(of: triple ? "}}}" : "}}") else { break }
            var tag = afterOpen[afterOpen.startIndex..<close.lowerBound]
            if triple { tag = tag.dropFirst() }
            tags.append((tag.drop { $0 == " " }, triple))
            rest = afterOpen[close.upperBound...]
        }
        return tags
    }

    /// The variable and section names used in a text (`links.unsubscribe`, `cart.lines`).
    static func names(in text: String) -> Set<String> {
        Set(
            all(in: text).compactMap { tag in
                var name = tag.content
                if let sigil = name.first, "#^/&".contains(sigil) { name = name.dropFirst() }
                if let sigil = name.first, "!>=%<$".contains(sigil) { return nil }
                return name.trimmingSpaces
            })
    }

    /// Messages for the tags message templates may not use: partials, inheritance, delimiter changes and pragmas (the
    /// renderer owns escaping and has no partials), and unescaped values in HTML.
    static func unsupported(in text: String, html: Bool) -> [String] {
        var problems: [String] = []
        for tag in all(in: text) {
            switch tag.content.first {
            case ">": problems.append("partials ({{> name}}) are not supported in message templates")
            case "<", "$": problems.append("template inheritance ({{< name}}, {{$ name}}) is not supported in message templates")
            case "=": problems.append("delimiter changes ({{= <% %> =}}) are not supported in message templates")
            case "%": problems.append("pragmas ({{% … }}) are not supported in message templates")
            case "&" where html: problems.append("{{& \(tag.content.dropFirst().trimmingSpaces)}} would insert unescaped text into HTML")
            default:
                if tag.triple, html { problems.append("{{{\(tag.content.trimmingSpaces)}}} would insert unescaped text into HTML") }
            }
        }
        return problems
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String { trimmingCharacters(in: .whitespaces) }
}
