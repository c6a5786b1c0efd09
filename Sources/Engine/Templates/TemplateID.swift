/// How the API names a template: `NAME` (the tenant's newest version of that name, else the built-in one),
/// `NAME@VERSION` (one version the tenant wrote, such as `abandoned-cart-sms@2`) or `NAME@builtin` (the built-in one).
public struct TemplateID: Sendable, Hashable, CustomStringConvertible {
    /// Which version of the name an id points at.
    public enum Version: Sendable, Hashable {
        /// The tenant's newest version, or the built-in one when the tenant has none.
        case current
        /// The template shipped with Autopilot.
        case builtIn
        /// One version the tenant wrote.
        case number(Int)
    }

    public var name: String
    public var version: Version

    public init(name: String, version: Version) {
        self.name = name
        self.version = version
    }

    /// Reads an id; nil when it is not one (an unknown id: the API answers 404).
    public init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, Self.isName(name) else { return nil }
        self.name = name
        guard parts.count == 2 else {
            version = .current
            return
        }
        if parts[1] == "builtin" {
            version = .builtIn
        } else if let number = Int(parts[1]), number >= 1, String(number) == parts[1] {
            version = .number(number)
        } else {
            return nil
        }
    }

    public var description: String {
        switch version {
        case .current: name
        case .builtIn: "\(name)@builtin"
        case .number(let number): "\(name)@\(number)"
        }
    }

    /// Template names: lower-case ASCII letters, digits and dashes (what `MessageTemplate` accepts).
    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
