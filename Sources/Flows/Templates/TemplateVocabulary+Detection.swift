import Foundation

extension TemplateVocabulary {
    /// The variables a Mustache text uses at its top level (`contact.first_name`, the section `cart.lines`), in order of
    /// first use; names inside sections are relative to the section and are not listed. Comments, partials and delimiter
    /// changes are skipped.
    public static func variables(in text: String) -> [String] {
        var found: [String] = []
        var depth = 0
        for tag in TemplateTags.all(in: text) {
            var name = Substring(tag.content.trimmingCharacters(in: .whitespaces))
            guard let sigil = name.first else { continue }
            switch sigil {
            case "!", ">", "<", "$", "=", "%":
                continue
            case "/":
                depth = max(0, depth - 1)
                continue
            case "#", "^":
                name = name.dropFirst()
                if depth == 0 { found.append(name.trimmingCharacters(in: .whitespaces)) }
                depth += 1
                continue
            case "&":
                name = name.dropFirst()
            default:
                break
            }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if depth == 0, trimmed != "." { found.append(trimmed) }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }

    /// Whether a template may use `path` (`contact.first_name` yes, `contact.prenom` no; any `trigger.*`).
    public static func isKnown(_ path: String) -> Bool {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return schema.names(parts) == nil
    }
}
