import Foundation

extension Dictionary where Key == String, Value == Any {
    /// Without its empty texts: Mustache renders `{{#key}}…{{/key}}` for any string, even an empty one.
    var withoutBlanks: [String: Any] {
        filter { !(($0.value as? String)?.isEmpty ?? false) }
    }
}
