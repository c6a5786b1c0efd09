import Mustache

/// Compiles one Mustache text of a template, as plain text (values inserted as they are) or HTML (values escaped).
enum TemplateText {
    enum Kind: Sendable {
        /// Subjects and bodies: values are inserted without HTML escaping.
        case text
        /// Email HTML: values are HTML-escaped (`{{x}}`); `{{{x}}}` and `{{& x}}` are refused by `TemplateCheck`.
        case html
    }

    /// A text that Mustache cannot parse, with a message naming the line, the column and the reason.
    struct SyntaxError: Error, Sendable, Hashable {
        var message: String
    }

    /// The pragma that switches swift-mustache to plain text; alone on its line, so the line disappears from the output.
    private static let textPragma = "{{%CONTENT_TYPE:TEXT}}\n"

    static func compile(_ text: String, as kind: Kind) throws(SyntaxError) -> MustacheTemplate {
        let source = kind == .text ? textPragma + text : text
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            let line = kind == .text ? error.context.lineNumber - 1 : error.context.lineNumber
            throw SyntaxError(message: "malformed Mustache at line \(max(1, line)), column \(error.context.columnNumber + 1): \(reason(error.error))")
        } catch {
            throw SyntaxError(message: "malformed Mustache: \(reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            return "\(error)" == "overflow" ? "a tag is not closed (the text ends before its }})" : "\(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than the one it was opened with"
        case .unfinishedName: return "a tag is not closed or its name is malformed"
        case .expectedSectionEnd: return "a section is never closed (its {{/name}} is missing)"
        case .invalidSetDelimiter: return "a delimiter change is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "template inheritance is malformed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a {{% pragma }} is malformed or unknown"
        }
    }
}
