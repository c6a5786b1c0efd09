import Foundation

/// Checks that HTML is well-formed for the tags the renderer writes: every tag closed in order, no stray `<`.
enum HTMLShape {
    static let tags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "a"]

    /// nil when well-formed, else what is wrong.
    static func problem(in html: String) -> String? {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "unclosed <" }
            let inside = rest[rest.index(after: open)..<close]
            let closing = inside.hasPrefix("/")
            let name = String((closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber })
            guard tags.contains(name) else { return "unexpected tag <\(inside)>" }
            if closing {
                guard stack.popLast() == name else { return "</\(name)> closes nothing open" }
            } else {
                stack.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: ", "))>"
    }
}
