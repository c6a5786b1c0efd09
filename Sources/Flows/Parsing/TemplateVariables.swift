import Foundation

/// Checks the Mustache variables of flow texts (notify messages, webhook bodies) against the fields of the flow.
///
/// Top-level tags (`{{contact.first_name}}`, `{{{trigger.url}}}`, `{{& x}}`, section names `{{#review}}`) must name
/// known fields. Names inside sections are relative to the section and are not checked; comments and partials are
/// skipped; a delimiter change stops the check.
enum TemplateVariables {
    static func problems(in text: String, schema: ConditionSchema) -> [String] {
        var problems: [String] = []
        var depth = 0
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            guard let close = afterOpen.range(of: triple ? "}}}" : "}}") else {
                problems.append("a {{ tag is not closed")
                break
            }
            var tag = afterOpen[afterOpen.startIndex..<close.lowerBound]
            if triple { tag = tag.dropFirst() }
            rest = afterOpen[close.upperBound...]
            var name = tag.trimmingCharacters(in: .whitespaces)
            guard let sigil = name.first else {
                problems.append("an empty {{ }} tag")
                continue
            }
            switch sigil {
            case "!", ">": continue
            case "=": return problems
            case "/":
                depth = max(0, depth - 1)
                continue
            case "#", "^":
                name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces)
                if depth == 0 { check(name, schema: schema, into: &problems) }
                depth += 1
                continue
            case "&":
                name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces)
            default:
                break
            }
            if depth == 0, name != "." { check(name, schema: schema, into: &problems) }
        }
        return problems
    }

    private static func check(_ name: String, schema: ConditionSchema, into problems: inout [String]) {
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            problems.append("{{\(name)}} is not a field path")
            return
        }
        if let reason = schema.names(path) { problems.append("{{\(name)}}: \(reason.message)") }
    }
}
