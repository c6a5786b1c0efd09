import Foundation

/// Values for templates' optional sections. Mustache treats every string, even "", as true; `NSNull` renders as an
/// empty, false section (and stops the lookup in outer contexts).
enum TemplateValue {
    /// The text, or an empty section when missing or empty.
    static func optional(_ text: String?) -> Any {
        guard let text, !text.isEmpty else { return NSNull() }
        return text
    }
}
